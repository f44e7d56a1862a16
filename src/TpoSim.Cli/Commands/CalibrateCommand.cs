using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using TpoSim.Calibration;
using TpoSim.Validation;

namespace TpoSim.Cli.Commands;

/// <summary>
/// <c>tposim calibrate [--cases FILE] [--setup FILE] [--out FILE] [--json] [--quiet]</c>: estimates the shared
/// parameters of validation/calibration.json jointly on the calibration cases and prints (or writes) the estimates,
/// their 95% intervals, identifiability and correlations, and the fit of every target.
/// </summary>
public static class CalibrateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var cases = new Option<string?>("--cases") { Description = $"Case file (default: {CaseFileLoader.DefaultRelativePath}, searched from the current folder upwards). Only its calibration cases are fitted." };
        var setup = new Option<string?>("--setup") { Description = $"Which parameters to estimate (default: {CalibrationSetup.DefaultRelativePath} next to the case file)." };
        var outFile = new Option<string?>("--out") { Description = $"Write the estimates, correlations, fits and provenance as JSON; '{ShippedParameters.RelativePath}' is the set the model ships with: {CalibrationFile.RegenerateCommand}" };
        var json = new Option<bool>("--json") { Description = "Print the JSON file to standard output instead of the tables." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress lines." };
        var command = new Command("calibrate",
            "Estimate the shared parameters jointly on the calibration cases (weighted least squares on their metrics, σ from the published tolerances; " +
            "Levenberg–Marquardt from the literature values, deterministic). Prints estimates with 95% intervals, a flag on each parameter the data " +
            "cannot identify, the correlation matrix and every target's fit; validation cases are never used.")
        {
            cases, setup, outFile, json, quiet,
        };
        command.SetAction(parse => Run(console, parse.GetValue(cases), parse.GetValue(setup), parse.GetValue(outFile), parse.GetValue(json), parse.GetValue(quiet)));
        return command;
    }

    private static int Run(CliConsole console, string? casesPath, string? setupPath, string? outFile, bool json, bool quiet)
    {
        var path = casesPath ?? ValidateCommand.FindCaseFile()
            ?? throw new CliInputException($"cannot find {CaseFileLoader.DefaultRelativePath} in the current folder or above it; run from the repository or give --cases FILE");
        var cases = CliInputFiles.Value(CaseFileLoader.LoadFile(path), path);
        var setupFile = setupPath ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", Path.GetFileName(CalibrationSetup.DefaultRelativePath));
        var calibrationSetup = CliInputFiles.Value(CalibrationSetup.Load(setupFile), setupFile);
        if (CalibrationTarget.From(cases).Count == 0)
            throw new CliInputException($"{path}: no runnable calibration case has a two-sided check to fit");
        // The setup's parameters belong to one core: a case on another core would not hold them.
        if (CalibrationTarget.UsableCases(cases).FirstOrDefault(c => c.Scenario!.Model != calibrationSetup.Model.Name) is { } other)
            throw new CliInputException($"{setupFile}: $.model: {calibrationSetup.Model.Name}, but calibration case {other.Id} of {path} runs on model {other.Scenario!.Model}; allowed: a setup and cases of one model");

        var progressOut = json ? console.Error : console.Out;
        var last = -1;
        var progress = quiet ? null : new Reporter(p =>
        {
            var pct = (int)Math.Floor(100.0 * p.Evaluations / p.MaxEvaluations);
            if (pct == last) return;
            last = pct;
            progressOut.WriteLine($"progress: {pct}% (evaluation {p.Evaluations}, best Σ residual² {p.BestObjective.ToString("0.###", CultureInfo.InvariantCulture)})");
        });
        var result = Calibrator.Run(cases, calibrationSetup, progress);
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? ".";
        var text = CalibrationFile.Json(result, calibrationSetup, new CalibrationProvenance(DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Commit(root)));
        if (outFile is not null) CalibrationFile.Write(outFile, text);
        if (json) console.Out.Write(text);
        else Print(console, result, outFile);
        return ExitCodes.Ok;
    }

    private static void Print(CliConsole console, CalibrationResult r, string? outFile)
    {
        static string F(double v) => double.IsFinite(v) ? v.ToString("G4", CultureInfo.InvariantCulture) : "–";
        var estimates = new Table().Border(TableBorder.Rounded).Title("[bold]Estimates (weighted least squares on the calibration cases)[/]");
        foreach (var c in new[] { "parameter", "literature", "estimate", "95% interval", "unit", "identifiable" }) estimates.AddColumn(c);
        foreach (var e in r.Estimates)
            estimates.AddRow(Markup.Escape(e.Definition.Name), F(e.Definition.Value), F(e.Value), $"{F(e.Low)}–{F(e.High)}", Markup.Escape(e.Definition.Unit),
                Markup.Escape(e.Identifiable ? (e.Flag ?? "yes") : $"NO: {e.Flag}"));
        console.Ansi.Write(estimates);

        var corr = new Table().Border(TableBorder.Rounded).Title("[bold]Correlation of the estimates[/]");
        corr.AddColumn("");
        foreach (var e in r.Estimates) corr.AddColumn(new TableColumn(Markup.Escape(e.Definition.Name)).RightAligned());
        for (var i = 0; i < r.Estimates.Count; i++)
            corr.AddRow([Markup.Escape(r.Estimates[i].Definition.Name), .. Enumerable.Range(0, r.Estimates.Count).Select(k => double.IsFinite(r.Correlation[i, k]) ? r.Correlation[i, k].ToString("0.00", CultureInfo.InvariantCulture) : "–")]);
        console.Ansi.Write(corr);

        var fits = new Table().Border(TableBorder.Rounded).Title("[bold]Targets: published centre ± σ, simulated at the literature values and at the estimate[/]");
        foreach (var c in new[] { "case", "metric", "centre", "σ", "literature", "estimate", "residual" }) fits.AddColumn(c);
        foreach (var f in r.Fits)
            fits.AddRow(f.Target.CaseId, Markup.Escape(f.Target.Check.Description), F(f.Target.Centre), F(f.Target.Sigma), F(f.Literature), F(f.Estimated), F(f.Residual));
        console.Ansi.Write(fits);
        console.Out.WriteLine($"Σ residual²: {F(r.ObjectiveLiterature)} at the literature values, {F(r.Objective)} at the estimate ({r.Fits.Count} targets from {string.Join(", ", r.Cases)}; {r.Evaluations} evaluations; {r.Exit}).");
        if (outFile is not null) console.Out.WriteLine($"Wrote {Path.GetFullPath(outFile)}");
    }

    /// <summary>The git commit of <paramref name="root"/>, or "unknown" (no git, not a repository).</summary>
    private static string Commit(string root)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", root, "rev-parse", "HEAD"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (git is null) return "unknown";
            var sha = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && sha.Length == 40 ? sha : "unknown";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return "unknown";
        }
    }

    private sealed class Reporter(Action<CalibrationProgress> report) : IProgress<CalibrationProgress>
    {
        public void Report(CalibrationProgress value) => report(value);
    }
}
