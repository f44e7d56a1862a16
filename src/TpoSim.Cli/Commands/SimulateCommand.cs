using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
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
                result.AddError($"unknown option '{token}' for simulate; options: --days, --out, --force, --solver, --quiet (see 'tposim simulate --help')");
        });
        var days = new Option<double?>("--days")
        {
            Description = $"Simulated days, overriding the scenario (0.01–{ScenarioDefaults.MaxDays}).",
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
                result.AddError($"--days: '{token}' is not a number; allowed range [0.01, {ScenarioDefaults.MaxDays}] days");
                return null;
            },
        };
        var outDir = new Option<string>("--out") { Description = "Directory for timeseries.csv, summary.json, plot.svg and report.html. " + OutputOptions.ExistingFolderRule, DefaultValueFactory = _ => "out" };
        var force = OutputOptions.Force();
        var solver = new Option<string?>("--solver") { Description = "ODE solver ('tposim solvers' lists them); default: the scenario's or the registry default." };
        var quiet = new Option<bool>("--quiet") { Description = "Print only errors." };
        var command = new Command("simulate", "Simulate a scenario and write the time series, summary, plot and report.")
        {
            scenarioArg, days, outDir, force, solver, quiet,
        };
        command.SetAction(parse => Run(console, parse.GetValue(scenarioArg), parse.GetValue(days), parse.GetValue(outDir)!, parse.GetValue(force), parse.GetValue(solver), parse.GetValue(quiet)));
        return command;
    }

    private static int Run(CliConsole console, string? scenarioPath, double? days, string outDir, bool force, string? solver, bool quiet)
    {
        var source = scenarioPath ?? "built-in default scenario";
        string json;
        if (scenarioPath is null) json = BuiltinScenarios.DefaultJson;
        else
        {
            try { json = File.ReadAllText(scenarioPath); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                throw new CliInputException($"{scenarioPath}: cannot read the scenario file: {e.Message}");
            }
        }
        if (days is { } d)
        {
            // Apply --days through the scenario itself, so the same validation (events inside the span) applies.
            if (!(d >= 0.01 && d <= ScenarioDefaults.MaxDays))
                throw new CliInputException($"--days: {d.ToString(CultureInfo.InvariantCulture)} is outside the allowed range [0.01, {ScenarioDefaults.MaxDays}] days");
            json = WithDays(json, d, source, out var cut);
            if (cut is not null) console.Error.WriteLine($"tposim: warning: {cut}");
        }
        if (solver is not null && !SolverChoice.IsKnown(solver))
            throw new CliInputException($"--solver: unknown solver '{solver}'; allowed: {string.Join(", ", SolverChoice.Names)}");

        var parsed = ScenarioParser.Parse(json, scenarioPath is null ? null : Path.GetDirectoryName(Path.GetFullPath(scenarioPath)));
        if (!parsed.Succeeded)
        {
            foreach (var e in parsed.Errors) console.Error.WriteLine(e.Format(source));
            return ExitCodes.BadInput;
        }
        var scenario = parsed.Scenario!;
        using var folder = OutputFolder.Begin(outDir, force);
        if (!quiet) console.Out.WriteLine($"Simulating '{scenario.Name}' for {scenario.Days.ToString("0.##", CultureInfo.InvariantCulture)} days ...");
        var result = RunWithProgress(console, scenario, solver, quiet);

        console.Cancellation.ThrowIfCancellationRequested();
        var written = SimulationFiles.WriteAll(result, folder.StagingPath, console.Cancellation);
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

    private static string WithDays(string json, double days, string source, out string? titrationCut)
    {
        titrationCut = null;
        JsonNode? root;
        try { root = JsonNode.Parse(json, documentOptions: JsonInput.Options); }
        catch (System.Text.Json.JsonException) { return json; } // the parser reports the JSON error with its position
        if (root is not JsonObject obj) return json;
        if (obj["simulation"] is not JsonObject sim)
        {
            sim = new JsonObject();
            obj["simulation"] = sim;
        }
        sim["days"] = days;
        if (obj["titration"] is JsonObject titration) titrationCut = CutTitration(titration, days);
        _ = source;
        return obj.ToJsonString();
    }

    /// <summary>
    /// --days shorter than the titration's span (its days, weeks or the policy's default course) cuts the titration to
    /// the new end: the user asked for fewer days, so this is a warning, not the error the same scenario file would get.
    /// Returns the warning, or null when the titration fits.
    /// </summary>
    private static string? CutTitration(JsonObject titration, double days)
    {
        string text;
        double span;
        if (titration["days"] is JsonValue dv && dv.TryGetValue<double>(out var d0)) (span, text) = (d0, $"titration.days {F(d0)}");
        else if (titration["weeks"] is JsonValue wv && wv.TryGetValue<double>(out var w0)) (span, text) = (w0 * 7, $"titration.weeks {F(w0)} = {F(w0 * 7)} days");
        else if (titration["policy"] is JsonValue pv && pv.TryGetValue<string>(out var policy) && TpoSim.Policies.TitrationCatalog.DefaultDays(policy) is { } def)
            (span, text) = (def, $"the {F(def)}-day course of '{policy}'");
        else return null;
        if (span <= days + 1e-9) return null;
        titration.Remove("weeks");
        titration["days"] = days;
        return $"--days {F(days)} is shorter than the titration ({text}); the titration is cut to {F(days)} days";
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>IProgress that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool and may print late).</summary>
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
