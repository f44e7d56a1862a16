using System.CommandLine;
using TpoSim.Physiology;

namespace TpoSim.Cli.Commands;

/// <summary>
/// <c>tposim export &lt;format&gt;</c>: the model written for other readers. <c>equations</c> prints every state equation
/// with units, the variables and the parameter registry as Markdown with LaTeX (docs/equations.md). Further formats
/// (SBML) join as subcommands of the same command.
/// </summary>
public static class ExportCommand
{
    /// <summary>Builds the command with its subcommands.</summary>
    public static Command Create(CliConsole console)
    {
        var command = new Command("export", "Export the model: equations (Markdown with LaTeX), sbml (SBML Level 3 Version 2), schema (the scenario format's JSON Schema).");
        command.Add(Equations(console));
        command.Add(ExportSbmlCommand.Create(console));
        command.Add(Schema(console));
        return command;
    }

    private static Command Schema(CliConsole console)
    {
        var command = new Command("schema", "Print the JSON Schema of the scenario format, generated from the code's field descriptors and catalogues (docs/scenario.schema.json is this output).");
        command.SetAction(_ =>
        {
            console.Out.Write(TpoSim.Scenarios.ScenarioSchema.Text());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Equations(CliConsole console)
    {
        var model = new Option<string>("--model")
        {
            Description = $"Which core: {string.Join(" or ", CoreModel.Names)} (default v1; docs/equations.md is v1, docs/equations-v2.md is v2 with its shipped parameter set).",
            DefaultValueFactory = _ => CoreModel.V1.Name,
        };
        model.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (CoreModel.Get(value) is null) result.AddError($"--model: '{value}' is not a model; allowed: {string.Join(", ", CoreModel.Names)}");
        });
        var command = new Command("equations", "Print every state equation with units, the variables and the parameters with sources (Markdown with LaTeX; docs/equations.md for v1, docs/equations-v2.md for v2).")
        {
            model,
        };
        command.SetAction(parse =>
        {
            console.Out.Write(ModelEquations.Markdown(CoreModel.Get(parse.GetValue(model)!)!));
            return ExitCodes.Ok;
        });
        return command;
    }
}
