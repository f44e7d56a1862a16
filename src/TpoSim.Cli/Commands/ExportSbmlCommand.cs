using System.CommandLine;
using TpoSim.Model.Sbml;
using TpoSim.Output.Files;
using TpoSim.Scenarios;

namespace TpoSim.Cli.Commands;

/// <summary><c>tposim export sbml [SCENARIO.json] [--out model.xml] [--force]</c>: the scenario's model as SBML L3V2 core (docs/sbml.md).</summary>
public static class ExportSbmlCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var scenarioArg = new Argument<string?>("scenario")
        {
            Description = "Scenario JSON file (docs/scenarios.md). Omit to export the built-in default.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        scenarioArg.Validators.Add(result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (token is not null && token.StartsWith('-') && token.Length > 1)
                result.AddError($"unknown option '{token}' for export sbml; options: --out, --force (see 'tposim export sbml --help')");
        });
        var outFile = new Option<string>("--out") { Description = "The SBML file to write.", DefaultValueFactory = _ => "model.xml" };
        var force = new Option<bool>("--force") { Description = "Replace an existing file. Without it an existing --out is refused." };
        var command = new Command("sbml",
            "Write the scenario's model as SBML Level 3 Version 2 core: units, every parameter with its source, the day-0 state, " +
            "rate and assignment rules, and doses and procedures as events. See docs/sbml.md for what cannot be exported.")
        {
            scenarioArg, outFile, force,
        };
        command.SetAction(parse => Run(console, parse.GetValue(scenarioArg), parse.GetValue(outFile)!, parse.GetValue(force)));
        return command;
    }

    private static int Run(CliConsole console, string? scenarioPath, string outFile, bool force)
    {
        var source = scenarioPath ?? "built-in default scenario";
        string json;
        if (scenarioPath is null) json = BuiltinScenarios.DefaultJson;
        else
        {
            json = CliInputFiles.ReadText(scenarioPath, "scenario file");
        }
        var parsed = ScenarioParser.Parse(json, scenarioPath is null ? null : Path.GetDirectoryName(Path.GetFullPath(scenarioPath)));
        var export = ScenarioSbml.Export(CliInputFiles.Value(parsed, source));
        if (export.Unsupported is { } unsupported)
        {
            console.Error.WriteLine($"{source}: {unsupported.Path}: {unsupported.Message} (docs/sbml.md)");
            return ExitCodes.BadInput;
        }
        if (export.Day0Failure is { } failure)
        {
            console.Error.WriteLine($"tposim: no day-0 state to export: {failure}");
            return ExitCodes.NumericalFailure;
        }
        var model = export.Model!;
        OutputFolder.WriteFile(outFile, SbmlWriter.ToText(SbmlWriter.Write(model)), force, console.Cancellation);
        console.Out.WriteLine($"Wrote {outFile}: SBML Level 3 Version 2, {model.Definition.States.Count} states, " +
                              $"{model.Definition.Parameters.Count + model.Definition.DerivedParameters.Count} parameters, " +
                              $"{model.Definition.Variables.Count} rules for intermediates and observables, {model.Events.Count} events");
        return ExitCodes.Ok;
    }
}
