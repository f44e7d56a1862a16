using TpoSim.Parameters;
using TpoSim.Scenarios;

namespace TpoSim.Drugs.Pharmacokinetics;

/// <summary>
/// A drug's pharmacokinetic model as a block of states that can be appended to any state vector. States are drug
/// amounts in µg; time is in days (model time); concentrations are ng/mL (= µg/L) and nM.
/// </summary>
/// <remarks>
/// To couple a model into a larger system: reserve <see cref="StateCount"/> slots, call <see cref="Derivatives"/> on
/// that slice of y and dydt, and apply each dose as a time event at dose time + <see cref="DoseInput.LagDays"/> that
/// adds amount × <see cref="DoseInput.Bioavailability"/> to slot <see cref="DoseInput.Compartment"/>.
/// <see cref="PkSimulator"/> is a worked example of exactly that.
/// </remarks>
public interface IPharmacokineticModel
{
    /// <summary>Drug name (lower case, as in scenarios).</summary>
    string Drug { get; }

    /// <summary>One sentence: structure of the model and its source.</summary>
    string Description { get; }

    /// <summary>True for models whose every value is assumed (no published drug behind them).</summary>
    bool IsHypothetical { get; }

    /// <summary>The parameter definitions (published units, ranges, sources) with the values this instance uses as defaults.</summary>
    IReadOnlyList<ParameterDefinition> Parameters { get; }

    /// <summary>The values this instance uses, in the units of <see cref="Parameters"/>, same order.</summary>
    IReadOnlyList<double> ParameterValues { get; }

    /// <summary>The patient the model was built for (body weight, sex, ancestry, liver function).</summary>
    PkCovariates Covariates { get; }

    /// <summary>Routes the model supports.</summary>
    IReadOnlyList<Route> Routes { get; }

    /// <summary>Number of states (amounts, µg).</summary>
    int StateCount { get; }

    /// <summary>Short names of the states, e.g. "depot", "central".</summary>
    IReadOnlyList<string> StateNames { get; }

    /// <summary>Molar mass used for ng/mL ↔ nM, with its source.</summary>
    MolarMass MolarMass { get; }

    /// <summary>Where a dose by <paramref name="route"/> goes, how much of it, and when.</summary>
    /// <exception cref="ArgumentException">The model does not support <paramref name="route"/>.</exception>
    DoseInput DoseInput(Route route);

    /// <summary>
    /// dA/dt in µg/day. Allocation-free; writes every element of <paramref name="dydt"/> (length <see cref="StateCount"/>).
    /// </summary>
    /// <param name="t">Time, days.</param>
    /// <param name="y">Amounts, µg (length <see cref="StateCount"/>).</param>
    /// <param name="inputs">Live inputs from the rest of the system (platelet count, time since the last dose).</param>
    /// <param name="dydt">Destination.</param>
    void Derivatives(double t, ReadOnlySpan<double> y, in PkInputs inputs, Span<double> dydt);

    /// <summary>Plasma concentration that drives the effect (free drug for target-binding models), ng/mL.</summary>
    double ConcentrationNgPerMl(ReadOnlySpan<double> y, in PkInputs inputs);

    /// <summary>Plasma concentration, nM (from <see cref="ConcentrationNgPerMl"/> and <see cref="MolarMass"/>).</summary>
    double ConcentrationNanomolar(ReadOnlySpan<double> y, in PkInputs inputs);

    /// <summary>Apparent linear clearance CL (L/day, including 1/F where the published value is CL/F) for linear models; null when elimination is nonlinear.</summary>
    double? LinearClearanceLitersPerDay { get; }
}

/// <summary>Inputs a PK model reads from the rest of the system at each right-hand-side call.</summary>
/// <param name="PlateletsE9PerL">Platelet count, 10^9/L (receptor pool for target-mediated disposition).</param>
/// <param name="DaysSinceDose">Time since the last dose of this drug (nominal dose time, before any lag), days; +∞ before the first.</param>
/// <param name="AfterRateSwitch">
/// Whether the last dose's rate switch (<see cref="DoseInput.RateSwitchDays"/>) has happened, as set by the switch's time
/// event; null to derive it from <paramref name="DaysSinceDose"/>. A solver that stops at the switch must set it: the event
/// time (dose day + switch) and the test DaysSinceDose &lt; switch disagree by rounding on some days, and the stages of the
/// step ending at the event would then see the late rate (16× larger for eltrombopag) and be rejected.
/// </param>
public readonly record struct PkInputs(double PlateletsE9PerL, double DaysSinceDose, bool? AfterRateSwitch = null)
{
    /// <summary>Inputs with a platelet count and no dose given yet.</summary>
    public static PkInputs WithPlatelets(double plateletsE9PerL) => new(plateletsE9PerL, double.PositiveInfinity);
}

/// <summary>How a dose enters a model.</summary>
/// <param name="Compartment">State index that receives the dose.</param>
/// <param name="Bioavailability">Fraction of the dose that enters (1 when the published volumes and clearances are apparent, V/F and CL/F).</param>
/// <param name="LagDays">Delay between the nominal dose time and its arrival in <paramref name="Compartment"/>, days.</param>
/// <param name="RateSwitchDays">
/// Time after each dose at which the model's right-hand side changes form (eltrombopag's absorption rate switch), days; null if none.
/// A coupled solver should place a time event there so that the integrator restarts at the discontinuity.
/// </param>
public sealed record DoseInput(int Compartment, double Bioavailability, double LagDays, double? RateSwitchDays = null);

/// <summary>A molar mass and where it comes from.</summary>
/// <param name="GramsPerMole">g/mol.</param>
/// <param name="Source">Formula or citation.</param>
public sealed record MolarMass(double GramsPerMole, string Source);

/// <summary>Patient covariates the PK models use (each model reads the ones it needs and ignores the rest).</summary>
/// <param name="BodyWeightKg">Actual body weight, kg (µg/kg doses; romiplostim volumes).</param>
/// <param name="Female">Sex (eltrombopag CL/F × 0.622).</param>
/// <param name="EastAsian">East Asian ancestry (eltrombopag CL/F × 0.476).</param>
/// <param name="ChildPughScore">Child–Pugh score 5–13 for chronic liver disease, null without liver disease (eltrombopag).</param>
/// <param name="WithPolyvalentCations">Eltrombopag taken with antacids, dairy or mineral supplements (cuts bioavailability).</param>
public sealed record PkCovariates(
    double BodyWeightKg = 70,
    bool Female = false,
    bool EastAsian = false,
    double? ChildPughScore = null,
    bool WithPolyvalentCations = false)
{
    /// <summary>Lightest body weight the PK models are defined for, kg (a scenario with a dosed drug is checked against it).</summary>
    public const double MinBodyWeightKg = 2;
    /// <summary>Heaviest body weight the PK models are defined for, kg.</summary>
    public const double MaxBodyWeightKg = 300;

    /// <summary>A 70 kg man without liver disease, not of East Asian ancestry.</summary>
    public static PkCovariates Default { get; } = new();

    /// <summary>Problems with the values, one line each (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!(double.IsFinite(BodyWeightKg) && BodyWeightKg >= MinBodyWeightKg && BodyWeightKg <= MaxBodyWeightKg))
            errors.Add($"BodyWeightKg {BodyWeightKg} is outside [{MinBodyWeightKg}, {MaxBodyWeightKg}] kg.");
        if (ChildPughScore is { } cp && !(cp >= 5 && cp <= 13))
            errors.Add($"ChildPughScore {cp} is outside [5, 13] (beyond 13 Farrell's linear covariate gives a non-positive clearance).");
        return errors;
    }
}
