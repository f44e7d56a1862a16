using System.CommandLine;
using Spectre.Console;
using TpoSim.Validation;

namespace TpoSim.Cli.Commands;

/// <summary>
/// <c>tposim validate [--json] [--out DIR] [--markdown] [--cases FILE]</c>: runs the published clinical observations of
/// validation/cases.json with the one default parameter set and prints simulated against published.
/// </summary>
public static class ValidateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array (id, title, published, simulated, tolerance, pass, status, reason, source, checks) instead of the table." };
        var outDir = new Option<string?>("--out") { Description = "Write one SVG figure per runnable case (simulated curves with the published range overlaid) to this directory. " + OutputOptions.ExistingFolderRule };
        var force = OutputOptions.Force();
        var markdown = new Option<bool>("--markdown") { Description = $"Print the Markdown page docs/validation.md ({ValidationPage.V1.RegenerateCommand}), or docs/validation-v2.md for model v2's cases ({ValidationPage.V2.RegenerateCommand})" };
        var cases = new Option<string?>("--cases") { Description = $"Case file (default: {CaseFileLoader.DefaultRelativePath}, searched from the current folder upwards, then the copy shipped with the tool)." };
        var command = new Command("validate",
            "Run the validation cases (published clinical observations) with one parameter set; print simulated vs published. " +
            $"Exit code {ExitCodes.ValidationFailed} if a runnable case fails; pending cases (the model lacks a drug or a population) are listed and do not fail. " +
            $"Metrics: {string.Join(", ", ValidationMetrics.Names)}.")
        {
            json, outDir, force, markdown, cases,
        };
        command.SetAction(parse => Run(console, parse.GetValue(json), parse.GetValue(outDir), parse.GetValue(force), parse.GetValue(markdown), parse.GetValue(cases)));
        return command;
    }

    private static int Run(CliConsole console, bool json, string? outDir, bool force, bool markdown, string? casesPath)
    {
        if (json && markdown) throw new CliInputException("give either --json or --markdown, not both");
        var path = casesPath ?? FindCaseFile()
            ?? throw new CliInputException($"cannot find {CaseFileLoader.DefaultRelativePath} in the current folder or above it, nor beside the tool; run from the repository or give --cases FILE");
        var cases = CliInputFiles.Value(CaseFileLoader.LoadFile(path), path);
        using var folder = outDir is null ? null : Output.Files.OutputFolder.Begin(outDir, force);
        var results = ValidationSuite.Run(cases, console.Cancellation);
        console.Cancellation.ThrowIfCancellationRequested();
        if (folder is not null)
        {
            ValidationReport.WriteFigures(results, folder.StagingPath);
            folder.Commit(console.Cancellation);
        }

        if (json) console.Out.Write(ValidationReport.Json(results));
        else if (markdown) console.Out.Write(ValidationReport.Markdown(results, outDir is null ? null : ImagePrefix(outDir), ValidationPage.For(cases.Cases)));
        else PrintTable(console, results, outDir);
        return results.Any(r => r.Status == CaseStatus.Failed) ? ExitCodes.ValidationFailed : ExitCodes.Ok;
    }

    private static void PrintTable(CliConsole console, IReadOnlyList<CaseResult> results, string? outDir)
    {
        foreach (var kind in Enum.GetValues<CaseKind>())
        {
            var group = results.Where(r => r.Kind == kind).ToArray();
            if (group.Length == 0) continue;
            var title = kind == CaseKind.Calibration
                ? "[bold]Calibration cases (fitted by tposim calibrate): simulated vs published[/]"
                : "[bold]Validation cases (held out, never tuned): simulated vs published[/]";
            console.Ansi.Write(CaseTable(group, title));
        }
        console.Out.WriteLine($"{ValidationReport.TallyByKind(results)}. Pending cases need model features not yet built and do not fail the run.");
        foreach (var r in results.Where(r => r.Status == CaseStatus.Failed))
        {
            var detail = r.Checks.Count == 0 ? r.Reason : string.Join("; ", r.Checks.Where(c => !c.Pass).Select(c => $"{c.Check.Description} {c.SimulatedText} is outside {c.Check.Metric.ToleranceText(c.Check.Tolerance)}"));
            console.Out.WriteLine($"FAILED {r.Id}: {detail}");
        }
        if (outDir is not null) console.Out.WriteLine($"Wrote {results.Count(r => r.Context is not null)} figures to {Path.GetFullPath(outDir)}");
    }

    private static Table CaseTable(IReadOnlyList<CaseResult> results, string title)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title);
        table.AddColumn(new TableColumn("id").NoWrap());
        table.AddColumn("what");
        table.AddColumn("published");
        table.AddColumn("simulated");
        table.AddColumn("tolerance");
        table.AddColumn("result");
        foreach (var r in results)
        {
            var verdict = Markup.Escape(ValidationReport.Verdict(r));
            verdict = r.Status switch
            {
                CaseStatus.Passed => $"[green]{verdict}[/]",
                CaseStatus.Failed => $"[bold red]{verdict}[/]",
                _ => $"[grey]{verdict}[/]",
            };
            table.AddRow(Markup.Escape(r.Id), Markup.Escape(r.Title), Lines(r.Case.Checks.Select(c => c.Published.Text)),
                r.Checks.Count > 0 ? Lines(r.Checks.Select(c => c.SimulatedText)) : "—",
                Lines(r.Case.Checks.Select(c => c.Metric.ToleranceText(c.Tolerance))), verdict);
        }
        return table;
    }

    private static string Lines(IEnumerable<string> lines) => string.Join("\n", lines.Select(Markup.Escape));

    /// <summary>
    /// validation/cases.json in the current folder or the nearest parent that has one (a checkout of the repository),
    /// else the copy shipped beside the tool (the installed .NET tool carries validation/, populations/ and scenarios/).
    /// </summary>
    internal static string? FindCaseFile()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, CaseFileLoader.DefaultRelativePath);
            if (File.Exists(candidate)) return candidate;
        }
        var shipped = Path.Combine(AppContext.BaseDirectory, CaseFileLoader.DefaultRelativePath);
        return File.Exists(shipped) ? shipped : null;
    }

    /// <summary>Image links in docs/validation.md are relative to docs/: "images/validation" for docs/images/validation.</summary>
    private static string ImagePrefix(string outDir)
    {
        var docs = Path.GetFullPath("docs");
        return Path.GetRelativePath(docs, Path.GetFullPath(outDir)).Replace('\\', '/');
    }
}
