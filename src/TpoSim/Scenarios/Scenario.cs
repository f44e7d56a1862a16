using TpoSim.Physiology;

namespace TpoSim.Scenarios;

/// <summary>A complete, validated simulation request (immutable). Parsed from JSON by <see cref="ScenarioParser"/>.</summary>
/// <param name="Name">Short title.</param>
/// <param name="Description">What the scenario shows.</param>
/// <param name="Patient">Who is simulated.</param>
/// <param name="Conditions">Condition presets with severities, applied in order (empty = healthy).</param>
/// <param name="ParameterOverrides">Parameter values replacing the defaults, by catalog name.</param>
/// <param name="Days">Simulated days after the start (day 0 = steady state of the patient).</param>
/// <param name="OutputStepDays">Spacing of the output grid, days.</param>
/// <param name="Solver">Solver registry name, or null for the default.</param>
/// <param name="Doses">Drug doses.</param>
/// <param name="Events">Timed events (transfusions, parameter changes).</param>
/// <param name="Titration">A closed-loop dose rule applied at platelet checks, or null.</param>
/// <param name="PkVariants">Published PK variant per drug (<see cref="Drugs.Modules.DrugModuleCatalog.VariantsOf"/>), e.g. romiplostim → "romiplostim-itp"; a drug not listed uses its default model. Null = none.</param>
/// <param name="Seed">Seed of the model's own random features (ITP activity fluctuation); the same seed gives the same run.</param>
public sealed record Scenario(
    string Name,
    string Description,
    Patient Patient,
    IReadOnlyList<ConditionChoice> Conditions,
    IReadOnlyDictionary<string, double> ParameterOverrides,
    double Days,
    double OutputStepDays,
    string? Solver,
    IReadOnlyList<DoseRecord> Doses,
    IReadOnlyList<ScenarioEvent> Events,
    Policies.TitrationSpec? Titration = null,
    IReadOnlyDictionary<string, string>? PkVariants = null,
    int Seed = 1)
{
    /// <summary>
    /// What a clinician should look at in the input, one line each (a dose outside its label range, a likely unit slip,
    /// a titration cut by --days): printed on stderr and kept in summary.json's <c>warnings</c>.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// Simulated rescue therapy (<see cref="Policies.RescueTherapy"/>), or null. Set by a population whose file asks for it
    /// (<c>rescue.simulate</c>), never by a scenario file.
    /// </summary>
    public Policies.RescueTherapy? Rescue { get; init; }

    /// <summary>The model core the scenario runs on (<see cref="Physiology.CoreModel.Names"/>: "v1", the default, or "v2").</summary>
    public string Model { get; init; } = Physiology.CoreModel.V1.Name;

    /// <summary>The core called <see cref="Model"/>.</summary>
    public Physiology.CoreModel Core => Physiology.CoreModel.Get(Model) ?? throw new InvalidOperationException($"Unknown model '{Model}'.");

    /// <summary>The PK model name used for <paramref name="drug"/>: the scenario's variant, else the drug's own model.</summary>
    public string PkModelOf(string drug) => PkVariants is not null && PkVariants.TryGetValue(drug, out var v) ? v : drug;

    /// <summary>The conditions as one line for titles and reports ("healthy" when none).</summary>
    public string ConditionSummary => Conditions.Count == 0 ? "healthy" : string.Join(", ", Conditions.Select(c => c.Label));
}

/// <summary>A condition preset with its severity (0 = absent, 1 = most severe) and options.</summary>
/// <param name="Name">Preset name (<see cref="Conditions.ConditionCatalog"/>).</param>
/// <param name="Severity">Severity in [0, 1].</param>
/// <param name="Options">Preset options by name (flags as 0/1).</param>
/// <param name="BaselinePlatelets">The day-0 count the severity was solved for (10^9/L), or null when the severity was given.</param>
public sealed record ConditionChoice(string Name, double Severity, IReadOnlyDictionary<string, double> Options, double? BaselinePlatelets = null)
{
    /// <summary>No disease.</summary>
    public static ConditionChoice Healthy { get; } = new("healthy", 0, new Dictionary<string, double>());

    /// <summary>"name" or "name 0.5" for titles and logs.</summary>
    public string Label => Name == "healthy" ? "healthy" : $"{Name} {Severity.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>Route of administration.</summary>
public enum Route
{
    /// <summary>Intravenous bolus.</summary>
    Intravenous,
    /// <summary>Subcutaneous injection.</summary>
    Subcutaneous,
    /// <summary>By mouth.</summary>
    Oral,
}

/// <summary>Unit of a dose amount.</summary>
public enum DoseUnit
{
    /// <summary>Milligrams.</summary>
    Milligram,
    /// <summary>Micrograms.</summary>
    Microgram,
    /// <summary>Micrograms per kg body weight.</summary>
    MicrogramPerKg,
}

/// <summary>A dose, optionally repeated: given at Day, then every EveryDays for Count doses in all (NONMEM ii/addl with addl = Count − 1).</summary>
/// <param name="Drug">Drug name.</param>
/// <param name="Route">Route.</param>
/// <param name="Amount">Amount per dose in <paramref name="Unit"/>.</param>
/// <param name="Unit">Unit of the amount.</param>
/// <param name="Day">Day of the first dose.</param>
/// <param name="EveryDays">Interval between doses, days (0 for a single dose).</param>
/// <param name="Count">Number of doses (≥ 1).</param>
/// <param name="WithPolyvalentCations">Eltrombopag taken together with polyvalent cations (antacid, dairy, mineral
/// supplement): bioavailability × the model's cation factor (0.30) for these doses only.</param>
public sealed record DoseRecord(string Drug, Route Route, double Amount, DoseUnit Unit, double Day, double EveryDays, int Count, bool WithPolyvalentCations = false)
{
    /// <summary>The dose times, days.</summary>
    public IEnumerable<double> Times()
    {
        for (var k = 0; k < Count; k++) yield return Day + k * EveryDays;
    }

    /// <summary>Amount per dose in µg for a patient of <paramref name="bodyWeightKg"/>.</summary>
    public double Micrograms(double bodyWeightKg) => Unit switch
    {
        DoseUnit.Milligram => Amount * 1000,
        DoseUnit.Microgram => Amount,
        DoseUnit.MicrogramPerKg => Amount * bodyWeightKg,
        _ => throw new ArgumentOutOfRangeException(nameof(Unit)),
    };
}

/// <summary>A discontinuous change at a given day.</summary>
/// <param name="Day">When.</param>
public abstract record ScenarioEvent(double Day)
{
    /// <summary>A short label for plots and logs.</summary>
    public abstract string Label { get; }
}

/// <summary>Platelet transfusion of <paramref name="PlateletsE9"/> ×10^9 platelets (one adult apheresis unit ≈ 300 ×10^9).</summary>
/// <param name="Day">When.</param>
/// <param name="PlateletsE9">Platelets given, ×10^9.</param>
public sealed record PlateletTransfusion(double Day, double PlateletsE9) : ScenarioEvent(Day)
{
    /// <summary>Platelets in one adult apheresis unit, ×10^9 (AABB standard: ≥ 3.0 ×10^11).</summary>
    public const double PlateletsPerUnitE9 = 300;

    /// <inheritdoc />
    public override string Label => $"transfusion {PlateletsE9:0} ×10⁹";
}

/// <summary>Sets a model parameter from <paramref name="Day"/> on (e.g. start or stop of platelet destruction).</summary>
/// <param name="Day">When.</param>
/// <param name="Parameter">Catalog name.</param>
/// <param name="Value">New value in the parameter's unit.</param>
public sealed record ParameterChange(double Day, string Parameter, double Value) : ScenarioEvent(Day)
{
    /// <inheritdoc />
    public override string Label => $"{Parameter} = {Value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>Acute bleeding of a fraction of blood volume (replaced by crystalloid).</summary>
/// <param name="Day">When.</param>
/// <param name="BloodLossPercent">Blood lost, % of blood volume.</param>
public sealed record Bleeding(double Day, double BloodLossPercent) : ScenarioEvent(Day)
{
    /// <inheritdoc />
    public override string Label => $"bleeding {BloodLossPercent:0.#}% of blood volume";
}

/// <summary>Splenectomy.</summary>
/// <param name="Day">When.</param>
public sealed record Splenectomy(double Day) : ScenarioEvent(Day)
{
    /// <inheritdoc />
    public override string Label => "splenectomy";
}

/// <summary>Liver transplantation: hepatic TPO synthesis restored; the spleen stays as it was.</summary>
/// <param name="Day">When.</param>
public sealed record LiverTransplant(double Day) : ScenarioEvent(Day)
{
    /// <inheritdoc />
    public override string Label => "liver transplant";
}

/// <summary>Partial hepatectomy; the liver then regenerates.</summary>
/// <param name="Day">When.</param>
/// <param name="FractionResected">Fraction of liver removed (0–0.75).</param>
public sealed record PartialHepatectomy(double Day, double FractionResected) : ScenarioEvent(Day)
{
    /// <inheritdoc />
    public override string Label => $"hepatectomy {100 * FractionResected:0}%";
}

/// <summary>Chemotherapy: <paramref name="Cycles"/> cycles every <paramref name="EveryDays"/> days from <paramref name="Day"/>.</summary>
/// <param name="Day">First cycle.</param>
/// <param name="Regimen">Kill rate and exposure per cycle.</param>
/// <param name="Cycles">Number of cycles.</param>
/// <param name="EveryDays">Cycle length, days.</param>
public sealed record Chemotherapy(double Day, Procedures.ChemotherapyRegimen Regimen, int Cycles, double EveryDays) : ScenarioEvent(Day)
{
    /// <inheritdoc />
    public override string Label => $"chemotherapy ({Regimen.Name}) ×{Cycles}";
}

/// <summary>Whole-body radiation exposure.</summary>
/// <param name="Day">When.</param>
/// <param name="DoseGy">Dose, Gy.</param>
public sealed record RadiationExposure(double Day, double DoseGy) : ScenarioEvent(Day)
{
    /// <inheritdoc />
    public override string Label => $"radiation {DoseGy:0.##} Gy";
}
