using System.Globalization;

namespace TpoSim.Model;

/// <summary>
/// Parses unit text as the parameter registry writes it: symbols joined by <c>·</c>, <c>*</c> or <c>/</c>, parentheses,
/// integer powers (<c>^2</c>, <c>^-1</c>) and numeric factors (<c>10^9/L</c>). Known symbols: 1; day, d, h, min, week;
/// g with k, m, µ (u), n, p, f prefixes; mol and M (mol/L) with m, µ, n, p prefixes; L, dL, mL, µL, fL; and the
/// dimensionless counts platelet, cell, point.
/// </summary>
public static class UnitParser
{
    private static readonly Dictionary<string, Unit> Symbols = BuildSymbols();

    /// <summary>The unit written <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">Unknown symbol or malformed text.</exception>
    public static Unit Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "0/1") return Unit.One; // a flag
        var parser = new Parser(text);
        var unit = parser.Product();
        if (!parser.AtEnd) throw new FormatException($"Unit '{text}': unexpected '{text[parser.Position..]}'.");
        return unit;
    }

    /// <summary>True and the unit when <paramref name="text"/> parses.</summary>
    public static bool TryParse(string text, out Unit unit)
    {
        try { unit = Parse(text); return true; }
        catch (FormatException) { unit = default; return false; }
    }

    private static Dictionary<string, Unit> BuildSymbols()
    {
        var s = new Dictionary<string, Unit>
        {
            ["1"] = Unit.One, ["platelet"] = Unit.One, ["platelets"] = Unit.One, ["cell"] = Unit.One, ["cells"] = Unit.One, ["point"] = Unit.One, ["MK"] = Unit.One,
            ["day"] = Unit.Day, ["d"] = Unit.Day, ["h"] = new(1.0 / 24, 1, 0, 0, 0), ["min"] = new(1.0 / 1440, 1, 0, 0, 0), ["week"] = new(7, 1, 0, 0, 0),
            ["L"] = new(1, 0, 0, 0, 1), ["dL"] = new(0.1, 0, 0, 0, 1), ["mL"] = new(1e-3, 0, 0, 0, 1), ["µL"] = new(1e-6, 0, 0, 0, 1),
            ["uL"] = new(1e-6, 0, 0, 0, 1), ["fL"] = new(1e-15, 0, 0, 0, 1),
            ["Gy"] = new(1, 0, 0, 0, 0, 1),
        };
        (string Prefix, double Factor)[] prefixes = [("", 1), ("k", 1e3), ("m", 1e-3), ("µ", 1e-6), ("u", 1e-6), ("n", 1e-9), ("p", 1e-12), ("f", 1e-15)];
        foreach (var (prefix, factor) in prefixes)
        {
            s[prefix + "g"] = new(factor, 0, 1, 0, 0);
            if (prefix is "k" or "f") continue;
            s[prefix + "mol"] = new(factor, 0, 0, 1, 0);
            s[prefix + "M"] = new(factor, 0, 0, 1, -1);
        }
        return s;
    }

    private sealed class Parser(string text)
    {
        public int Position { get; private set; }

        public bool AtEnd { get { SkipSpace(); return Position >= text.Length; } }

        public Unit Product()
        {
            var unit = Power();
            while (true)
            {
                SkipSpace();
                if (Position >= text.Length) return unit;
                var c = text[Position];
                if (c is '·' or '*' or '⋅') { Position++; unit *= Power(); }
                else if (c == '/') { Position++; unit /= Power(); }
                else return unit;
            }
        }

        private Unit Power()
        {
            var unit = Atom();
            SkipSpace();
            if (Position < text.Length && text[Position] == '^')
            {
                Position++;
                var start = Position;
                if (Position < text.Length && text[Position] is '-' or '+') Position++;
                while (Position < text.Length && char.IsDigit(text[Position])) Position++;
                if (!int.TryParse(text[start..Position], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                    throw new FormatException($"Unit '{text}': bad exponent at {start}.");
                unit = unit.Pow(n);
            }
            return unit;
        }

        private Unit Atom()
        {
            SkipSpace();
            if (Position >= text.Length) throw new FormatException($"Unit '{text}' ends early.");
            if (text[Position] == '(')
            {
                Position++;
                var inner = Product();
                SkipSpace();
                if (Position >= text.Length || text[Position] != ')') throw new FormatException($"Unit '{text}': missing ')'.");
                Position++;
                return inner;
            }
            var start = Position;
            if (char.IsDigit(text[Position]))
            {
                while (Position < text.Length && (char.IsDigit(text[Position]) || text[Position] == '.')) Position++;
                var number = double.Parse(text[start..Position], CultureInfo.InvariantCulture);
                return new Unit(number, 0, 0, 0, 0);
            }
            while (Position < text.Length && (char.IsLetter(text[Position]) || text[Position] == 'µ')) Position++;
            var symbol = text[start..Position];
            return Symbols.TryGetValue(symbol, out var u) ? u : throw new FormatException($"Unit '{text}': unknown symbol '{symbol}'.");
        }

        private void SkipSpace()
        {
            while (Position < text.Length && text[Position] == ' ') Position++;
        }
    }
}
