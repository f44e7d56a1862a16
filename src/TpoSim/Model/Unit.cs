using System.Globalization;

namespace TpoSim.Model;

/// <summary>
/// A physical unit as a scale and exponents of five base dimensions: time (day), mass (g), amount (mol), volume (L) and
/// absorbed radiation dose (Gy, kept as its own dimension as SBML's unit kind <c>gray</c> is, so that a radiobiological
/// D0 carries its unit without a length dimension the model otherwise never needs).
/// Counts (platelets, cells, points) are dimensionless. Two units are the same when their exponents are equal and their
/// scales agree to 1e-9 relative; an expression must add only quantities of the same unit, so a value in 1/h added to one
/// in 1/day is a unit error even though both are rates.
/// </summary>
/// <param name="Scale">Value of one of this unit in base units (1 h = 1/24 day, 1 pM = 1e-12 mol/L).</param>
/// <param name="Time">Exponent of time.</param>
/// <param name="Mass">Exponent of mass.</param>
/// <param name="Amount">Exponent of amount of substance.</param>
/// <param name="Volume">Exponent of volume.</param>
/// <param name="AbsorbedDose">Exponent of absorbed radiation dose (Gy).</param>
public readonly record struct Unit(double Scale, int Time, int Mass, int Amount, int Volume, int AbsorbedDose = 0)
{
    /// <summary>The dimensionless unit 1.</summary>
    public static Unit One { get; } = new(1, 0, 0, 0, 0);

    /// <summary>One day.</summary>
    public static Unit Day { get; } = new(1, 1, 0, 0, 0);

    /// <summary>Product of two units.</summary>
    public static Unit operator *(Unit a, Unit b) => new(a.Scale * b.Scale, a.Time + b.Time, a.Mass + b.Mass, a.Amount + b.Amount, a.Volume + b.Volume, a.AbsorbedDose + b.AbsorbedDose);

    /// <summary>Quotient of two units.</summary>
    public static Unit operator /(Unit a, Unit b) => new(a.Scale / b.Scale, a.Time - b.Time, a.Mass - b.Mass, a.Amount - b.Amount, a.Volume - b.Volume, a.AbsorbedDose - b.AbsorbedDose);

    /// <summary>This unit to an integer or fractional power (fractional powers need even exponents, e.g. √(pM²)).</summary>
    public Unit Pow(double n)
    {
        double Exponent(int e)
        {
            var x = e * n;
            return Math.Abs(x - Math.Round(x)) < 1e-12 ? Math.Round(x) : throw new ArgumentException($"Unit to the power {n} has a fractional dimension.");
        }
        return new(Math.Pow(Scale, n), (int)Exponent(Time), (int)Exponent(Mass), (int)Exponent(Amount), (int)Exponent(Volume), (int)Exponent(AbsorbedDose));
    }

    /// <summary>True when dimensionless with scale 1.</summary>
    public bool IsOne => SameAs(One);

    /// <summary>Same dimensions and scale (to 1e-9 relative).</summary>
    public bool SameAs(Unit other) =>
        Time == other.Time && Mass == other.Mass && Amount == other.Amount && Volume == other.Volume && AbsorbedDose == other.AbsorbedDose
        && Math.Abs(Scale - other.Scale) <= 1e-9 * Math.Max(Math.Abs(Scale), Math.Abs(other.Scale));

    /// <summary>Base-unit text, e.g. <c>1e-12·mol·L^-1</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Scale != 1) parts.Add(Scale.ToString("G6", CultureInfo.InvariantCulture));
        void Add(string s, int e) { if (e != 0) parts.Add(e == 1 ? s : $"{s}^{e}"); }
        Add("day", Time);
        Add("g", Mass);
        Add("mol", Amount);
        Add("L", Volume);
        Add("Gy", AbsorbedDose);
        return parts.Count == 0 ? "1" : string.Join("·", parts);
    }
}
