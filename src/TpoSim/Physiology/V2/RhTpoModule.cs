using TpoSim.Drugs.Modules;
using TpoSim.Model;
using TpoSim.Parameters;
using TpoSim.Scenarios;
using static TpoSim.Drugs.Modules.LinearPk;
using static TpoSim.Model.Expr;

namespace TpoSim.Physiology.V2;

/// <summary>
/// Recombinant human TPO in model v2: the same molecule as endogenous TPO, so what is absorbed enters free plasma TPO
/// (<see cref="CoreModelV2Definition.Slots.ExogenousTpo"/>) and is bound and cleared by the one c-Mpl pool like TPO.
/// SC doses go to a depot with first-order absorption; IV doses to an injection state emptied within minutes (a bolus
/// as a fast first-order transfer, so that every dose is an amount in µg added to a state, as for every module).
/// </summary>
public static class RhTpoModule
{
    /// <summary>SC absorption rate of rhTPO, 1/day (calibrated on rhtpo-sc-pk at 1 µg/kg: Tmax 10.8 h).</summary>
    public const double AbsorptionPerDay = 2.5;

    /// <summary>SC bioavailability of rhTPO (calibrated on rhtpo-sc-pk at 1 µg/kg: Cmax 0.438 µg/L).</summary>
    public const double Bioavailability = 0.1;

    private const string Chinese = "rhTPO SC in healthy Chinese volunteers, 0.5/1/2 µg/kg (Chin J Clin Pharmacol 2001): Tmax 9.0/10.8/11.8 h, Cmax 0.298/0.438/0.831 µg/L";

    /// <summary>The module (drug name <c>rhtpo</c>).</summary>
    public static DrugModule Module { get; } = Build();

    private static DrugModule Build()
    {
        const string x = "rhTpo";
        var depot = State($"{x}Depot");
        var injection = State($"{x}Injection");
        var ka = P($"{x}Ka");
        var bolus = P($"{x}BolusRate");
        var lastDose = MplAction.LastDose(x);
        var definition = new ModelDefinition("rhtpo-v2",
            [
                Amount(depot.Name, "rhTPO SC depot", DepotRate(ka, depot)),
                Amount(injection.Name, "rhTPO IV injection (emptied into plasma within minutes)", DepotRate(bolus, injection)),
            ],
            [
                new(ka.Name, AbsorptionPerDay, "1/day", 0.01, 100, ParameterKind.Mechanism, "First-order SC absorption rate of rhTPO.",
                    $"calibrated on rhtpo-sc-pk, the 1 µg/kg cohort's Tmax 10.8 h ({Chinese})"),
                new($"{x}F", Bioavailability, "1", 0.01, 1, ParameterKind.Mechanism, "SC bioavailability of rhTPO.",
                    $"calibrated on rhtpo-sc-pk, the 1 µg/kg cohort's Cmax 0.438 µg/L ({Chinese})"),
                new(bolus.Name, 1440, "1/day", 10, 1e5, ParameterKind.Mechanism, "Transfer rate of an IV dose into plasma.",
                    "assumed: an IV push over about a minute (1/min); faster than any process of the model"),
                lastDose,
            ],
            [
                new($"{x}PlasmaVolume", "L", "Plasma volume: per kg × body weight.", P("plasmaVolumePerKg") * P("bodyWeight") * Quantity(0.001, "L/mL")),
            ],
            [
                new(CoreModelV2Definition.Slots.ExogenousTpo, "pM/day", "Exogenous TPO entering plasma: absorbed SC rhTPO + IV injection, per litre of plasma.",
                    Variable(CoreModelV2Definition.Slots.ExogenousTpo)
                    + (Absorbed(ka, depot) + Absorbed(bolus, injection)) / (P("tpoMolarMass") * P($"{x}PlasmaVolume")) * TpoSiteLigandModule.PicomolarPerMicrogramPerLitrePerMolarMass),
                new($"{x}TotalTpo", "ng/mL", "Free plasma TPO, endogenous + rhTPO, as mass (µg/L), as the PK assays report it.",
                    State("tpoFree") * P("tpoMolarMass") * Quantity(1e-6, "ng/mL/(pM·g/mol)"), Observable: true),
            ]);
        return new DrugModule(Drugs.DrugCatalog.RecombinantTpo.Name, Drugs.DrugCatalog.RecombinantTpo.Name, "rhTPO: SC depot (absorption and bioavailability calibrated on SC PK) or IV into free plasma TPO; bound and cleared by the one c-Mpl pool like TPO.",
            [new(Route.Subcutaneous, depot.Name, P($"{x}F"), 0), new(Route.Intravenous, injection.Name, 1, 0)],
            $"{x}TotalTpo", lastDose.Name, definition);
    }
}
