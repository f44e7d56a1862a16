using System.CommandLine;
using Spectre.Console;
using TpoSim.Output.Files;
using TpoSim.Parameters;

namespace TpoSim.Cli.Commands;

/// <summary><c>tposim parameters [--markdown]</c>: the parameter table with units, ranges and sources.</summary>
public static class ParametersCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var markdown = new Option<bool>("--markdown") { Description = "Print the Markdown page docs/parameters.md is generated from." };
        var command = new Command("parameters", "List every model parameter: value, unit, allowed range, kind, description and source.") { markdown };
        command.SetAction(parse =>
        {
            if (parse.GetValue(markdown))
            {
                console.Out.Write(ParameterDocument.Markdown());
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded);
            // Names and numbers never wrap, so they can be copied into a scenario; prose columns take the rest.
            table.AddColumn(new TableColumn("Name").NoWrap());
            table.AddColumn(new TableColumn("Value").NoWrap().RightAligned());
            table.AddColumn(new TableColumn("Unit").NoWrap());
            table.AddColumn(new TableColumn("Range").NoWrap());
            table.AddColumn(new TableColumn("Kind").NoWrap());
            table.AddColumn("Description");
            table.AddColumn("Source");
            foreach (var d in ParameterDocument.Rows())
            {
                table.AddRow(Markup.Escape(d.Name), ParameterDefinition.Format(d.Value), Markup.Escape(d.Unit),
                    Markup.Escape($"{ParameterDefinition.Format(d.Minimum)}–{ParameterDefinition.Format(d.Maximum)}"), d.Kind.ToString(),
                    Markup.Escape(d.Description), Markup.Escape(d.Source));
            }
            console.Ansi.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
