using TpoSim.Parameters;
using TpoSim.Scenarios;
using static TpoSim.Units.TpoUnits;

namespace TpoSim.Drugs.Pharmacokinetics;

/// <summary>Which published population an eltrombopag model uses for its disposition parameters.</summary>
public enum EltrombopagPopulation
{
    /// <summary>Healthy subjects and chronic liver disease (Farrell C et al. Br J Clin Pharmacol 2014;77:717).</summary>
    Healthy,
    /// <summary>ITP patients (Gibiansky 2011: CL/F, Vc/F, Vp/F, Q/F); absorption and covariates from Farrell 2014.</summary>
    Itp,
}

/// <summary>
/// Eltrombopag (Farrell 2014): 2-cmt oral with a lag of 0.447 h and an absorption rate that switches from 0.333 to
/// 5.26 h⁻¹ at 1.46 h after each dose; CL/F × 0.622 for women, × 0.476 for East Asian ancestry and
/// × 0.536·(1 − 0.113·(Child–Pugh − 5)) with chronic liver disease. States (µg): 0 gut, 1 central, 2 peripheral.
/// Doses are in mg of eltrombopag free acid (as labelled).
/// </summary>
/// <remarks>
/// The rate switch reads <see cref="PkInputs.DaysSinceDose"/> (time since the nominal time of the last dose), the
/// NONMEM time-after-dose meaning; <see cref="DoseInput.RateSwitchDays"/> tells a solver where the discontinuity is.
/// </remarks>
public sealed class EltrombopagPk : PharmacokineticModel
{
    private const string Farrell = "Farrell C et al. Br J Clin Pharmacol 2014;77:717 (drugs.md)";
    private const string Gibiansky = "Gibiansky E et al. 2011, ITP population PK (drugs.md)";

    /// <summary>Parameter definitions with the Farrell 2014 (healthy) values, published hourly units.</summary>
    public static IReadOnlyList<ParameterDefinition> Definitions { get; } =
    [
        PkParameters.Define("eltrombopagClearance", 0.953, "L/h", 0.01, 100, "Apparent clearance CL/F (reference: male, not East Asian, no liver disease).", Farrell),
        PkParameters.Define("eltrombopagCentralVolume", 9.75, "L", 0.1, 1000, "Apparent central volume Vc/F.", Farrell),
        PkParameters.Define("eltrombopagPeripheralVolume", 9.41, "L", 0.1, 1000, "Apparent peripheral volume Vp/F.", Farrell),
        PkParameters.Define("eltrombopagIntercompartmentalClearance", 0.633, "L/h", 0, 100, "Apparent intercompartmental clearance Q/F.", Farrell),
        PkParameters.Define("eltrombopagKaEarly", 0.333, "1/h", 0.001, 100, "Absorption rate before the switch.", Farrell),
        PkParameters.Define("eltrombopagKaLate", 5.26, "1/h", 0.001, 100, "Absorption rate after the switch.", Farrell),
        PkParameters.Define("eltrombopagKaSwitchTime", 1.46, "h", 0, 24, "Time after each dose at which the absorption rate switches.", Farrell),
        PkParameters.Define("eltrombopagLag", 0.447, "h", 0, 24, "Absorption lag time.", Farrell),
        PkParameters.Define("eltrombopagFemaleFactor", 0.622, "1", 0.1, 2, "CL/F multiplier for women.", Farrell),
        PkParameters.Define("eltrombopagEastAsianFactor", 0.476, "1", 0.1, 2, "CL/F multiplier for East Asian ancestry.", Farrell),
        PkParameters.Define("eltrombopagLiverDiseaseFactor", 0.536, "1", 0.05, 2, "CL/F multiplier with chronic liver disease at Child–Pugh 5.", Farrell),
        PkParameters.Define("eltrombopagChildPughSlope", 0.113, "1/point", 0, 0.2, "Fractional CL/F fall per Child–Pugh point above 5.", Farrell),
        PkParameters.Define("eltrombopagCationBioavailability", 0.30, "1", 0, 1,
            "Relative bioavailability when taken together with polyvalent cations (antacid, dairy, mineral supplements).",
            "assumed: a single 75 mg dose with an Al/Mg antacid lowered AUC and Cmax by ≈70% (Williams DD et al. Clin Ther 2009;31:764, as quoted in the Promacta label); drugs.md gives only the 2 h before / 4 h after rule, so the worst case (taken together) is modelled as F × 0.30"),
    ];

    /// <summary>Definitions with the ITP disposition values (Gibiansky 2011) in place of Farrell's.</summary>
    public static IReadOnlyList<ParameterDefinition> ItpDefinitions { get; } =
    [
        Definitions[0].WithValue(0.668, Gibiansky),
        Definitions[1].WithValue(8.76, Gibiansky),
        Definitions[2].WithValue(11.3, Gibiansky),
        Definitions[3].WithValue(0.399, Gibiansky),
        .. Definitions.Skip(4),
    ];

    private readonly double _k10, _k12, _k21, _kaEarly, _kaLate, _switch, _lag, _vc, _cl, _f;

    /// <summary>Builds the model for a patient and population, with optional overrides by name.</summary>
    public EltrombopagPk(PkCovariates? covariates = null, EltrombopagPopulation population = EltrombopagPopulation.Healthy, IReadOnlyDictionary<string, double>? overrides = null)
        : base(population == EltrombopagPopulation.Itp ? ItpDefinitions : Definitions, covariates, overrides)
    {
        Population = population;
        var cov = Covariates;
        var factor = 1.0;
        if (cov.Female) factor *= ValueAt(8);
        if (cov.EastAsian) factor *= ValueAt(9);
        if (cov.ChildPughScore is { } cp) factor *= ValueAt(10) * (1 - ValueAt(11) * (cp - 5));
        if (!(factor > 0)) throw new ArgumentException($"eltrombopag: covariates give a non-positive clearance factor {factor}.", nameof(covariates));
        _cl = PerHourToPerDay(ValueAt(0) * factor);
        _vc = ValueAt(1);
        var vp = ValueAt(2);
        var q = PerHourToPerDay(ValueAt(3));
        _k10 = _cl / _vc;
        _k12 = q / _vc;
        _k21 = q / vp;
        _kaEarly = PerHourToPerDay(ValueAt(4));
        _kaLate = PerHourToPerDay(ValueAt(5));
        _switch = HoursToDays(ValueAt(6));
        _lag = HoursToDays(ValueAt(7));
        _f = cov.WithPolyvalentCations ? ValueAt(12) : 1.0;
        ClearanceFactor = factor;
    }

    /// <summary>Eltrombopag free acid C25H22N4O4 (doses and concentrations are labelled as free acid), 442.5 g/mol from the formula.</summary>
    public static MolarMass EltrombopagMolarMass { get; } = new(PkUnits.MolarMassFromFormula("C25H22N4O4"), "free acid C25H22N4O4, from the formula (IUPAC atomic weights)");

    /// <summary>The population the disposition parameters come from.</summary>
    public EltrombopagPopulation Population { get; }

    /// <summary>Relative bioavailability of a dose taken together with polyvalent cations (a per-dose factor on F).</summary>
    public double CationRelativeBioavailability => ValueAt(12);

    /// <summary>The product of the covariate multipliers applied to CL/F.</summary>
    public double ClearanceFactor { get; }

    /// <inheritdoc />
    public override string Drug => "eltrombopag";

    /// <inheritdoc />
    public override string Description => Population == EltrombopagPopulation.Itp
        ? "2-cmt oral with ITP disposition (Gibiansky 2011: CL/F 0.668 L/h, Vc/F 8.76 L); lag, absorption switch and covariates on CL/F from Farrell 2014."
        : "2-cmt oral, lag 0.447 h, ka 0.333 → 5.26 /h at 1.46 h after each dose, covariates on CL/F (Farrell 2014).";

    /// <inheritdoc />
    public override IReadOnlyList<Route> Routes { get; } = [Route.Oral];

    /// <inheritdoc />
    public override IReadOnlyList<string> StateNames { get; } = ["gut", "central", "peripheral"];

    /// <inheritdoc />
    public override MolarMass MolarMass => EltrombopagMolarMass;

    /// <inheritdoc />
    public override double? LinearClearanceLitersPerDay => _cl;

    /// <inheritdoc />
    public override DoseInput DoseInput(Route route) =>
        route == Route.Oral ? new(0, _f, _lag, _switch) : throw UnsupportedRoute(route);

    /// <inheritdoc />
    public override void Derivatives(double t, ReadOnlySpan<double> y, in PkInputs inputs, Span<double> dydt)
    {
        var late = inputs.AfterRateSwitch ?? !(inputs.DaysSinceDose < _switch);
        var ka = late ? _kaLate : _kaEarly;
        var absorbed = ka * y[0];
        dydt[0] = -absorbed;
        dydt[1] = absorbed - (_k10 + _k12) * y[1] + _k21 * y[2];
        dydt[2] = _k12 * y[1] - _k21 * y[2];
    }

    /// <inheritdoc />
    public override double ConcentrationNgPerMl(ReadOnlySpan<double> y, in PkInputs inputs) => y[1] / _vc;
}
