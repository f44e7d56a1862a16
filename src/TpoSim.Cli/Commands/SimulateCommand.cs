using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TpoSim.Output.Files;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Cli.Commands;

/// <summary><c>tposim simulate [SCENARIO.json] [--days N] [--out DIR] [--solver NAME]</c>.</summary>
public static class SimulateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var scenarioArg = new Argument<string?>("scenario")
        {
            Description = "Scenario JSON file (docs/scenarios.md). Omit to run the built-in default: a healthy adult given two platelet units on day 5, then platelet destruction from day 30 to day 60.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        // A token like "--dayz" would otherwise be taken for the scenario file name.
        scenarioArg.Validators.Add(result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (token is not null && token.StartsWith('-') && token.Length > 1)
                result.AddError($"unknown option '{token}' for simulate; options: --days, --out, --force, --solver, --png, --nonmem, --log, --observed, --quiet (see 'tposim simulate --help')");
        });
        var days = new Option<double?>("--days")
        {
            Description = $"Simulated days, overriding the scenario (0.01–{ScenarioDefaults.MaxDays}).",
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (TpoSim.Input.InputNumber.TryParse(token, out var value)) return value;
                result.AddError($"--days: '{token}' is not a number; allowed range [0.01, {ScenarioDefaults.MaxDays}] days");
                return null;
            },
        };
        var outDir = new Option<string>("--out") { Description = "Directory for timeseries.csv, summary.json, plot.svg and report.html. " + OutputOptions.ExistingFolderRule, DefaultValueFactory = _ => "out" };
        var force = OutputOptions.Force();
        var png = OutputOptions.Png();
        var nonmem = new Option<bool>("--nonmem") { Description = "Also write nonmem.csv: the run as a NONMEM-style long table (ID, TIME in hours, EVID, CMT, AMT in µg, DV, IPRED; CMT 4 platelets, 5 TPO, 6 drug)." };
        var log = new Option<bool>("--log") { Description = "Log10 platelet axis on the plot (default: linear, scaled to the data)." };
        var observed = new Option<string?>("--observed") { Description = "A NONMEM-style table (ID,TIME[h],AMT,EVID,CMT,II,ADDL,DV, as doseTable files) whose observation rows (EVID 0; CMT 4 platelets, 5 TPO, 6 drug) of its first subject are drawn on the plot as points." };
        var solver = new Option<string?>("--solver") { Description = "ODE solver ('tposim solvers' lists them); default: the scenario's or the registry default." };
        var quiet = new Option<bool>("--quiet") { Description = "Print only errors." };
        var command = new Command("simulate", "Simulate a scenario and write the time series, summary, plot and report.")
        {
            scenarioArg, days, outDir, force, solver, png, nonmem, log, observed, quiet,
        };
        command.SetAction(parse => Run(console, parse.GetValue(scenarioArg), parse.GetValue(days), parse.GetValue(outDir)!, parse.GetValue(force), parse.GetValue(solver), parse.GetValue(quiet),
            new Extras(parse.GetValue(png), parse.GetValue(nonmem), parse.GetValue(log), parse.GetValue(observed))));
        return command;
    }

    private static int Run(CliConsole console, string? scenarioPath, double? days, string outDir, bool force, string? solver, bool quiet, Extras extras)
    {
        var source = scenarioPath ?? "built-in default scenario";
        string json;
        if (scenarioPath is null) json = BuiltinScenarios.DefaultJson;
        else
        {
            json = CliInputFiles.ReadText(scenarioPath, "scenario file");
        }
        if (days is { } d && !(d >= 0.01 && d <= ScenarioDefaults.MaxDays))
            throw new CliInputException($"--days: {d.ToString(CultureInfo.InvariantCulture)} is outside the allowed range [0.01, {ScenarioDefaults.MaxDays}] days");
        if (solver is not null && !SolverChoice.IsKnown(solver))
            throw new CliInputException($"--solver: unknown solver '{solver}'; allowed: {string.Join(", ", SolverChoice.Names)}");

        // --days changes the parsed scenario's span, and every rule that depends on it is judged again (events inside it).
        var parsed = ScenarioParser.Parse(json, scenarioPath is null ? null : Path.GetDirectoryName(Path.GetFullPath(scenarioPath)), days);
        var scenario = CliInputFiles.Value(parsed, source);
        foreach (var w in parsed.Warnings ?? []) console.Error.WriteLine($"tposim: warning: {w}");
        var observations = extras.Observed is null ? null : ReadObserved(extras.Observed);
        using var folder = OutputFolder.Begin(outDir, force);
        if (!quiet) console.Out.WriteLine($"Simulating '{scenario.Name}' for {scenario.Days.ToString("0.##", CultureInfo.InvariantCulture)} days ...");
        var result = RunWithProgress(console, scenario, solver, quiet);

        console.Cancellation.ThrowIfCancellationRequested();
        var files = new SimulationFileOptions(new Output.Reports.SimulationPlotOptions(extras.LogPlatelets, observations),
            RunProvenance.For(console.Arguments, json), extras.Nonmem);
        var written = SimulationFiles.WriteAll(result, folder.StagingPath, files, console.Cancellation)
            .Concat(OutputOptions.Pngs(folder, extras.Png, console.Cancellation)).ToArray();
        folder.Commit(console.Cancellation);
        if (!quiet)
        {
            SummaryTable.Print(console, result);
            console.Out.WriteLine(OutputOptions.Wrote(folder, written));
        }
        if (!result.Succeeded)
        {
            console.Error.WriteLine($"tposim: the solver stopped at day {result.Days[^1].ToString("0.###", CultureInfo.InvariantCulture)} ({result.Status}): {result.Diagnostic}");
            return ExitCodes.NumericalFailure;
        }
        return ExitCodes.Ok;
    }

    /// <summary>Options that add files or change the plot.</summary>
    private sealed record Extras(bool Png, bool Nonmem, bool LogPlatelets, string? Observed);

    /// <summary>The observation rows of the first subject of a NONMEM-style table; its problems are bad input.</summary>
    private static IReadOnlyList<TpoSim.Dosing.Observation> ReadObserved(string path)
    {
        var table = TpoSim.Dosing.EventTableReader.ReadFile(path, DoseUnit.Microgram);
        if (!table.IsValid) throw new CliInputException(table.Errors);
        var first = table.SubjectIds.FirstOrDefault();
        var rows = table.Observations.Where(o => o.SubjectId == first).ToArray();
        if (rows.Length == 0) throw new CliInputException($"--observed: {path} has no observation rows (EVID 0 with CMT 4, 5 or 6)");
        return rows;
    }

    private static SimulationResult RunWithProgress(CliConsole console, Scenario scenario, string? solver, bool quiet)
    {
        var cancel = console.Cancellation;
        if (quiet) return Simulator.Run(scenario, solver, cancellation: cancel);
        if (console.IsInteractive)
        {
            SimulationResult? result = null;
            console.Ansi.Progress().AutoClear(true).Start(ctx =>
            {
                var task = ctx.AddTask("simulating", maxValue: 1.0);
                result = Simulator.Run(scenario, solver, new Progress<double>(f => task.Value = f), cancel);
                task.Value = 1.0;
            });
            return result!;
        }
        // Spectre draws nothing when output is redirected: plain lines, one per segment of a long run.
        var lastReported = -1;
        var progress = new SynchronousProgress(f =>
        {
            var pct = (int)Math.Round(f * 100);
            if (pct != lastReported && f < 1) console.Out.WriteLine($"progress: {pct}%");
            lastReported = pct;
        });
        return Simulator.Run(scenario, solver, progress, cancel);
    }

    /// <summary>IProgress that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool and may print late).</summary>
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
