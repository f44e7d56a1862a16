using System.Globalization;
using System.Text;

namespace TpoSim.Model;

/// <summary>
/// Writes a <see cref="ModelDefinition"/> as Markdown with LaTeX: every state equation with its unit, initial value
/// and the parameters it reads, the variables and derived parameters it is built from, and the parameter registry
/// with units, ranges and sources. docs/equations.md is generated this way (<c>tposim export equations</c>).
/// </summary>
public static class EquationDocument
{
    /// <summary>Markdown for the core model <paramref name="core"/> followed by one section per drug module.</summary>
    /// <param name="core">The core model.</param>
    /// <param name="modules">Drug modules (name and definition), each documented on its own.</param>
    /// <param name="title">The page's heading.</param>
    /// <param name="command">The command that generates the page, quoted in its first line.</param>
    public static string Markdown(ModelDefinition core, IEnumerable<(string Name, string Description, ModelDefinition Definition)> modules,
        string title = "Model equations", string command = "tposim export equations")
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(modules);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# {title}\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"Generated from the model definition by `{command}`; do not edit by hand. Time t is in days, ");
        sb.Append("every rate in its state's unit per day (checked by `DimensionAnalysis`). Symbols are the names used in scenarios ");
        sb.Append("(`patient.parameters`, `setParameter`); sources are in the parameter tables.\n\n");
        Section(sb, "Core model", core, 3);
        foreach (var (name, description, definition) in modules)
        {
            sb.Append(CultureInfo.InvariantCulture, $"## Drug module `{name}`\n\n{description}\n\n");
            Section(sb, null, definition, 3);
        }
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string? title, ModelDefinition m, int level)
    {
        var h = new string('#', level);
        if (title is not null) sb.Append(CultureInfo.InvariantCulture, $"{new string('#', level - 1)} {title}\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"{h} States\n\n");
        foreach (var s in m.States)
        {
            sb.Append(CultureInfo.InvariantCulture, $"**{s.Name}** [{s.Unit}]: {s.Meaning}. Initial value ${ExprText.Latex(Simplifier.Simplify(s.Initial))}$.\n\n");
            sb.Append(CultureInfo.InvariantCulture, $"$$\\frac{{d\\,\\mathrm{{{s.Name}}}}}{{dt}} = {ExprText.Latex(Simplifier.Simplify(s.Rate))}$$\n\n");
            var reads = s.Rate.Symbols(SymbolKind.Parameter).Concat(s.Rate.Symbols(SymbolKind.Variable)).ToArray();
            if (reads.Length > 0) sb.Append("Reads: ").Append(string.Join(", ", reads.Select(r => $"`{r}`"))).Append(".\n\n");
        }
        if (m.Variables.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{h} Variables and observables\n\n");
            foreach (var v in m.Variables)
            {
                var kind = v.Observable ? " (observable)" : "";
                sb.Append(CultureInfo.InvariantCulture, $"- **{v.Name}** [{v.Unit}]{kind}: {v.Meaning} ${ExprText.Latex(Simplifier.Simplify(v.Value))}$\n");
            }
            sb.Append('\n');
        }
        if (m.DerivedParameters.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{h} Derived parameters\n\nComputed once from the parameters (the set point uses patient controls at their defaults).\n\n");
            foreach (var d in m.DerivedParameters)
                sb.Append(CultureInfo.InvariantCulture, $"- **{d.Name}** [{d.Unit}]: {d.Meaning} ${ExprText.Latex(Simplifier.Simplify(d.Value))}$\n");
            sb.Append('\n');
        }
        if (m.Parameters.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{h} Parameters\n\n| name | value | unit | range | kind | description | source |\n|---|---|---|---|---|---|---|\n");
            foreach (var p in m.Parameters)
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $"| `{p.Name}` | {Number(p.Value)} | {p.Unit} | [{Number(p.Minimum)}, {Number(p.Maximum)}] | {p.Kind} | {Cell(p.Description)} | {Cell(p.Source)} |\n");
            }
            sb.Append('\n');
        }
    }

    private static string Number(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
