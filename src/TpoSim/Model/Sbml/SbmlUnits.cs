using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace TpoSim.Model.Sbml;

/// <summary>
/// The SBML unit definitions of a model's declared units: each unit text (<see cref="UnitParser"/>) becomes one
/// <c>unitDefinition</c> built from SBML's base kinds, a day as 86400 s, so libSBML can check every rate against its
/// state's unit per day. Units equal in scale and dimension share one definition; the dimensionless 1 is SBML's own
/// <c>dimensionless</c>.
/// </summary>
/// <remarks>
/// A unit's scale (10⁹ in 10⁹/L, 10⁻¹² in pM) is carried by a <c>dimensionless</c> factor with that multiplier, and each base
/// dimension by its kind and exponent: (86400·second)^t · gram^m · mole^n · litre^v (SBML L3V2 §4.4).
/// </remarks>
internal sealed class SbmlUnits
{
    /// <summary>SBML's dimensionless unit.</summary>
    public const string Dimensionless = "dimensionless";

    /// <summary>Seconds in a day: the multiplier of the day unit.</summary>
    public const double SecondsPerDay = 86400;

    private readonly List<(Unit Unit, string Id, string Text)> _definitions = [];
    private readonly Dictionary<string, string> _byText = [];

    /// <summary>The id of the unit definition of the day, the model's time unit.</summary>
    public string Day => IdOf("day");

    /// <summary>The id of the unit definition for unit text <paramref name="text"/>, created on first use.</summary>
    /// <exception cref="FormatException">The text does not parse.</exception>
    public string IdOf(string text)
    {
        if (_byText.TryGetValue(text, out var id)) return id;
        return _byText[text] = IdOf(UnitParser.Parse(text), text);
    }

    /// <summary>The id of the unit definition for <paramref name="unit"/> (one derived by dimension analysis), created on first use.</summary>
    public string IdOf(Unit unit) => IdOf(unit, unit.ToString());

    private string IdOf(Unit unit, string text)
    {
        string id;
        if (unit.IsOne) id = Dimensionless;
        else
        {
            var existing = _definitions.FindIndex(d => d.Unit.SameAs(unit));
            if (existing >= 0) id = _definitions[existing].Id;
            else
            {
                id = UniqueId(Slug(text));
                _definitions.Add((unit, id, text));
            }
        }
        return id;
    }

    /// <summary>The <c>listOfUnitDefinitions</c> of every unit used so far.</summary>
    public XElement ToXml(XNamespace sbml) => new(sbml + "listOfUnitDefinitions",
        _definitions.Select(d => new XElement(sbml + "unitDefinition", new XAttribute("id", d.Id), new XAttribute("name", d.Text),
            new XElement(sbml + "listOfUnits", Units(sbml, d.Unit)))));

    private static IEnumerable<XElement> Units(XNamespace sbml, Unit u)
    {
        XElement One(string kind, int exponent, double multiplier) => new(sbml + "unit",
            new XAttribute("kind", kind), new XAttribute("exponent", exponent), new XAttribute("scale", 0),
            new XAttribute("multiplier", multiplier.ToString("R", CultureInfo.InvariantCulture)));
        if (u.Scale != 1) yield return One(Dimensionless, 1, u.Scale);
        if (u.Time != 0) yield return One("second", u.Time, SecondsPerDay);
        if (u.Mass != 0) yield return One("gram", u.Mass, 1);
        if (u.Amount != 0) yield return One("mole", u.Amount, 1);
        if (u.Volume != 0) yield return One("litre", u.Volume, 1);
        if (u.AbsorbedDose != 0) yield return One("gray", u.AbsorbedDose, 1);
    }

    private string UniqueId(string slug)
    {
        var id = slug;
        for (var k = 2; _definitions.Any(d => d.Id == id); k++) id = $"{slug}_{k}";
        return id;
    }

    /// <summary>A readable SId from unit text: <c>10^9/L</c> → <c>u_10e9_per_L</c>, <c>1/(pM·day)</c> → <c>u_1_per_pM_day</c>.</summary>
    private static string Slug(string text)
    {
        var b = new StringBuilder("u_");
        foreach (var c in text)
        {
            var piece = c switch
            {
                '/' => "_per_",
                '·' or '*' or '⋅' or ' ' => "_",
                '^' => "e",
                '-' => "m",
                'µ' => "u",
                '.' => "p",
                '(' or ')' => "",
                _ => char.IsAsciiLetterOrDigit(c) ? c.ToString() : "_",
            };
            b.Append(piece);
        }
        var s = b.ToString();
        while (s.Contains("__", StringComparison.Ordinal)) s = s.Replace("__", "_", StringComparison.Ordinal);
        return s.TrimEnd('_');
    }
}
