using System.Globalization;
using TpoSim.Scenarios;

namespace TpoSim.Drugs;

/// <summary>
/// The dose range of one drug's label (or, for a drug without a label, the range studied in people), per dose.
/// A dose outside it gets a warning; one below 1/100 of <see cref="Min"/> or above 10× <see cref="Max"/> is
/// called a likely unit slip (mg written as µg, µg/kg as µg).
/// </summary>
/// <param name="Drug">Drug name (<see cref="DrugCatalog"/>).</param>
/// <param name="Min">Lowest labelled single dose, in <paramref name="Unit"/>.</param>
/// <param name="Max">Highest labelled single dose, in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit the label doses in: µg/kg (romiplostim) or mg (the oral drugs).</param>
/// <param name="Kind">"label" or "studied range" (no marketed label).</param>
/// <param name="Source">The label or study.</param>
public sealed record LabelDoseRange(string Drug, double Min, double Max, DoseUnit Unit, string Kind, string Source)
{
    /// <summary>Below this fraction of the lowest dose, a dose is a likely unit slip.</summary>
    public const double SlipBelow = 0.01;
    /// <summary>Above this multiple of the highest dose, a dose is a likely unit slip.</summary>
    public const double SlipAbove = 10;

    /// <summary>"1–10 µg/kg" or "3 mg".</summary>
    public string RangeText => (Min == Max ? F(Min) : $"{F(Min)}–{F(Max)}") + " " + UnitText(Unit);

    /// <summary>The dose in this range's unit (µg/kg through the patient's weight, or mg).</summary>
    public double InLabelUnit(double amount, DoseUnit unit, double weightKg)
    {
        var micrograms = unit switch { DoseUnit.Milligram => amount * 1000, DoseUnit.Microgram => amount, _ => amount * weightKg };
        return Unit == DoseUnit.MicrogramPerKg ? micrograms / weightKg : Unit == DoseUnit.Milligram ? micrograms / 1000 : micrograms;
    }

    /// <summary>
    /// The warning for one dose, or null inside the range: "20 mg of eltrombopag is …". The caller adds where the dose is.
    /// </summary>
    public string? Warn(double amount, DoseUnit unit, double weightKg)
    {
        var x = InLabelUnit(amount, unit, weightKg);
        var given = $"{F(amount)} {UnitText(unit)}" + (unit != Unit ? $" ({F(x)} {UnitText(Unit)}{(Unit == DoseUnit.MicrogramPerKg ? $" at {F(weightKg)} kg" : "")})" : "");
        if (x < Min * SlipBelow)
            return $"{given} of {Drug} is below 1/{F(1 / SlipBelow)} of the lowest {Kind} dose ({RangeText}): a likely unit slip; check the unit (mg, ug, ug/kg)";
        if (x > Max * SlipAbove)
            return $"{given} of {Drug} is more than {F(SlipAbove)}× the highest {Kind} dose ({RangeText}): a likely unit slip; check the unit (mg, ug, ug/kg)";
        if (x < Min * (1 - 1e-9) || x > Max * (1 + 1e-9))
            return $"{given} of {Drug} is outside the {Kind} dose range ({RangeText})";
        return null;
    }

    internal static string UnitText(DoseUnit u) => u switch { DoseUnit.Milligram => "mg", DoseUnit.Microgram => "µg", _ => "µg/kg" };

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>The label dose ranges, one per drug that has one (the hypothetical antagonist has none).</summary>
public static class LabelDoses
{
    /// <summary>Every range.</summary>
    public static IReadOnlyList<LabelDoseRange> All { get; } =
    [
        new("romiplostim", 1, 10, DoseUnit.MicrogramPerKg, "label",
            "Nplate (romiplostim) prescribing information, Amgen: ITP 1 µg/kg weekly, adjusted by 1 µg/kg, at most 10 µg/kg"),
        new("eltrombopag", 12.5, 150, DoseUnit.Milligram, "label",
            "Promacta (eltrombopag) prescribing information, Novartis: ITP 12.5–75 mg daily (25 mg start for East-/Southeast-Asian ancestry or hepatic impairment), severe aplastic anaemia up to 150 mg"),
        new("avatrombopag", 20, 60, DoseUnit.Milligram, "label",
            "Doptelet (avatrombopag) prescribing information, Sobi: chronic liver disease 40 or 60 mg daily for 5 days; ITP 20 mg (weekly to daily) up to 40 mg daily"),
        new("lusutrombopag", 3, 3, DoseUnit.Milligram, "label",
            "Mulpleta (lusutrombopag) prescribing information, Shionogi: 3 mg daily for 7 days"),
        new("rhTPO", 0.3, 2.4, DoseUnit.MicrogramPerKg, "studied range",
            "Vadhan-Raj S et al. Ann Intern Med 1997;126:673 (0.3–2.4 µg/kg IV; no marketed label for full-length rhTPO outside China)"),
        new("peg-rhumgdf", 0.03, 10, DoseUnit.MicrogramPerKg, "studied range",
            "Basser RL et al. Lancet 1996;348:1279 (0.03–5 µg/kg SC); Harker LA et al. Blood 2000 (3 µg/kg); development stopped, no label"),
    ];

    /// <summary>The range of <paramref name="drug"/>, or null (no label, e.g. the hypothetical antagonist).</summary>
    public static LabelDoseRange? For(string? drug) => All.FirstOrDefault(r => r.Drug == drug);
}
