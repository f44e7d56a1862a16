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
        var command = new Command("equations", "Print every state equation with units, the variables and the parameters with sources (Markdown with LaTeX; docs/equations.md).");
        command.SetAction(_ =>
        {
            console.Out.Write(ModelEquations.Markdown());
            return ExitCodes.Ok;
        });
        return command;
    }
}
