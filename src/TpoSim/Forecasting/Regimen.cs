using System.Globalization;
using TpoSim.Policies;

namespace TpoSim.Forecasting;

/// <summary>What a candidate regimen does from the forecast's start day.</summary>
public enum RegimenKind
{
    /// <summary>The drug's label titration rule, continuing from the current dose.</summary>
    Label,
    /// <summary>No more doses.</summary>
    Hold,
    /// <summary>A fixed dose at the drug's label interval (weekly romiplostim, daily oral drugs).</summary>
    Fixed,
    /// <summary>A weekly romiplostim ladder with user thresholds (<see cref="CustomRule"/>).</summary>
    Custom,
}

/// <summary>A candidate regimen for the forecast window.</summary>
/// <param name="Name">Label in tables and files.</param>
/// <param name="Kind">What it does.</param>
/// <param name="Dose">Fixed dose per administration (Fixed), or the start dose (Custom; null = the current dose).</param>
/// <param name="Rule">Thresholds of a Custom ladder.</param>
public sealed record Regimen(string Name, RegimenKind Kind, double? Dose = null, CustomRule? Rule = null)
{
    /// <summary>The label rule.</summary>
    public static Regimen Label { get; } = new("label", RegimenKind.Label);

    /// <summary>Stop dosing.</summary>
    public static Regimen Hold { get; } = new("hold", RegimenKind.Hold);

    /// <summary>A fixed dose in the history's unit.</summary>
    public static Regimen Fixed(double dose) => new("fixed:" + dose.ToString("0.###", CultureInfo.InvariantCulture), RegimenKind.Fixed, dose);

    /// <summary>
    /// Parses <c>label</c>, <c>hold</c> or <c>fixed:X</c> (X &gt; 0 in the history's unit); null with an error line otherwise.
    /// </summary>
    public static (Regimen? Regimen, string? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t == "label") return (Label, null);
        if (t == "hold") return (Hold, null);
        if (t.StartsWith("fixed:", StringComparison.Ordinal))
        {
            var v = t["fixed:".Length..];
            if (Input.InputNumber.TryParse(v, out var dose) && dose > 0 && dose <= 1e5)
                return (Fixed(dose), null);
            return (null, $"--regimen: '{text}' has no valid dose; allowed: fixed:X with X in (0, 100000] in the history's dose unit.");
        }
        return (null, $"--regimen: '{text}' is not a regimen; allowed: label, hold, fixed:X.");
    }
}
