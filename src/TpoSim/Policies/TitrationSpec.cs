using TpoSim.Scenarios;

namespace TpoSim.Policies;

/// <summary>The <c>titration</c> block of a scenario: which rule, its start dose, the check schedule and the assay.</summary>
/// <param name="Policy">Policy name (<see cref="TitrationCatalog.Names"/>).</param>
/// <param name="StartDose">Start dose in the policy's unit, or null for the label's.</param>
/// <param name="CheckEveryDays">Days between platelet checks, or null for the policy's default.</param>
/// <param name="Days">How long the titration runs from day 0, or null for the policy's default (whole simulation for ITP rules).</param>
/// <param name="AssayCv">Coefficient of variation of the multiplicative assay noise (0 = exact counts).</param>
/// <param name="Seed">Seed of the assay-noise stream: the same seed gives the same decisions.</param>
/// <param name="EastAsian">Eltrombopag: East Asian ancestry (start 25 mg).</param>
/// <param name="HepaticImpairment">Eltrombopag: hepatic impairment (start 25 mg; 12.5 mg with East Asian ancestry).</param>
/// <param name="Custom">Thresholds of the "custom" policy, else null.</param>
/// <param name="StartDay">
/// Day the rule takes over: its first check and dose fall here and <paramref name="Days"/> counts from here. Doses before
/// it are the scenario's fixed doses, so a forecast continues a patient's history and then runs the rule (0 by default).
/// </param>
/// <param name="Continuing">
/// The patient is already on <paramref name="StartDose"/>: a ladder rule's first check is a regular decision (up, down,
/// hold) instead of a start, and the dose counts as settled (no wait before the first change).
/// </param>
public sealed record TitrationSpec(
    string Policy, double? StartDose = null, double? CheckEveryDays = null, double? Days = null, double AssayCv = 0, int Seed = 1,
    bool EastAsian = false, bool HepaticImpairment = false, CustomRule? Custom = null, double StartDay = 0, bool Continuing = false)
{
    /// <summary>
    /// A population's measured-count model, or null: the rule then reads the same measured count on a check day as the
    /// trial's screen and endpoints do (<see cref="Population.CountMeasurement.Measure"/> with <see cref="MeasurementSeed"/>),
    /// instead of <see cref="AssayCv"/>'s own noise. Set per subject by the population, never by a scenario file.
    /// </summary>
    public Population.CountMeasurement? Measurement { get; init; }

    /// <summary>The subject's seed that keys <see cref="Measurement"/>'s errors.</summary>
    public long MeasurementSeed { get; init; }

    /// <summary>The count the rule reads on <paramref name="day"/> for a true count <paramref name="count"/>: measured with <see cref="Measurement"/>, else through <paramref name="noise"/>.</summary>
    public double Measured(double day, double count, AssayNoise noise)
    {
        ArgumentNullException.ThrowIfNull(noise);
        return Measurement is { } m ? m.Measure(count, MeasurementSeed, day) : noise.Measure(count);
    }
}

/// <summary>Thresholds of a custom weekly romiplostim rule (counts in 10^9/L, doses in µg/kg).</summary>
/// <param name="Low">Increase below this count.</param>
/// <param name="High">Decrease after two checks above this count.</param>
/// <param name="Hold">Withhold above this count.</param>
/// <param name="Resume">Resume a step lower below this count.</param>
/// <param name="Step">Dose step, µg/kg.</param>
/// <param name="MaxDose">Highest dose, µg/kg.</param>
public sealed record CustomRule(double Low, double High, double Hold, double Resume, double Step, double MaxDose);

/// <summary>Multiplicative assay noise from a seeded stream: measured = true × (1 + CV·z), z standard normal, never below 0.</summary>
public sealed class AssayNoise
{
    private readonly Random _random;
    private readonly double _cv;

    /// <summary>Noise with coefficient of variation <paramref name="cv"/> drawn from a stream seeded with <paramref name="seed"/>.</summary>
    public AssayNoise(double cv, int seed)
    {
        _cv = cv;
        _random = new Random(seed);
    }

    /// <summary>The measured value of a true count <paramref name="count"/> (exact when CV is 0).</summary>
    public double Measure(double count)
    {
        if (_cv <= 0) return count;
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        var z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return Math.Max(0, count * (1 + _cv * z));
    }
}

/// <summary>The titration policies a scenario can name, with their drugs, schedules and start doses.</summary>
public static class TitrationCatalog
{
    /// <summary>Romiplostim in ITP, weekly (Nplate label).</summary>
    public const string RomiplostimItp = "romiplostim-itp-label";
    /// <summary>Eltrombopag in ITP, daily (Promacta label).</summary>
    public const string EltrombopagItp = "eltrombopag-itp-label";
    /// <summary>Avatrombopag in ITP: the label's six-level ladder, from 20 mg once weekly to 40 mg daily.</summary>
    public const string AvatrombopagItp = "avatrombopag-itp-label";
    /// <summary>Avatrombopag before a procedure in chronic liver disease (dose by baseline count).</summary>
    public const string AvatrombopagCld = "avatrombopag-cld-label";
    /// <summary>Lusutrombopag before a procedure, L-PLUS 2 early stop.</summary>
    public const string LusutrombopagLplus2 = "lusutrombopag-lplus2";
    /// <summary>A weekly romiplostim rule with user thresholds.</summary>
    public const string Custom = "custom";

    /// <summary>Names accepted in scenarios.</summary>
    public static IReadOnlyList<string> Names { get; } = [RomiplostimItp, EltrombopagItp, AvatrombopagItp, AvatrombopagCld, LusutrombopagLplus2, Custom];

    /// <summary>The label rule's romiplostim thresholds, the defaults of a custom rule.</summary>
    public static CustomRule CustomDefaults { get; } = new(50, 200, 400, 200, 1, 10);

    /// <summary>Days between doses of <paramref name="policy"/>: 7 for romiplostim rules, 1 for the oral drugs.</summary>
    public static double DoseEveryDays(string policy) => policy is RomiplostimItp or Custom ? 7 : 1;

    /// <summary>Default days between checks: 7, daily for lusutrombopag.</summary>
    public static double DefaultCheckEveryDays(string policy) => policy == LusutrombopagLplus2 ? 1 : 7;

    /// <summary>Default span of dosing, days: 5 (avatrombopag CLD), 7 (lusutrombopag), else null (the whole simulation).</summary>
    public static double? DefaultDays(string policy) => policy switch { AvatrombopagCld => 5, LusutrombopagLplus2 => 7, _ => null };

    /// <summary>The allowed start doses of a ladder rule (null when any value in a range is allowed).</summary>
    public static IReadOnlyList<double>? StartLevels(string policy) => policy switch
    {
        RomiplostimItp => LadderRule.RomiplostimItp.Levels,
        EltrombopagItp => LadderRule.EltrombopagItp.Levels,
        AvatrombopagItp => LadderRule.AvatrombopagItp.Levels.Distinct().ToArray(), // 20 → 20 mg daily, 40 → 40 mg daily
        _ => null,
    };

    /// <summary>The label start dose: romiplostim 1 µg/kg; eltrombopag 50 mg, 25 mg for East Asian ancestry or hepatic impairment, 12.5 mg for both; avatrombopag 20 mg; lusutrombopag 3 mg.</summary>
    public static double? LabelStartDose(string policy, bool eastAsian, bool hepaticImpairment) => policy switch
    {
        RomiplostimItp => 1,
        EltrombopagItp => eastAsian && hepaticImpairment ? 12.5 : eastAsian || hepaticImpairment ? 25 : 50,
        AvatrombopagItp => 20,
        LusutrombopagLplus2 => 3,
        _ => null,
    };

    /// <summary>A fresh policy for <paramref name="spec"/> (a validated scenario's).</summary>
    public static ITitrationPolicy Create(TitrationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var start = spec.StartDose ?? LabelStartDose(spec.Policy, spec.EastAsian, spec.HepaticImpairment);
        return spec.Policy switch
        {
            RomiplostimItp => new LadderPolicy(spec.Policy, "romiplostim", Route.Subcutaneous, DoseUnit.MicrogramPerKg, LadderRule.RomiplostimItp, start!.Value, spec.Continuing),
            EltrombopagItp => new LadderPolicy(spec.Policy, "eltrombopag", Route.Oral, DoseUnit.Milligram, LadderRule.EltrombopagItp, start!.Value, spec.Continuing),
            AvatrombopagItp => new LadderPolicy(spec.Policy, "avatrombopag", Route.Oral, DoseUnit.Milligram, LadderRule.AvatrombopagItp, start!.Value, spec.Continuing),
            AvatrombopagCld => new AvatrombopagCldPolicy(),
            LusutrombopagLplus2 => new LusutrombopagEarlyStopPolicy(start!.Value),
            Custom => CreateCustom(spec, start ?? throw new ArgumentException("A custom rule needs a start dose.", nameof(spec))),
            _ => throw new ArgumentException($"Unknown titration policy '{spec.Policy}'.", nameof(spec)),
        };
    }

    private static LadderPolicy CreateCustom(TitrationSpec spec, double start)
    {
        var c = spec.Custom ?? CustomDefaults;
        return new LadderPolicy(Custom, "romiplostim", Route.Subcutaneous, DoseUnit.MicrogramPerKg,
            LadderRule.Custom(c.Low, c.High, c.Hold, c.Resume, c.Step, c.MaxDose), start, spec.Continuing);
    }

    /// <summary>The drug dosed by <paramref name="policy"/>.</summary>
    public static string DrugOf(string policy) => policy switch
    {
        EltrombopagItp => "eltrombopag",
        AvatrombopagItp or AvatrombopagCld => "avatrombopag",
        LusutrombopagLplus2 => "lusutrombopag",
        _ => "romiplostim",
    };

    /// <summary>Check days (from the start day, every check interval, before the end of dosing; only the start day for avatrombopag CLD).</summary>
    public static IReadOnlyList<double> CheckDays(TitrationSpec spec, double simulationDays)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Policy == AvatrombopagCld) return [spec.StartDay];
        return Steps(spec.StartDay, spec.CheckEveryDays ?? DefaultCheckEveryDays(spec.Policy), End(spec, simulationDays));
    }

    /// <summary>
    /// Interim check days halfway between regular ones, used only while the policy wants them
    /// (<see cref="ITitrationPolicy.WantsInterimCheck"/>); none for rules without interim checks.
    /// </summary>
    public static IReadOnlyList<double> InterimCheckDays(TitrationSpec spec, double simulationDays)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Policy != EltrombopagItp) return [];
        var every = spec.CheckEveryDays ?? DefaultCheckEveryDays(spec.Policy);
        return Steps(spec.StartDay, every, End(spec, simulationDays)).Select(d => d + every / 2).Where(d => d < End(spec, simulationDays) - 1e-9).ToArray();
    }

    /// <summary>Dose days (from the start day, every dose interval, before the end of dosing).</summary>
    public static IReadOnlyList<double> DoseDays(TitrationSpec spec, double simulationDays)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Steps(spec.StartDay, DoseEveryDays(spec.Policy), End(spec, simulationDays));
    }

    private static double End(TitrationSpec spec, double simulationDays) =>
        Math.Min(simulationDays, spec.StartDay + (spec.Days ?? DefaultDays(spec.Policy) ?? simulationDays));

    // Each day is start + k·every (not accumulated), so a rule started later lands on exactly the same days.
    private static double[] Steps(double start, double every, double end)
    {
        var days = new List<double>();
        for (var k = 0; start + k * every < end - 1e-9; k++) days.Add(start + k * every);
        return days.ToArray();
    }
}
