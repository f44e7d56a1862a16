using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using TpoSim.Sensitivity;
using static TpoSim.Cli.Commands.Sensitivity.SensitivityInput;

namespace TpoSim.Cli.Commands.Sensitivity;

/// <summary><c>tposim sensitivity local|global</c>: which parameters move a clinical endpoint (docs/sensitivity.md).</summary>
public static class SensitivityCommand
{
    /// <summary>Builds the command and its two subcommands.</summary>
    public static Command Create(CliConsole console)
    {
        var command = new Command("sensitivity", "Sensitivity analysis on clinical endpoints: local (normalised derivatives, tornado plot) or global (Morris screening, Sobol' indices).");
        command.Add(Local(console));
        command.Add(GlobalCommand.Create(console));
        return command;
    }

    /// <summary>The scenario-or-population argument, rejecting a mistyped option taken for a file name.</summary>
    internal static Argument<string> FileArgument(string command, string options)
    {
        var file = new Argument<string>("scenario") { Description = "Scenario JSON file (docs/scenarios.md), or a population file (its base scenario is analysed)." };
        file.Validators.Add(result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (token is not null && token.StartsWith('-') && token.Length > 1)
                result.AddError($"unknown option '{token}' for sensitivity {command}; options: {options} (see 'tposim sensitivity {command} --help')");
        });
        return file;
    }

    private static Command Local(CliConsole console)
    {
        var file = FileArgument("local", "--parameters, --endpoints, --step, --out, --force, --threads, --png, --quiet");
        var parameters = new Option<string?>("--parameters") { Description = "Comma-separated parameter names ('tposim parameters'); default: every non-switch parameter whose value in the scenario is > 0." };
        var endpoints = new Option<string?>("--endpoints") { Description = $"Comma-separated endpoints: {EndpointGrammar.SyntaxText}. Default: {ScenarioLocalAnalysis.DefaultEndpoints}." };
        var step = new Option<double>("--step") { Description = "Step h in ln p (runs at p·e^±h and p·e^±h/2); allowed (0, 0.5].", DefaultValueFactory = _ => 0.02 };
        var outDir = new Option<string>("--out") { Description = "Directory for sensitivities.csv/json, states.csv and tornado-<endpoint>.svg.", DefaultValueFactory = _ => "out-sensitivity" };
        var force = OutputOptions.Force();
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: all cores); results do not depend on it.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var png = new Option<bool>("--png") { Description = "Also write each plot as PNG." };
        var quiet = new Option<bool>("--quiet") { Description = "Print only errors." };
        var command = new Command("local", "Normalised local sensitivities ∂ln endpoint/∂ln parameter of named endpoints and of the states over time, by Richardson-checked finite differences; tornado plots. " + OutputOptions.ExistingFolderRule)
        {
            file, parameters, endpoints, step, outDir, force, threads, png, quiet,
        };
        command.SetAction(parse =>
        {
            var input = Load(console, parse.GetValue(file)!);
            if (input is null) return ExitCodes.BadInput;
            var h = parse.GetValue(step);
            if (!(h > 0 && h <= 0.5)) throw new CliInputException($"--step: {F(h)} is outside the allowed range (0, 0.5]");
            var t = parse.GetValue(threads);
            if (t < 1) throw new CliInputException($"--threads: {t} is outside the allowed range [1, ∞)");
            var chosen = input.Endpoints(parse.GetValue(endpoints), ScenarioLocalAnalysis.DefaultEndpoints);
            var names = Names(parse.GetValue(parameters)) ?? TpoSim.Sensitivity.ScenarioProblem.DefaultParameterNames(input.Scenario);
            var (resolved, error) = TpoSim.Sensitivity.ScenarioProblem.Resolve(input.Scenario, names);
            if (error is not null) throw new CliInputException($"--parameters: {error}");
            foreach (var p in resolved)
            {
                if (!(p.Nominal > 0))
                    throw new CliInputException($"--parameters: {p.Name} is {F(p.Nominal)} in this scenario; a normalised sensitivity needs a value > 0 (allowed range [{F(p.Minimum)}, {F(p.Maximum)}] {p.Unit})");
                if (TpoSim.Sensitivity.DifferenceSchemes.For(p.Nominal, p.Minimum, p.Maximum, h) is null)
                    throw new CliInputException($"--step: {F(h)} does not fit {p.Name}'s range [{F(p.Minimum)}, {F(p.Maximum)}] around {F(p.Nominal)}; use a smaller step");
            }
            var quietRun = parse.GetValue(quiet);
            using var folder = TpoSim.Output.Files.OutputFolder.Begin(parse.GetValue(outDir)!, parse.GetValue(force));
            if (!quietRun) console.Out.WriteLine($"Local sensitivities of {chosen.Count} endpoint(s) to {resolved.Count} parameters of '{input.Scenario.Name}' ({input.Source}) ...");
            var clock = Stopwatch.StartNew();
            var analysis = ProgressLines.Run(console, quietRun, "runs", progress =>
                ScenarioLocalAnalysis.Run(input.Scenario, resolved.Select(p => p.Name).ToArray(), chosen,
                    new LocalSensitivityOptions(h, t) { Progress = progress, Cancellation = console.Cancellation }));
            console.Cancellation.ThrowIfCancellationRequested();
            var written = LocalSensitivityFiles.WriteAll(analysis, folder.StagingPath).ToList();
            if (parse.GetValue(png)) written.AddRange(PngExport.BesideEach(written));
            folder.Commit(console.Cancellation);
            if (!quietRun)
            {
                PrintLocal(console, analysis, clock.Elapsed);
                console.Out.WriteLine(OutputOptions.Wrote(folder, written));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void PrintLocal(CliConsole console, ScenarioLocalSensitivity analysis, TimeSpan elapsed)
    {
        var r = analysis.Result;
        for (var k = 0; k < analysis.Endpoints.Count; k++)
        {
            var e = analysis.Endpoints[k];
            var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(e.Name)}[/] = {F(r.BaseOutputs[k])} {Markup.Escape(e.Unit)}");
            table.AddColumn("Parameter");
            table.AddColumn(new TableColumn("S = ∂ln E/∂ln p").RightAligned());
            table.AddColumn(new TableColumn("error").RightAligned());
            table.AddColumn("check");
            foreach (var i in r.Ranking(k).Take(8))
            {
                var s = r.Values[i][k];
                table.AddRow(Markup.Escape(r.Problem.Parameters[i].Name), F(s.Normalised, "0.0000"), F(s.ErrorEstimate, "0.0e+0"), s.Reliable ? "ok" : "[red]not smooth[/]");
            }
            console.Ansi.Write(table);
        }
        console.Out.WriteLine($"{r.Runs} runs (step h = {F(r.Options.LogStep)} in ln p, Richardson check at h/2) in {elapsed.TotalSeconds:0.0} s");
    }
}
