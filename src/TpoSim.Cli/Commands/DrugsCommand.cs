using System.CommandLine;
using Spectre.Console;
using TpoSim.Drugs;
using TpoSim.Drugs.Modules;
using TpoSim.Parameters;
using TpoSim.Scenarios;

namespace TpoSim.Cli.Commands;

/// <summary><c>tposim drugs</c>: each drug with its routes, mechanism, PK and effect parameters and sources.</summary>
public static class DrugsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var command = new Command("drugs", "List the drugs a scenario can dose: routes, mechanism, PK and effect parameters with units and sources.");
        command.SetAction(_ =>
        {
            foreach (var drug in DrugCatalog.All)
            {
                var routes = string.Join(", ", drug.Routes.Select(r => r switch { Route.Subcutaneous => "sc", Route.Oral => "oral", _ => "iv" }));
                console.Ansi.Write(new Rule($"[bold]{Markup.Escape(drug.Name)}[/] ({Markup.Escape(routes)}; at most {ParameterDefinition.Format(drug.MaxSingleDoseMicrogramsPerKg)} µg/kg per dose)").LeftJustified());
                console.Ansi.Write(new Markup($"{Markup.Escape(drug.Mechanism)}\n[grey]{Markup.Escape(drug.Source)}[/]\n"));
                var variants = DrugModuleCatalog.VariantsOf(drug.Name);
                if (variants.Count > 1)
                {
                    console.Out.WriteLine($"PK variants (scenario field 'pk.{drug.Name}'):");
                    for (var v = 0; v < variants.Count; v++)
                        console.Out.WriteLine($"  {variants[v]}{(v == 0 ? " (default)" : "")}: {DrugModuleCatalog.Find(variants[v])!.Description}");
                }
                var parameters = DrugModuleCatalog.ParametersOf(drug.Name);
                if (parameters.Count == 0)
                {
                    console.Out.WriteLine("(no parameters of its own: it is TPO, see 'tposim parameters')");
                    continue;
                }
                var table = new Table().Border(TableBorder.Rounded);
                table.AddColumn(new TableColumn("Parameter").NoWrap());
                table.AddColumn(new TableColumn("Value").NoWrap().RightAligned());
                table.AddColumn(new TableColumn("Unit").NoWrap());
                table.AddColumn(new TableColumn("Range").NoWrap());
                table.AddColumn("Source");
                foreach (var d in parameters)
                {
                    table.AddRow(Markup.Escape(d.Name), ParameterDefinition.Format(d.Value), Markup.Escape(d.Unit),
                        Markup.Escape($"{ParameterDefinition.Format(d.Minimum)}–{ParameterDefinition.Format(d.Maximum)}"), Markup.Escape(d.Source));
                }
                console.Ansi.Write(table);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
