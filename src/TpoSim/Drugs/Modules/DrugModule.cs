using TpoSim.Model;
using TpoSim.Scenarios;

namespace TpoSim.Drugs.Modules;

/// <summary>Where a dose by one route goes: the receiving state, the bioavailable fraction, the absorption lag and an optional absorption-rate switch.</summary>
/// <param name="Route">Route.</param>
/// <param name="State">State the bioavailable amount is added to (µg).</param>
/// <param name="Bioavailability">Fraction absorbed, an expression of parameters.</param>
/// <param name="LagDays">Absorption lag, days, an expression of parameters (0 for none).</param>
/// <param name="RateSwitchDays">Time after each dose at which the absorption rate switches (an event time), or null.</param>
public sealed record DoseRoute(Route Route, string State, Expr Bioavailability, Expr LagDays, Expr? RateSwitchDays = null);

/// <summary>
/// One drug's PK/PD as data: its PK compartments, absorption and disposition, and how it acts on c-Mpl, as a
/// <see cref="ModelDefinition"/> that <see cref="ModelDefinition.Compose"/> appends to the core model when a scenario
/// doses it. Adding a drug means one module file and one entry in <see cref="DrugModuleCatalog"/>.
/// </summary>
/// <param name="Name">PK model name (<c>romiplostim</c>, <c>romiplostim-itp</c>, …).</param>
/// <param name="Drug">Drug name in scenarios.</param>
/// <param name="Description">The PK model and mechanism in a sentence.</param>
/// <param name="Routes">Supported routes and where each dose goes.</param>
/// <param name="ConcentrationVariable">The observable giving the concentration that acts, ng/mL (free drug for romiplostim).</param>
/// <param name="LastDoseParameter">The parameter dose events set to the dose time (read by time-since-dose switches).</param>
/// <param name="Definition">States, parameters, derived parameters and variables of the module.</param>
/// <param name="AbsorptionPhaseParameter">
/// For a route with a rate switch: the 0/1 parameter (0 early, 1 late) that dose events set to 0 and the switch event
/// sets to 1, so the phase flips exactly at the event and never by a rounding test of t − last dose; else null.
/// </param>
public sealed record DrugModule(
    string Name, string Drug, string Description, IReadOnlyList<DoseRoute> Routes, string ConcentrationVariable, string LastDoseParameter,
    ModelDefinition Definition, string? AbsorptionPhaseParameter = null)
{
    /// <summary>The dose route for <paramref name="route"/>, or null when the module does not support it.</summary>
    public DoseRoute? RouteFor(Route route) => Routes.FirstOrDefault(r => r.Route == route);
}
