using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TpoSim.Fitting;
using TpoSim.Forecasting;
using TpoSim.Policies;

namespace TpoSim.Cli.Commands;

/// <summary>
/// <c>tposim forecast PATIENT.csv --weeks N [--target 50-150] [--max-risk 0.1] [--regimen label|hold|fixed:X ...]
/// [--regimen-file F] [--fit fit.json] [--seed S] [--out DIR]</c>: projects candidate regimens and recommends one.
/// </summary>
public static class ForecastCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var input = new PatientInput();
        var weeks = new Option<int>("--weeks") { Description = "Weeks to project after the last observation (1–52).", Required = true };
        var target = new Option<string>("--target") { Description = "Target platelet range LOW-HIGH, 10^9/L.", DefaultValueFactory = _ => "50-150" };
        var maxRisk = new Option<double>("--max-risk") { Description = "Largest accepted probability of a count > 400 ×10^9/L in the window (0–1).", DefaultValueFactory = _ => 0.1 };
        var regimen = new Option<string[]>("--regimen") { Description = "Candidate regimen, repeatable: label (the drug's label titration from the current dose), hold, fixed:X (X per dose in the history's unit at the label interval). Default: label, hold, and fixed at the current dose and the label levels next to it.", AllowMultipleArgumentsPerToken = true };
        var regimenFile = new Option<string?>("--regimen-file") { Description = "JSON array of user regimens: {\"name\": …, \"fixed\": X | \"hold\": true | \"label\": true | \"rule\": {low, high, hold, resume, step, maxDose}} (docs/fit-forecast.md)." };
        var fitFile = new Option<string?>("--fit") { Description = "A fit.json from 'tposim fit' for this patient (skips refitting)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the posterior draws; the same seed gives the same bytes.", DefaultValueFactory = _ => 1 };
        var samples = new Option<int>("--samples") { Description = "Posterior draws per regimen (10–2000).", DefaultValueFactory = _ => 100 };
        var outDir = new Option<string>("--out") { Description = "Directory for forecast.json, forecast.csv and forecast.svg. " + OutputOptions.ExistingFolderRule, DefaultValueFactory = _ => "out-forecast" };
        var force = OutputOptions.Force();
        var rtol = ToleranceOption.Create("every posterior draw's solve", "the 8-week forecast's statistics");
        var command = new Command("forecast", "Project a fitted patient's platelets over the next weeks under candidate regimens (label rule, fixed doses, hold, user rules) with prediction bands from the posterior, and recommend the regimen with the largest expected time in the target range whose risk of > 400 ×10^9/L is acceptable. Supports, does not replace, clinical judgment.")
        {
            weeks, target, maxRisk, regimen, regimenFile, fitFile, seed, samples, rtol, outDir, force,
        };
        input.AddTo(command);
        command.SetAction(parse => Run(console, input, parse, new Request(parse.GetValue(weeks), parse.GetValue(target)!, parse.GetValue(maxRisk),
            parse.GetValue(regimen) ?? [], parse.GetValue(regimenFile), parse.GetValue(fitFile), parse.GetValue(seed), parse.GetValue(samples), parse.GetValue(rtol), parse.GetValue(outDir)!, parse.GetValue(force))));
        return command;
    }

    private sealed record Request(int Weeks, string Target, double MaxRisk, string[] Regimens, string? RegimenFile, string? FitFile, int Seed, int Samples, double RelativeTolerance, string Out, bool Force);

    private static int Run(CliConsole console, PatientInput input, ParseResult parse, Request request)
    {
        if (request.Weeks is < 1 or > 52) throw new CliInputException($"--weeks: {request.Weeks} is outside the allowed range [1, 52]");
        if (!(request.MaxRisk is >= 0 and <= 1)) throw new CliInputException($"--max-risk: {request.MaxRisk.ToString(CultureInfo.InvariantCulture)} is outside the allowed range [0, 1]");
        if (request.Samples is < 10 or > 2000) throw new CliInputException($"--samples: {request.Samples} is outside the allowed range [10, 2000]");
        ToleranceOption.Check(request.RelativeTolerance);
        var (low, high) = ParseTarget(request.Target);
        var regimens = new List<Regimen>();
        foreach (var text in request.Regimens)
        {
            var (r, error) = Regimen.Parse(text);
            if (error is not null) throw new CliInputException(error);
            regimens.Add(r!);
        }
        if (request.RegimenFile is { } file)
        {
            regimens.AddRange(CliInputFiles.Value(RegimenFile.Read(file), file));
        }
        var history = input.Load(console, parse);
        if (history is null) return ExitCodes.BadInput;
        if (regimens.Count == 0) regimens.AddRange(Forecaster.DefaultRegimens(history));
        var duplicate = regimens.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new CliInputException($"--regimen: '{duplicate.Key}' is asked twice; each regimen once");
        var problems = Forecaster.Check(history, regimens);
        foreach (var p in problems) console.Error.WriteLine($"tposim: {p}");
        if (problems.Count > 0) return ExitCodes.BadInput;

        var quiet = parse.GetValue(input.Quiet);
        var threads = parse.GetValue(input.Threads);
        var problem = new FitProblem(history, input.Prior(parse, history));
        using var folder = Output.Files.OutputFolder.Begin(request.Out, request.Force);
        FitResult fit;
        if (request.FitFile is { } fitPath)
        {
            var (read, error) = FitFiles.Read(fitPath, problem);
            if (error is not null) throw new CliInputException(error);
            fit = read!;
        }
        else
        {
            if (!quiet) console.Out.WriteLine($"Fitting patient {history.Id} ({problem.ObservationCount} observations) ...");
            fit = MapEstimator.Fit(problem, new MapOptions(Threads: threads), console.Cancellation);
            if (!fit.Converged)
            {
                console.Error.WriteLine($"tposim: the fit did not converge ({fit.Message}); no forecast");
                return ExitCodes.NumericalFailure;
            }
        }
        var options = new ForecastOptions(request.Weeks, low, high, request.MaxRisk, Samples: request.Samples, Seed: request.Seed, Threads: threads) { RelativeTolerance = request.RelativeTolerance };
        if (!quiet) console.Out.WriteLine($"Projecting {regimens.Count} regimens × {request.Samples} posterior draws over {request.Weeks} weeks (seed {request.Seed}) ...");
        var result = ProgressRun.Run(console, quiet, "forecast", progress => Forecaster.Run(fit, regimens, options, progress, console.Cancellation));
        console.Cancellation.ThrowIfCancellationRequested();
        var written = ForecastFiles.WriteAll(result, folder.StagingPath);
        folder.Commit(console.Cancellation);
        if (!quiet)
        {
            Print(console, result);
            console.Out.WriteLine(OutputOptions.Wrote(folder, written));
        }
        console.Out.WriteLine(ForecastResult.Disclaimer);
        return ExitCodes.Ok;
    }

    private static (double Low, double High) ParseTarget(string text)
    {
        var parts = text.Split('-', 2);
        if (parts.Length == 2
            && TpoSim.Input.InputNumber.TryParse(parts[0], out var low)
            && TpoSim.Input.InputNumber.TryParse(parts[1], out var high)
            && low >= 0 && high > low && high <= 2000)
            return (low, high);
        throw new CliInputException($"--target: '{text}' is not a range; allowed: LOW-HIGH with 0 ≤ LOW < HIGH ≤ 2000 (10^9/L), e.g. 50-150");
    }

    private static void Print(CliConsole console, ForecastResult result)
    {
        static string P(double v) => double.IsFinite(v) ? (100 * v).ToString("0", CultureInfo.InvariantCulture) + " %" : "–";
        static string G(double v) => double.IsFinite(v) ? v.ToString("0.##", CultureInfo.InvariantCulture) : "–";
        var o = result.Options;
        var unit = Dosing.DoseUnits.Symbol(result.Fit.Problem.History.Unit);
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{o.Weeks}-week forecast from day {G(result.StartDay)}, patient {Markup.Escape(result.Fit.Problem.History.Id)}[/]");
        table.AddColumn("Regimen");
        table.AddColumn(new TableColumn(Markup.Escape($"E[time in {o.TargetLow:G}–{o.TargetHigh:G}]")).RightAligned());
        table.AddColumn(new TableColumn($"P(> {o.RiskThreshold:G})").RightAligned());
        table.AddColumn(new TableColumn("Median at end (5–95%)").RightAligned());
        table.AddColumn(new TableColumn(Markup.Escape($"Mean dose/week ({unit})")).RightAligned());
        for (var k = 0; k < result.Regimens.Count; k++)
        {
            var r = result.Regimens[k];
            var name = Markup.Escape(r.Regimen.Name) + (k == result.Recommended ? " [bold]← recommended[/]" : "") + (r.MeetsRisk(o.MaxRisk) ? "" : " (risk too high)");
            table.AddRow(name, P(r.TimeInTarget), P(r.RiskAbove), $"{G(r.Bands[2][^1])} ({G(r.Bands[0][^1])}–{G(r.Bands[4][^1])})", G(r.MeanWeeklyDose));
        }
        table.Caption(Markup.Escape($"{o.Samples} draws from the Laplace posterior (seed {o.Seed}); risk limit {o.MaxRisk:G}"));
        console.Ansi.Write(table);
        console.Out.WriteLine($"Recommendation: {result.Regimens[result.Recommended].Regimen.Name} — {result.Reason}.");
    }
}
