using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace TpoSim.Model.Sbml;

/// <summary>
/// Writes an <see cref="SbmlModel"/> as SBML Level 3 Version 2 core. Every quantity is an SBML parameter with its unit:
/// declared parameters (value, unit, description, range, kind and source in notes and a <c>tposim:parameter</c>
/// annotation), derived parameters (an initial assignment of their formula, so they are fixed at day 0 as in the
/// simulator), states (the day-0 value and a rate rule), intermediates and observables (assignment rules). Scheduled
/// edits become events triggered at time ≥ day, executed in schedule order (priorities) on the values left by the one
/// before (<c>useValuesFromTriggerTime="false"</c>). Time is in days.
/// </summary>
/// <remarks>
/// States are parameters with rate rules rather than species: most are counts or normalised masses, not amounts in a
/// compartment, and a parameter keeps each state in exactly its declared unit. Written with System.Xml, checked with
/// libSBML (tests/sbml/simulate_sbml.py): see docs/sbml.md.
/// </remarks>
public static class SbmlWriter
{
    /// <summary>The SBML Level 3 Version 2 core namespace.</summary>
    public static readonly XNamespace Sbml = "http://www.sbml.org/sbml/level3/version2/core";

    /// <summary>The namespace of TpoSim's own annotations (parameter ranges, kinds and sources, observables).</summary>
    public static readonly XNamespace Annotation = "urn:tposim:sbml-annotation:1";

    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>The SBML document for <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentException">The initial state has the wrong length, an edit targets a variable, or a value names no declared parameter.</exception>
    public static XDocument Write(SbmlModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var def = model.Definition;
        if (model.InitialState.Count != def.States.Count)
            throw new ArgumentException($"The initial state has {model.InitialState.Count} values for {def.States.Count} states.", nameof(model));
        foreach (var name in model.ParameterValues.Keys)
            if (def.Parameter(name) is null) throw new ArgumentException($"'{name}' is not a declared parameter of {def.Name}.", nameof(model));
        if (model.Events.SelectMany(e => e.Assignments).FirstOrDefault(a => a.Target.Kind == SymbolKind.Variable) is { } bad)
            throw new ArgumentException($"An event assigns the variable '{bad.Target.Name}'; only states and declared parameters can be edited.", nameof(model));

        var ids = new Ids();
        var units = new SbmlUnits();
        var symbolUnits = new Dictionary<SymbolExpr, Unit>();
        foreach (var s in def.States) symbolUnits[Expr.State(s.Name)] = UnitParser.Parse(s.Unit);
        foreach (var p in def.Parameters) symbolUnits[Expr.Parameter(p.Name)] = UnitParser.Parse(p.Unit);
        foreach (var p in def.DerivedParameters) symbolUnits[Expr.Parameter(p.Name)] = UnitParser.Parse(p.Unit);
        foreach (var v in def.Variables) symbolUnits[Expr.Variable(v.Name)] = UnitParser.Parse(v.Unit);
        var math = new MathMl(Sbml, units, symbolUnits, ids.Of);

        // Derived values at day 0, for the value attributes (the initial assignments carry the formulas).
        var compiled = ModelCompiler.Compile(def);
        var p0 = compiled.CreateParameters(model.ParameterValues);
        var edited = model.Events.SelectMany(e => e.Assignments).Select(a => a.Target.Name).ToHashSet();

        var parameters = new List<XElement>();
        foreach (var p in def.Parameters)
        {
            parameters.Add(Parameter(ids.Of(Expr.Parameter(p.Name)), p.Name, p0[compiled.ParameterIndex(p.Name)], units.IdOf(p.Unit), constant: !edited.Contains(p.Name),
                Notes($"{p.Description}", $"Unit: {p.Unit}. Allowed range: {Number(p.Minimum)} to {Number(p.Maximum)}. Kind: {p.Kind}. Default: {Number(p.Value)}.",
                    $"Source: {p.Source}"),
                new XElement(Annotation + "parameter", new XAttribute("unit", p.Unit), new XAttribute("default", Number(p.Value)),
                    new XAttribute("minimum", Number(p.Minimum)), new XAttribute("maximum", Number(p.Maximum)),
                    new XAttribute("kind", p.Kind.ToString()), new XAttribute("source", p.Source))));
        }
        foreach (var p in def.DerivedParameters)
        {
            parameters.Add(Parameter(ids.Of(Expr.Parameter(p.Name)), p.Name, p0[compiled.ParameterIndex(p.Name)], units.IdOf(p.Unit), constant: true,
                Notes(p.Meaning, $"Unit: {p.Unit}. Derived at day 0: {p.Name} = {p.Value}."),
                new XElement(Annotation + "derived", new XAttribute("unit", p.Unit))));
        }
        for (var i = 0; i < def.States.Count; i++)
        {
            var s = def.States[i];
            parameters.Add(Parameter(ids.Of(Expr.State(s.Name)), s.Name, model.InitialState[i], units.IdOf(s.Unit), constant: false,
                Notes($"State: {s.Meaning}", $"Unit: {s.Unit}. Value: the simulator's day-0 state for this scenario; the model's own initial rule is {s.Name}(0) = {s.Initial}."),
                new XElement(Annotation + "state", new XAttribute("unit", s.Unit))));
        }
        foreach (var v in def.Variables)
        {
            parameters.Add(Parameter(ids.Of(Expr.Variable(v.Name)), v.Name, null, units.IdOf(v.Unit), constant: false,
                Notes(v.Observable ? $"Observable: {v.Meaning}" : v.Meaning, $"Unit: {v.Unit}."),
                new XElement(Annotation + (v.Observable ? "observable" : "variable"), new XAttribute("unit", v.Unit))));
        }

        var initialAssignments = def.DerivedParameters.Select(p => new XElement(Sbml + "initialAssignment",
            new XAttribute("symbol", ids.Of(Expr.Parameter(p.Name))), math.Math(p.Value, UnitParser.Parse(p.Unit)))).ToArray();
        var rules = def.Variables.Select(v => new XElement(Sbml + "assignmentRule",
                new XAttribute("variable", ids.Of(Expr.Variable(v.Name))), math.Math(v.Value, UnitParser.Parse(v.Unit))))
            .Concat(def.States.Select(s => new XElement(Sbml + "rateRule",
                new XAttribute("variable", ids.Of(Expr.State(s.Name))), math.Math(s.Rate, UnitParser.Parse(s.Unit) / Unit.Day))))
            .ToArray();

        // Every unit is in use before the unit definitions are written (the math above is built eagerly).
        var day = units.Day;
        var events = model.Events.Select((e, k) => new XElement(Sbml + "event",
            new XAttribute("id", ids.Reserve($"event_{k + 1}")), new XAttribute("name", e.Label), new XAttribute("useValuesFromTriggerTime", "false"),
            new XElement(Sbml + "trigger", new XAttribute("initialValue", "false"), new XAttribute("persistent", "true"),
                new XElement(MathMl.Ns + "math", new XAttribute(XNamespace.Xmlns + "sbml", Sbml.NamespaceName),
                    new XElement(MathMl.Ns + "apply", new XElement(MathMl.Ns + "geq"), MathMl.Time(), math.Number(e.Day, day)))),
            // Edits at one day run in schedule order: a higher priority executes first.
            new XElement(Sbml + "priority", new XElement(MathMl.Ns + "math", new XAttribute(XNamespace.Xmlns + "sbml", Sbml.NamespaceName),
                math.Number(model.Events.Count - k, SbmlUnits.Dimensionless))),
            new XElement(Sbml + "listOfEventAssignments", e.Assignments.Select(a => new XElement(Sbml + "eventAssignment",
                new XAttribute("variable", ids.Of(a.Target)), math.Math(a.Value, symbolUnits[a.Target])))))).ToArray();

        var modelElement = new XElement(Sbml + "model",
            new XAttribute("id", ids.Reserve(Ids.Sanitise("tposim_" + def.Name))), new XAttribute("name", model.Title),
            new XAttribute("timeUnits", day),
            Notes(model.Title, model.Description,
                "Exported by tposim export sbml. States are parameters with rate rules, time is in days; parameter sources are in each parameter's notes and tposim:parameter annotation."),
            units.ToXml(Sbml),
            new XElement(Sbml + "listOfParameters", parameters),
            def.DerivedParameters.Count > 0 ? new XElement(Sbml + "listOfInitialAssignments", initialAssignments) : null,
            new XElement(Sbml + "listOfRules", rules),
            events.Length > 0 ? new XElement(Sbml + "listOfEvents", events) : null);
        return new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(Sbml + "sbml", new XAttribute("level", 3), new XAttribute("version", 2), modelElement));
    }

    /// <summary>The document as UTF-8 text (indented, LF line ends, no byte-order mark).</summary>
    public static string ToText(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings)) document.Save(writer);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static XElement Parameter(string id, string name, double? value, string unit, bool constant, XElement notes, XElement annotation) =>
        new(Sbml + "parameter", new XAttribute("id", id), new XAttribute("name", name),
            value is { } v ? new XAttribute("value", Number(v)) : null,
            new XAttribute("units", unit), new XAttribute("constant", constant ? "true" : "false"),
            notes, new XElement(Sbml + "annotation", annotation));

    private static XElement Notes(params string[] paragraphs) =>
        new(Sbml + "notes", new XElement(Xhtml + "body", paragraphs.Where(p => p.Length > 0).Select(p => new XElement(Xhtml + "p", p))));

    private static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// SBML ids: model names made valid SIds, each distinct. States, parameters and variables have separate name spaces in
    /// a definition (a variable may share a parameter's name, as the acting extra removal rate does), one in SBML: the
    /// later one gets its kind as a suffix.
    /// </summary>
    private sealed class Ids
    {
        private readonly Dictionary<SymbolExpr, string> _bySymbol = [];
        private readonly HashSet<string> _used = [];

        public string Of(SymbolExpr symbol)
        {
            if (_bySymbol.TryGetValue(symbol, out var id)) return id;
            var name = Sanitise(symbol.Name);
            return _bySymbol[symbol] = _used.Contains(name) ? Reserve($"{name}_{symbol.Kind.ToString().ToLowerInvariant()}") : Reserve(name);
        }

        public string Reserve(string id)
        {
            var unique = id;
            for (var k = 2; !_used.Add(unique); k++) unique = $"{id}_{k}";
            return unique;
        }

        /// <summary>An SBML SId: letters, digits and underscores, not starting with a digit.</summary>
        public static string Sanitise(string name)
        {
            var b = new StringBuilder(name.Length + 1);
            foreach (var c in name) b.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
            if (b.Length == 0 || char.IsAsciiDigit(b[0])) b.Insert(0, '_');
            return b.ToString();
        }
    }
}
