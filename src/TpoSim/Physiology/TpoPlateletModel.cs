using TpoSim.Drugs;
using TpoSim.Drugs.Pharmacokinetics;
using TpoSim.Numerics.Ode;
using TpoSim.Parameters;

namespace TpoSim.Physiology;

/// <summary>
/// The mechanistic TPO–platelet model of one patient: thrombopoiesis (Shimizu 2021 structure: 27 dividing
/// progenitor compartments with TPO-driven division rate, 5 MK maturation compartments), a platelet ageing
/// chain with random, extra and senescent removal and a splenic pool, and TPO with hepatic (Ashwell–Morell
/// driven), renal and stromal synthesis, target-mediated disposition on c-Mpl of platelets AND megakaryocytes,
/// tissue distribution and non-receptor clearance. Time in days.
/// The model knows nothing of solvers: it offers a right-hand side, a Jacobian sparsity pattern and outputs.
/// </summary>
public sealed class TpoPlateletModel
{
    private readonly double[] _p;
    private readonly CoupledDrug[] _drugs;

    /// <summary>Builds the model for <paramref name="patient"/> with the given parameter values and no drugs.</summary>
    public TpoPlateletModel(ParameterSet parameters, Patient patient) : this(parameters, patient, [])
    {
    }

    /// <summary>
    /// Builds the model with the PK/PD of <paramref name="drugs"/> (names from <see cref="PkModelCatalog"/>) appended after
    /// the core states, in the given order.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown or repeated drug name, or a drug without an effect model (rhTPO needs none).</exception>
    public TpoPlateletModel(ParameterSet parameters, Patient patient, IReadOnlyList<string> drugs)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(drugs);
        _p = parameters.ToArray();
        Patient = patient;
        SetPoint = new SetPoint(parameters, patient.AgeGroup);
        if (drugs.Distinct().Count() != drugs.Count) throw new ArgumentException("A drug is listed twice.", nameof(drugs));
        var covariates = new PkCovariates(patient.BodyWeightKg, Female: patient.Sex == Sex.Female, EastAsian: patient.EastAsian, ChildPughScore: patient.ChildPughScore);
        _drugs = new CoupledDrug[drugs.Count];
        var offset = StateLayout.Dimension;
        for (var d = 0; d < drugs.Count; d++)
        {
            var pk = PkModelCatalog.Create(drugs[d], covariates);
            _drugs[d] = Couple(pk, offset);
            offset += pk.StateCount;
        }
        Dimension = offset;
        Structure = BuildStructure();
    }

    /// <summary>Length of this model's state vector: the core (<see cref="StateLayout.Dimension"/>) plus every drug's states.</summary>
    public int Dimension { get; }

    /// <summary>The coupled drugs, in state order.</summary>
    public IReadOnlyList<CoupledDrug> Drugs => _drugs;

    /// <summary>The coupled drug called <paramref name="name"/>, or null.</summary>
    public CoupledDrug? Drug(string name) => Array.Find(_drugs, d => d.Pk.Drug == name);

    /// <summary>The healthy set point padded with zero drug amounts (length <see cref="Dimension"/>).</summary>
    public double[] HealthyState()
    {
        var y = new double[Dimension];
        SetPoint.State().CopyTo(y, 0);
        return y;
    }

    private CoupledDrug Couple(IPharmacokineticModel pk, int offset) => pk.Drug switch
    {
        "romiplostim" => new(pk, offset, DrugAction.Agonist, MplSite.TpoSite, DrugEffects.RomiplostimSiteKd.DefaultValue, 0, DrugEffects.RomiplostimEfficacy.DefaultValue),
        "eltrombopag" => new(pk, offset, DrugAction.Agonist, MplSite.Transmembrane, DrugEffects.EltrombopagEc50.DefaultValue, 0, DrugEffects.EltrombopagEfficacy.DefaultValue),
        "avatrombopag" => new(pk, offset, DrugAction.Agonist, MplSite.Transmembrane, DrugEffects.AvatrombopagEc50.DefaultValue, 0),
        "lusutrombopag" => new(pk, offset, DrugAction.Agonist, MplSite.Transmembrane, DrugEffects.LusutrombopagEc50.DefaultValue, 0),
        // TPO's K_T (pM = nM/1000) in ng/mL of PEG-rHuMGDF (pM × g/mol × 1e-6 = ng/mL); efficacy 1, TPO's own.
        "peg-rhumgdf" => new(pk, offset, DrugAction.Agonist, MplSite.TpoSite,
            PkUnits.NanomolarToNgPerMl(SetPoint.Ec50 / 1000, pk.MolarMass.GramsPerMole) / DrugEffects.PegRhuMgdfRelativePotency.DefaultValue, 0),
        "mpl-antagonist" => new(pk, offset, DrugAction.Antagonist, MplSite.Unspecified,
            ((PharmacokineticModel)pk).Value("mplAntagonistKi"), DrugEffects.AntagonistImax.DefaultValue),
        _ => throw new ArgumentException($"No effect model for drug '{pk.Drug}'.", nameof(pk)),
    };

    /// <summary>The patient.</summary>
    public Patient Patient { get; }

    /// <summary>The healthy reference state the model is calibrated to.</summary>
    public SetPoint SetPoint { get; }

    /// <summary>Declared sparsity of ∂f/∂y (arrowhead: band plus dense TPO rows and column).</summary>
    public JacobianStructure Structure { get; }

    /// <summary>Current value of a parameter (time events may change it).</summary>
    public double this[ParameterId id]
    {
        get => _p[(int)id];
        set
        {
            var def = ParameterCatalog.Get(id);
            if (!def.Allows(value)) throw new ArgumentOutOfRangeException(nameof(value), $"{def.Name} = {value} is outside {def.RangeText}.");
            _p[(int)id] = value;
        }
    }

    /// <summary>Transit rate between platelet age compartments, 1/day: the healthy rate, faster when survival is shortened (MDS).</summary>
    public double AgeingRate => SetPoint.AgeingRate / _p[(int)ParameterId.PlateletSurvivalFactor];

    /// <summary>c-Mpl on platelets, pM: proportional to the whole-body platelet mass and to c-Mpl expression (all cells, and platelets alone).</summary>
    public double PlateletReceptors(double wholeBodyPlatelets) =>
        SetPoint.PlateletReceptors * _p[(int)ParameterId.MplExpression] * _p[(int)ParameterId.PlateletMplExpression] * wholeBodyPlatelets / SetPoint.PlateletsWholeBody;

    /// <summary>
    /// Extra (antibody, consumption) platelet removal actually acting, 1/day: the extraRemovalRate parameter times the current
    /// ITP activity (itpActivity, 1 unless the activity fluctuates), 47.5% lower
    /// without a spleen, the main site of antibody-mediated destruction (Pérez-Ruixo C et al. AAPS J 2016).
    /// </summary>
    public double ExtraRemovalRate =>
        _p[(int)ParameterId.ExtraPlateletRemovalRate] * _p[(int)ParameterId.ItpActivity]
        * (1 - Procedures.ProcedureEffects.SplenicShareOfAntibodyRemoval * (1 - _p[(int)ParameterId.SpleenPresent]));

    /// <summary>Blood volume, L.</summary>
    public double BloodVolumeLitres => _p[(int)ParameterId.BloodVolumePerKg] * Patient.BodyWeightKg / 1000.0;

    /// <summary>Plasma volume, L (the volume TPO concentrations refer to).</summary>
    public double PlasmaVolumeLitres => _p[(int)ParameterId.PlasmaVolumePerKg] * Patient.BodyWeightKg / 1000.0;

    /// <summary>Right-hand side dy/dt (per day). Allocation-free.</summary>
    public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        var sp = SetPoint;
        var p = _p;
        var mpl = p[(int)ParameterId.MplExpression];
        var tpo = y[StateLayout.FreeTpo];
        const int p0 = StateLayout.FirstPlatelet;
        const int pLast = StateLayout.FreeTpo - 1;
        var wholeBody = 0.0;
        for (var i = p0; i <= pLast; i++) wholeBody += y[i];
        var circulating = (1 - p[(int)ParameterId.SplenicFraction]) * wholeBody;
        const int m0 = StateLayout.FirstMegakaryocyte;
        var mkSum = 0.0;
        for (var j = m0; j < StateLayout.FirstPlatelet; j++) mkSum += y[j];
        var mkMass = mkSum / StateLayout.MegakaryocyteCompartments;
        var receptorsPlatelet = PlateletReceptors(wholeBody);
        var receptorsMk = sp.MegakaryocyteReceptors * mpl * mkMass;
        var receptorPool = _drugs.Length == 0 ? 0 : ReceptorPlateletEquivalents(receptorsPlatelet, receptorsMk);
        var stimulation = _drugs.Length == 0 ? Stimulation(tpo) : Stimulation(tpo, t, y, receptorPool);
        var kDivision = p[(int)ParameterId.BaseDivisionRate];
        var k1 = kDivision * stimulation;
        var kill = p[(int)ParameterId.ProgenitorKillRate];

        // Normalised dividing chain: X_i' = 2·k1·X_(i−1) − k1·X_i with X_i = 2^(i−1)·x_i (Shimizu 2021).
        const int x0 = StateLayout.FirstProgenitor;
        dydt[x0] = k1 * (p[(int)ParameterId.ProgenitorInput] - y[x0]) - kill * y[x0];
        for (var i = x0 + 1; i < StateLayout.FirstMegakaryocyte; i++)
            dydt[i] = k1 * (y[i - 1] - y[i]) - kill * y[i];

        // MK maturation; MK1 is fed by the flux k1·X27, normalised by the healthy flux kDivision·X27.
        var kMk = StateLayout.MegakaryocyteCompartments / p[(int)ParameterId.MegakaryocyteMaturationTime];
        dydt[m0] = kMk * (stimulation * y[StateLayout.FirstMegakaryocyte - 1] - y[m0]);
        for (var j = m0 + 1; j < StateLayout.FirstPlatelet; j++) dydt[j] = kMk * (y[j - 1] - y[j]);

        // Platelet ageing chain (whole body).
        var ka = AgeingRate;
        var kOut = ka + p[(int)ParameterId.RandomPlateletRemovalRate] + ExtraRemovalRate;
        dydt[p0] = sp.PlateletProduction * p[(int)ParameterId.MegakaryocytePlateletOutput] * y[StateLayout.FirstPlatelet - 1] - kOut * y[p0];
        for (var i = p0 + 1; i <= pLast; i++) dydt[i] = ka * y[i - 1] - kOut * y[i];

        // TPO: synthesis, c-Mpl binding on platelets and MKs, internalisation, tissue exchange, non-receptor clearance.
        var production = TpoProduction(circulating, ka * y[pLast]);
        var kon = p[(int)ParameterId.TpoAssociationRate];
        var koff = p[(int)ParameterId.TpoDissociationRate];
        var kint = p[(int)ParameterId.ComplexInternalisationRate];
        var cp = y[StateLayout.PlateletComplex];
        var cm = y[StateLayout.MegakaryocyteComplex];
        var netBindingPlatelet = kon * tpo * (receptorsPlatelet - cp) - koff * cp;
        var netBindingMk = kon * tpo * (receptorsMk - cm) - koff * cm;
        var kfn = p[(int)ParameterId.TpoToTissueRate];
        var knf = p[(int)ParameterId.TissueToTpoRate];
        var tissue = y[StateLayout.TissueTpo];
        dydt[StateLayout.FreeTpo] = production - netBindingPlatelet - netBindingMk - kfn * tpo + knf * tissue
            - p[(int)ParameterId.NonReceptorClearanceRate] * tpo;
        dydt[StateLayout.TissueTpo] = kfn * tpo - knf * tissue;
        dydt[StateLayout.PlateletComplex] = netBindingPlatelet - kint * cp;
        dydt[StateLayout.MegakaryocyteComplex] = netBindingMk - kint * cm;

        // Drug PK; target-mediated models (romiplostim) see the live c-Mpl pool of platelets and MKs.
        foreach (var drug in _drugs)
        {
            drug.Pk.Derivatives(t, y.Slice(drug.Offset, drug.StateCount), drug.Inputs(t, receptorPool), dydt.Slice(drug.Offset, drug.StateCount));
        }
    }

    /// <summary>
    /// The c-Mpl pool that binds romiplostim (target-mediated disposition), in platelet equivalents, 10^9/L: the healthy
    /// circulating count scaled by the current platelet plus megakaryocyte receptors relative to the set point. Wang YC
    /// et al. (AAPS J 2010;12:729) took the pool proportional to the platelet count, ξ·PLT; romiplostim binds c-Mpl on
    /// platelets AND megakaryocytes (Yang BB et al. Clin Pharmacokinet 2016;55), so the same healthy pool is split
    /// as TPO's receptors are (mkReceptorShare on MKs) and each part follows its own cell mass. At the healthy set point
    /// it equals the platelet count; in ITP (few platelets, normal or expanded MK mass) it is far larger than the count.
    /// </summary>
    /// <param name="plateletReceptors">c-Mpl on platelets, pM (<see cref="PlateletReceptors"/>).</param>
    /// <param name="megakaryocyteReceptors">c-Mpl on MKs, pM.</param>
    public double ReceptorPlateletEquivalents(double plateletReceptors, double megakaryocyteReceptors) =>
        SetPoint.PlateletsCirculating * (plateletReceptors + megakaryocyteReceptors) / (SetPoint.PlateletReceptors + SetPoint.MegakaryocyteReceptors);

    /// <summary>The romiplostim-binding c-Mpl pool at state <paramref name="y"/>, platelet equivalents, 10^9/L (see <see cref="ReceptorPlateletEquivalents(double, double)"/>).</summary>
    public double ReceptorPlateletEquivalents(ReadOnlySpan<double> y)
    {
        double wholeBody = 0, mkSum = 0;
        for (var i = StateLayout.FirstPlatelet; i < StateLayout.FreeTpo; i++) wholeBody += y[i];
        for (var j = StateLayout.FirstMegakaryocyte; j < StateLayout.FirstPlatelet; j++) mkSum += y[j];
        var mk = SetPoint.MegakaryocyteReceptors * _p[(int)ParameterId.MplExpression] * mkSum / StateLayout.MegakaryocyteCompartments;
        return ReceptorPlateletEquivalents(PlateletReceptors(wholeBody), mk);
    }

    /// <summary>
    /// Division-rate stimulation with the coupled drugs at state <paramref name="y"/>. Agonists at TPO's site
    /// (<see cref="MplSite.TpoSite"/>: romiplostim, PEG-rHuMGDF) compete with TPO, so the site signal is
    /// (T/K_T + Σ ε·C/K)/(1 + T/K_T + Σ C/K) (<see cref="CompetitiveAgonism"/>); transmembrane agonists add their own
    /// ε·C/(EC50 + C) to it; an antagonist removes the fraction Imax·C/(Ki + C) of the sum. With every drug concentration
    /// zero this equals <see cref="Stimulation(double)"/> exactly.
    /// </summary>
    /// <param name="tpoPicomolar">Free TPO, pM.</param>
    /// <param name="t">Time, days (for PK models that read the time since the last dose).</param>
    /// <param name="y">Full state (length <see cref="Dimension"/>).</param>
    public double Stimulation(double tpoPicomolar, double t, ReadOnlySpan<double> y) =>
        Stimulation(tpoPicomolar, t, y, ReceptorPlateletEquivalents(y));

    private double Stimulation(double tpoPicomolar, double t, ReadOnlySpan<double> y, double receptorPool)
    {
        double siteRatio = 0, siteEfficacyRatio = 0, additive = 0, unblocked = 1;
        foreach (var drug in _drugs)
        {
            var c = drug.Concentration(t, y, receptorPool);
            if (drug.Action == DrugAction.Antagonist)
            {
                unblocked *= 1 - drug.Imax * drug.Occupancy(c);
            }
            else if (drug.Site == MplSite.TpoSite)
            {
                var ratio = drug.Ratio(c);
                siteRatio += ratio;
                siteEfficacyRatio += drug.Efficacy * ratio;
            }
            else
            {
                additive += drug.Efficacy * drug.Occupancy(c);
            }
        }
        return Stimulation(tpoPicomolar, siteRatio, siteEfficacyRatio, additive, unblocked);
    }

    /// <summary>Drug concentration of each coupled drug at state <paramref name="y"/>, ng/mL (free drug for romiplostim), in <see cref="Drugs"/> order.</summary>
    public double[] DrugConcentrations(double t, ReadOnlySpan<double> y)
    {
        var pool = ReceptorPlateletEquivalents(y);
        var c = new double[_drugs.Length];
        for (var d = 0; d < c.Length; d++) c[d] = _drugs[d].Concentration(t, y, pool);
        return c;
    }

    /// <summary>
    /// Progenitor division rate relative to healthy: a TPO-independent share plus the Emax effect of free TPO
    /// on c-Mpl (Shimizu 2021: Emax·T/(EC50 + T), equal to 1 at the set point), plus any autonomous drive.
    /// </summary>
    public double Stimulation(double tpoPicomolar) => Stimulation(tpoPicomolar, 0, 0, 0, 1);

    private double Stimulation(double tpoPicomolar, double siteRatio, double siteEfficacyRatio, double additive, double unblocked)
    {
        var t = Math.Max(tpoPicomolar, 0);
        var emax = _p[(int)ParameterId.DivisionEmax];
        var independent = _p[(int)ParameterId.TpoIndependentDivisionFraction];
        var site = CompetitiveAgonism.SiteSignal(t, SetPoint.Ec50, siteRatio, siteEfficacyRatio);
        var effect = emax * (site + additive) * unblocked;
        return independent + (1 - independent) * _p[(int)ParameterId.MplExpression] * effect
            + _p[(int)ParameterId.AutonomousDivisionRate];
    }

    /// <summary>Total TPO synthesis, pM/day, given the circulating platelet count and the senescent-platelet clearance flux.</summary>
    public double TpoProduction(double circulatingPlatelets, double senescentFlux)
    {
        var b = ProductionBreakdown(circulatingPlatelets, senescentFlux);
        return b.Liver + b.Kidney + b.Spleen + b.Stroma;
    }

    /// <summary>TPO synthesis by source, pM/day.</summary>
    public TpoSources ProductionBreakdown(double circulatingPlatelets, double senescentFlux)
    {
        var sp = SetPoint;
        var p = _p;
        // Ashwell–Morell drive: saturating in the aged-platelet clearance flux, normalised to 1 at the set point.
        var amr = p[(int)ParameterId.AshwellMorellShare] * p[(int)ParameterId.AshwellMorellEnabled];
        var k = p[(int)ParameterId.AshwellMorellHalfSaturation];
        var f = Math.Max(senescentFlux, 0) / sp.SenescentFlux;
        var drive = 1 - amr + amr * f / (k + f) * (k + 1);
        var liver = sp.TpoProduction * sp.LiverShare * p[(int)ParameterId.LiverFunction] * p[(int)ParameterId.LiverMass]
                    * p[(int)ParameterId.HepaticTpoMultiplier] * p[(int)ParameterId.InflammatoryTpoDrive] * drive;
        // Marrow stroma: rises towards stromaMaxFold as the platelet count falls (Blood 1997;89:101).
        var maxFold = p[(int)ParameterId.StromaMaxFold];
        var r = Math.Max(circulatingPlatelets, 0) / p[(int)ParameterId.PlateletsReference];
        var stroma = sp.TpoProduction * sp.StromaShare * maxFold / (1 + (maxFold - 1) * Math.Pow(r, p[(int)ParameterId.StromaHillCoefficient]));
        return new TpoSources(liver, sp.TpoProduction * sp.KidneyShare, sp.TpoProduction * sp.SpleenShare * p[(int)ParameterId.SpleenPresent], stroma);
    }

    /// <summary>Adds exogenous TPO (e.g. a recombinant TPO bolus or a tracer) to plasma.</summary>
    public void AddTpo(Span<double> y, double picomoles) => y[StateLayout.FreeTpo] += picomoles / PlasmaVolumeLitres;

    /// <summary>
    /// Adds transfused platelets (×10^9), spread evenly over the age compartments (stored platelets are of mixed age);
    /// they join the whole-body pool, so a third pools in the spleen, as with recovery after transfusion.
    /// </summary>
    public void AddPlatelets(Span<double> y, double plateletsE9)
    {
        var perLitre = plateletsE9 / BloodVolumeLitres;
        var share = perLitre / StateLayout.PlateletAgeCompartments;
        for (var i = StateLayout.FirstPlatelet; i < StateLayout.FreeTpo; i++) y[i] += share;
    }

    /// <summary>Named outputs with units at state <paramref name="y"/>.</summary>
    public ModelOutputs Outputs(ReadOnlySpan<double> y)
    {
        var sp = SetPoint;
        var p = _p;
        double wholeBody = 0, mkSum = 0;
        for (var i = StateLayout.FirstPlatelet; i < StateLayout.FreeTpo; i++) wholeBody += y[i];
        for (var j = StateLayout.FirstMegakaryocyte; j < StateLayout.FirstPlatelet; j++) mkSum += y[j];
        var mkMass = mkSum / StateLayout.MegakaryocyteCompartments;
        var mpl = p[(int)ParameterId.MplExpression];
        var circulating = (1 - p[(int)ParameterId.SplenicFraction]) * wholeBody;
        var pLast = y[StateLayout.FreeTpo - 1];
        var senescent = AgeingRate * pLast;
        var production = sp.PlateletProduction * p[(int)ParameterId.MegakaryocytePlateletOutput] * y[StateLayout.FirstPlatelet - 1];
        var receptorsPlatelet = PlateletReceptors(wholeBody);
        var receptorsMk = sp.MegakaryocyteReceptors * mpl * mkMass;
        var tpo = y[StateLayout.FreeTpo];
        // MK count: each MK sheds plateletsPerMk platelets at the end of maturation, so MKs in maturation = production·τ/PP.
        var mkCellsHealthy = sp.PlateletProduction * 1e9 * BloodVolumeLitres * p[(int)ParameterId.MegakaryocyteMaturationTime]
                             / p[(int)ParameterId.PlateletsPerMegakaryocyte];
        var sources = ProductionBreakdown(circulating, senescent);
        return new ModelOutputs(
            PlateletsCirculating: circulating,
            PlateletsWholeBody: wholeBody,
            TpoFreePicomolar: tpo,
            MegakaryocyteMassRelative: mkMass,
            MegakaryocytesPerKgE6: mkMass * mkCellsHealthy / Patient.BodyWeightKg / 1e6,
            MplOccupancyPlatelets: Occupancy(y[StateLayout.PlateletComplex], receptorsPlatelet, sp.PlateletReceptors, tpo),
            MplOccupancyMegakaryocytes: Occupancy(y[StateLayout.MegakaryocyteComplex], receptorsMk, sp.MegakaryocyteReceptors, tpo),
            PlateletProduction: production,
            MeanPlateletLifespanDays: CohortLifespanDays(),
            TpoProductionPicomolarPerDay: sources.Liver + sources.Kidney + sources.Spleen + sources.Stroma,
            TpoClearancePicomolarPerDay: p[(int)ParameterId.ComplexInternalisationRate] * (y[StateLayout.PlateletComplex] + y[StateLayout.MegakaryocyteComplex])
                                         + p[(int)ParameterId.NonReceptorClearanceRate] * tpo,
            Sources: sources);
    }

    /// <summary>
    /// Fraction of c-Mpl bound: complex/receptors, or, once the receptor pool has all but vanished (no platelets or
    /// MKs left, c-Mpl loss), the quasi-steady kon·T/(kon·T + koff + kint) that the complex would reach. Bounded to [0, 1].
    /// </summary>
    private double Occupancy(double complex, double receptors, double healthyReceptors, double tpo)
    {
        if (receptors > 1e-9 * healthyReceptors) return Math.Clamp(complex / receptors, 0, 1);
        var konT = _p[(int)ParameterId.TpoAssociationRate] * Math.Max(tpo, 0);
        return konT / (konT + _p[(int)ParameterId.TpoDissociationRate] + _p[(int)ParameterId.ComplexInternalisationRate]);
    }

    /// <summary>
    /// Mean lifespan (days) of a newly made platelet under the current removal rates: (1 − q^N)/(kr + kx) with
    /// q = ka/(ka + kr + kx), the mean residence in the ageing chain (N/ka without random loss). This is what a labelled
    /// cohort (¹¹¹In survival, Harker 2000) measures, and it equals platelets/removal at steady state.
    /// </summary>
    public double CohortLifespanDays() =>
        MeanResidenceDays(AgeingRate, _p[(int)ParameterId.RandomPlateletRemovalRate] + ExtraRemovalRate, StateLayout.PlateletAgeCompartments);

    /// <summary>
    /// Mean residence (days) in an ageing chain of <paramref name="compartments"/> compartments with transit rate
    /// <paramref name="ageing"/> and loss rate <paramref name="loss"/> from each: Σ_{i&lt;N} q^i/(ka + k), q = ka/(ka + k).
    /// Summed term by term, which stays exact for a tiny loss rate where the closed form (1 − q^N)/k cancels to 0.
    /// </summary>
    public static double MeanResidenceDays(double ageing, double loss, int compartments)
    {
        var q = ageing / (ageing + loss);
        double sum = 0, term = 1 / (ageing + loss);
        for (var i = 0; i < compartments; i++)
        {
            sum += term;
            term *= q;
        }
        return sum;
    }

    /// <summary>
    /// Half-life (hours) of free plasma TPO at tracer level, at the current receptor state: complexes in quasi-steady
    /// state, so elimination rate = kint·kon·R_free/(koff + kint + kon·T) + kNonReceptor (the arithmetic of
    /// Jin &amp; Krzyzanski 2004, which gives ≈2 h).
    /// </summary>
    public double TracerHalfLifeHours(ReadOnlySpan<double> y)
    {
        var o = Outputs(y);
        var sp = SetPoint;
        var mpl = _p[(int)ParameterId.MplExpression];
        var receptors = PlateletReceptors(o.PlateletsWholeBody) + sp.MegakaryocyteReceptors * mpl * o.MegakaryocyteMassRelative;
        var free = receptors - y[StateLayout.PlateletComplex] - y[StateLayout.MegakaryocyteComplex];
        var kon = _p[(int)ParameterId.TpoAssociationRate];
        var koff = _p[(int)ParameterId.TpoDissociationRate];
        var kint = _p[(int)ParameterId.ComplexInternalisationRate];
        var k = kint * kon * Math.Max(free, 0) / (koff + kint + kon * Math.Max(y[StateLayout.FreeTpo], 0)) + _p[(int)ParameterId.NonReceptorClearanceRate];
        return Units.TpoUnits.DaysToHours(Math.Log(2) / k);
    }

    private JacobianStructure BuildStructure()
    {
        var rows = new List<int>[Dimension];
        for (var i = 0; i < rows.Length; i++) rows[i] = [i];
        for (var i = StateLayout.FirstProgenitor + 1; i < StateLayout.FreeTpo; i++) rows[i].Add(i - 1);
        for (var i = StateLayout.FirstProgenitor; i <= StateLayout.FirstMegakaryocyte; i++) rows[i].Add(StateLayout.FreeTpo);
        // Free TPO depends on every platelet (receptors, stroma, Ashwell–Morell) and MK compartment and on all TPO states.
        for (var j = StateLayout.FirstMegakaryocyte; j < StateLayout.Dimension; j++)
        {
            if (j != StateLayout.FreeTpo) rows[StateLayout.FreeTpo].Add(j);
        }
        rows[StateLayout.TissueTpo].Add(StateLayout.FreeTpo);
        for (var j = StateLayout.FirstPlatelet; j < StateLayout.FreeTpo; j++) rows[StateLayout.PlateletComplex].Add(j);
        rows[StateLayout.PlateletComplex].Add(StateLayout.FreeTpo);
        for (var j = StateLayout.FirstMegakaryocyte; j < StateLayout.FirstPlatelet; j++) rows[StateLayout.MegakaryocyteComplex].Add(j);
        rows[StateLayout.MegakaryocyteComplex].Add(StateLayout.FreeTpo);
        // Drugs, appended last: each drug block is dense within itself and may read the c-Mpl pool (platelets and MKs);
        // progenitor and MK1 rows read every drug state and, through the free concentration of a target-binding drug, that pool.
        foreach (var drug in _drugs)
        {
            for (var i = drug.Offset; i < drug.Offset + drug.StateCount; i++)
            {
                for (var j = drug.Offset; j < drug.Offset + drug.StateCount; j++) rows[i].Add(j);
                if (drug.ReadsPlatelets)
                    for (var j = StateLayout.FirstMegakaryocyte; j < StateLayout.FreeTpo; j++) rows[i].Add(j);
            }
            for (var i = StateLayout.FirstProgenitor; i <= StateLayout.FirstMegakaryocyte; i++)
            {
                for (var j = drug.Offset; j < drug.Offset + drug.StateCount; j++) rows[i].Add(j);
                if (drug.ReadsPlatelets)
                    for (var j = StateLayout.FirstMegakaryocyte; j < StateLayout.FreeTpo; j++) rows[i].Add(j);
            }
        }
        return JacobianStructure.Sparse(rows.Select(r => (IReadOnlyList<int>)r.Distinct().Order().ToArray()).ToArray());
    }
}

/// <summary>TPO synthesis by source, pM/day.</summary>
/// <param name="Liver">Hepatic (constitutive × liver function × Ashwell–Morell drive × multiplier).</param>
/// <param name="Kidney">Renal.</param>
/// <param name="Spleen">Splenic (neonates).</param>
/// <param name="Stroma">Marrow stroma.</param>
public readonly record struct TpoSources(double Liver, double Kidney, double Spleen, double Stroma);
