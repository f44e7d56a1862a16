using TpoSim.Model;
using TpoSim.Parameters;
using static TpoSim.Model.Expr;

namespace TpoSim.Physiology.V2;

/// <summary>
/// Model v2 of the TPO–platelet loop as data (<see cref="ModelDefinition"/>), built from receptor physiology
/// (docs/model-v2.md has every equation and which observation sets which parameter):
/// <list type="bullet">
/// <item>one c-Mpl pool, on platelets (anucleate: each is born with a fixed number of sites, which TPO consumes and which
/// are not recycled, so a platelet's clearing capacity is finite) and on marrow cells (megakaryocytes and progenitors,
/// which re-express receptor); every TPO-site ligand (TPO, <see cref="TpoSiteLigand"/> drugs) binds it competitively
/// with its own kinetics, and drug bound to platelets is cleared with them (target-mediated disposition);</item>
/// <item>the c-Mpl signal on marrow cells drives expansion through one receptor-level Emax: progenitor amplification
/// (MK number) and MK ploidy/cytoplasm (platelets per MK), each a share of the log response;</item>
/// <item>small non-receptor clearance of TPO, so that TPO rises when the platelet and marrow pools collapse;</item>
/// <item>chronic liver disease on two axes (hepatocyte function; portal hypertension), ITP as antibody removal plus
/// impaired MK output, marrow failure as lower progenitor inflow.</item>
/// </list>
/// Time in days; platelets per litre of blood (whole body), TPO and receptor sites per litre of plasma (pM).
/// </summary>
public static class CoreModelV2Definition
{
    /// <summary>Progenitor compartments.</summary>
    public const int ProgenitorStages = 4;

    /// <summary>Megakaryocyte maturation compartments.</summary>
    public const int MkStages = 4;

    /// <summary>Platelet age compartments.</summary>
    public const int PlateletStages = 8;

    /// <summary>Avogadro's number, 1/mol (CODATA 2018, exact).</summary>
    public const double Avogadro = 6.02214076e23;

    /// <summary>One receptor site as an amount: 1/N_A mol, written in pM·L.</summary>
    private static Expr SiteAmount => Quantity(1e12 / Avogadro, "pM·L");

    /// <summary>Sites per platelet × a count in 10^9/L → pM: 10^9 sites per litre = 10^21/N_A pM.</summary>
    private static Expr PlateletSites => Quantity(1e21 / Avogadro, "pM/(10^9/L)");

    /// <summary>The v2 model without drugs.</summary>
    public static ModelDefinition Create() => Create([]);

    /// <summary>The v2 model with the TPO-site drugs <paramref name="ligands"/> (each its own states and parameters).</summary>
    public static ModelDefinition Create(IReadOnlyList<TpoSiteLigand> ligands)
    {
        ArgumentNullException.ThrowIfNull(ligands);
        var parameters = V2Parameters.All.Concat(ligands.SelectMany(l => l.Parameters())).ToList();
        return new ModelDefinition("tpo-platelet-v2", States(ligands), parameters, SetPoint(), Variables(ligands));
    }

    /// <summary>State names, in vector order, of the v2 model with <paramref name="ligands"/>.</summary>
    public static IReadOnlyList<string> StateNames(IReadOnlyList<TpoSiteLigand> ligands) => States(ligands).Select(s => s.Name).ToArray();

    private static SymbolExpr P(string name) => Parameter(name);

    // Σ of no terms is the literal 0, which is the zero of every unit (an empty sum would read as dimensionless).
    private static Expr SumOrZero(IEnumerable<Expr> terms)
    {
        var list = terms.ToList();
        return list.Count == 0 ? Zero : Sum(list);
    }

    private static SymbolExpr D(string name) => Parameter(name);

    // a − b, or a alone when b is the literal 0 (−0 would be a product, not the unit-free zero).
    private static Expr Less(Expr a, Expr b) => b is ConstantExpr { Value: 0, Unit: null } ? a : a - b;

    private static SymbolExpr V(string name) => Variable(name);

    // Patient controls enter the set point at their healthy defaults (as constants), so changing one moves the patient
    // away from health; mechanism parameters enter as themselves, so changing one keeps the healthy state.
    private static Expr Reference(string name)
    {
        var d = V2Parameters.All.First(p => p.Name == name);
        if (d.Kind != ParameterKind.PatientControl) return Parameter(name);
        return d.Unit is "1" or "0/1" ? Constant(d.Value) : Quantity(d.Value, d.Unit);
    }

    private static List<VariableDefinition> SetPoint()
    {
        const int n = PlateletStages;
        var ka = D("healthyAgeingRate");
        var kr = Reference("randomRemovalRate");
        var q = D("healthyCompartmentSurvival");
        var tpo = Reference("tpoReference");
        var kon = Reference("tpoKon");
        var koff = D("tpoKoff");
        var kint = Reference("tpoKint");
        var kre = Reference("mplReexpressionRate");
        var bloodToPlasma = Reference("bloodVolumePerKg") / Reference("plasmaVolumePerKg");
        var list = new List<VariableDefinition>
        {
            new("tpoKoff", "1/day", "Dissociation rate of TPO–c-Mpl, Kd·kon.", Reference("tpoKd") * kon),
            new("healthyAgeingRate", "1/day", "Transit between platelet age compartments: N/senescence age.", n / Reference("plateletSenescenceDays")),
            new("healthyCompartmentSurvival", "1", "Chance of leaving a compartment by ageing rather than random loss, ka/(ka + kr).", ka / (ka + kr)),
            new("healthyMeanLifespan", "day", "Mean residence in the ageing chain: (1 − q^N)/kr, or N/ka without random loss.",
                IfLess(0, kr, (1 - Pow(q, n)) / kr, n / ka)),
            new("healthyPlateletsWholeBody", "10^9/L", "Whole-body platelets at health: circulating/(1 − splenic fraction).",
                Reference("plateletsReference") / (1 - Reference("splenicFractionHealthy"))),
            new("healthyPlateletProduction", "10^9/L/day", "Platelet production at health: whole-body platelets/mean lifespan.",
                D("healthyPlateletsWholeBody") / D("healthyMeanLifespan")),
            new("healthyPlateletTurnover", "1/day", "Per-capita platelet removal at health, production/whole-body platelets.",
                D("healthyPlateletProduction") / D("healthyPlateletsWholeBody")),
        };
        Expr compartment = D("healthyPlateletProduction") / (ka + kr);
        for (var i = 0; i < n; i++)
        {
            list.Add(new($"healthyPlateletAge{i + 1}", "10^9/L", "Healthy content of a platelet age compartment (geometric in q).", compartment));
            compartment = D($"healthyPlateletAge{i + 1}") * q;
        }
        var sites = D("healthyPlateletSites");
        var marrowQuota = D("healthyMarrowQuota");
        list.AddRange(
        [
            new("healthyPlateletSites", "pM", "c-Mpl on platelets at health: sites per platelet × whole-body platelets (Li 1999), per litre of plasma.",
                Reference("sitesPerPlatelet") * D("healthyPlateletsWholeBody") * bloodToPlasma * PlateletSites),
            new("healthyPlateletOccupancy", "1", "Bound share of platelet c-Mpl at health: kon·T/(kon·T + koff + kint + turnover).",
                kon * tpo / (kon * tpo + koff + kint + D("healthyPlateletTurnover"))),
            new("healthyPlateletComplex", "pM", "TPO–c-Mpl on platelets at health.", D("healthyPlateletOccupancy") * sites),
            new("healthyPlateletFree", "pM", "Free c-Mpl on platelets at health.", sites - D("healthyPlateletComplex")),
            new("sitesAtBirth", "1", "c-Mpl sites a new platelet carries: the supply that balances internalisation and removal at health (no recycling).",
                (kint * D("healthyPlateletComplex") + D("healthyPlateletTurnover") * sites)
                / (D("healthyPlateletProduction") * bloodToPlasma * PlateletSites)),
            new("healthyMarrowQuota", "pM", "c-Mpl quota of marrow cells at health: MKs × 1,933 + progenitors × 184 sites (Kuwaki 1998), per litre of plasma.",
                (Reference("sitesPerMegakaryocyte") * Reference("megakaryocytesPerKg") + Reference("sitesPerProgenitor") * Reference("progenitorsPerKg"))
                / Reference("plasmaVolumePerKg") * Quantity(1000, "mL/L") * SiteAmount),
            new("healthyMarrowOccupancy", "1", "Bound share of marrow c-Mpl at health, kon·T/(kon·T + koff + kint).",
                kon * tpo / (kon * tpo + koff + kint)),
            new("healthyMarrowTotal", "pM", "Surface c-Mpl of marrow cells at health: quota less what re-expression has not yet replaced, Rq/(1 + kint·θ/kre).",
                marrowQuota / (1 + kint * D("healthyMarrowOccupancy") / kre)),
            new("healthyMarrowComplex", "pM", "TPO–c-Mpl on marrow cells at health.", D("healthyMarrowOccupancy") * D("healthyMarrowTotal")),
            new("healthyMarrowFree", "pM", "Free c-Mpl on marrow cells at health.", D("healthyMarrowTotal") - D("healthyMarrowComplex")),
            new("healthyTpoSynthesis", "pM/day", "TPO synthesis at health = receptor-mediated clearance (internalised, and bound on removed platelets) + non-receptor clearance.",
                kint * (D("healthyPlateletComplex") + D("healthyMarrowComplex")) + D("healthyPlateletTurnover") * D("healthyPlateletComplex")
                + Reference("kNonReceptor") * tpo),
            new("responseMax", "1", "Maximal receptor-level response relative to the TPO-dependent part at health, (Emax − f)/(1 − f).",
                (Reference("emax") - Reference("tpoIndependentFraction")) / (1 - Reference("tpoIndependentFraction"))),
            new("occupancyHalfMax", "1", "Marrow occupancy giving half the maximal response, chosen so that full occupancy gives Emax: θ50 = θ0·(E − 1)/(1 − E·θ0).",
                D("healthyMarrowOccupancy") * (D("responseMax") - 1) / (1 - D("responseMax") * D("healthyMarrowOccupancy"))),
            new("healthyResponse", "1", "Receptor-level response at health, θ0/(θ50 + θ0).",
                D("healthyMarrowOccupancy") / (D("occupancyHalfMax") + D("healthyMarrowOccupancy"))),
        ]);
        return list;
    }

    private static List<VariableDefinition> Variables(IReadOnlyList<TpoSiteLigand> ligands)
    {
        var platelets = Enumerable.Range(1, PlateletStages).Select(i => State($"plateletAge{i}")).ToArray();
        var progenitors = Enumerable.Range(1, ProgenitorStages).Select(i => State($"progenitor{i}")).ToArray();
        var mkNumber = Enumerable.Range(1, MkStages).Select(i => State($"mkNumber{i}")).ToArray();
        var mkContent = Enumerable.Range(1, MkStages).Select(i => State($"mkContent{i}")).ToArray();
        var tpo = State("tpoFree");
        var rp = State("plateletMplFree");
        var cp = State("plateletTpoComplex");
        var rm = State("marrowMplFree");
        var cm = State("marrowTpoComplex");
        var kon = P("tpoKon");
        var koff = D("tpoKoff");
        var bloodToPlasma = P("bloodVolumePerKg") / P("plasmaVolumePerKg");
        var portal = P("portalHypertension");
        var ligandPlatelet = SumOrZero(ligands.Select(l => (Expr)State(l.PlateletComplex)));
        var ligandMarrow = SumOrZero(ligands.Select(l => (Expr)State(l.MarrowComplex)));
        var ligandSignal = SumOrZero(ligands.Select(l => P(l.P("Efficacy")) * State(l.MarrowComplex)));
        var list = new List<VariableDefinition>
        {
            new("plateletsWholeBody", "10^9/L", "Whole-body platelets (circulating + splenic pool) per litre of blood.", Sum(platelets), Observable: true),
            new("splenicFraction", "1", "Splenic pool fraction: normal, rising with portal hypertension towards massive splenomegaly (Aster 1966).",
                P("splenicFractionHealthy") + (P("splenicFractionMax") - P("splenicFractionHealthy")) * portal),
            new("platelets", "10^9/L", "Circulating platelet count.", (1 - V("splenicFraction")) * V("plateletsWholeBody"), Observable: true),
            new("ageingRate", "1/day", "Transit between platelet age compartments.", PlateletStages / P("plateletSenescenceDays")),
            new("extraRemovalRate", "1/day", "Antibody-mediated (ITP) plus hypersplenic removal.", P("antibodyRemovalRate") + P("hypersplenicRemovalMax") * portal),
            new("plateletExitRate", "1/day", "Rate of leaving each age compartment: ageing + random + extra removal.",
                V("ageingRate") + P("randomRemovalRate") + V("extraRemovalRate")),
            new("plateletTurnover", "1/day", "Per-capita platelet removal: senescent + random + extra; platelet c-Mpl leaves with removed platelets.",
                V("ageingRate") * platelets[^1] / Max(V("plateletsWholeBody"), Quantity(1e-6, "10^9/L")) + P("randomRemovalRate") + V("extraRemovalRate")),
            new("progenitorMass", "1", "MK progenitors relative to health (mean of the stages).", Sum(progenitors) / ProgenitorStages, Observable: true),
            new("megakaryocyteNumber", "1", "Marrow MK number relative to health.", Sum(mkNumber) / MkStages, Observable: true),
            new("megakaryocyteMass", "1", "Marrow MK mass (ploidy × cytoplasm) relative to health.", Sum(mkContent) / MkStages, Observable: true),
            new("marrowQuota", "pM", "c-Mpl quota of marrow cells now: MK number and progenitors scale the healthy quota per cell type.",
                (P("sitesPerMegakaryocyte") * P("megakaryocytesPerKg") * V("megakaryocyteNumber") + P("sitesPerProgenitor") * P("progenitorsPerKg") * V("progenitorMass"))
                / P("plasmaVolumePerKg") * Quantity(1000, "mL/L") * SiteAmount),
            new("marrowSurfaceMpl", "pM", "Surface c-Mpl on marrow cells (free + every ligand's complex).", rm + cm + ligandMarrow),
            new("marrowOccupancy", "1", "Efficacy-weighted occupancy of marrow c-Mpl, Σ ε·C/R_total (TPO ε = 1).",
                Max(cm + ligandSignal, 0) / Max(V("marrowSurfaceMpl"), Quantity(1e-9, "pM")), Observable: true),
            new("stimulation", "1", "Thrombopoietic stimulation relative to health: f + (1 − f)·R(θ)/R(θ0), R(θ) = θ/(θ50 + θ), one receptor-level Emax.",
                P("tpoIndependentFraction") + (1 - P("tpoIndependentFraction")) * V("marrowOccupancy")
                / (D("occupancyHalfMax") + V("marrowOccupancy")) / D("healthyResponse"), Observable: true),
            new("progenitorGain", "1", "Amplification per progenitor stage relative to health: stimulation^((1 − ploidy share)/stages).",
                Pow(V("stimulation"), (1 - P("ploidyShare")) / ProgenitorStages)),
            new("ploidyGain", "1", "Gain of MK content per maturation stage relative to health: stimulation^(ploidy share/stages).",
                Pow(V("stimulation"), P("ploidyShare") / MkStages)),
            new("progenitorTransitRate", "1/day", "Progenitor stage transit rate.", ProgenitorStages / P("progenitorTransitDays")),
            new("mkTransitRate", "1/day", "MK maturation stage transit rate.", MkStages / P("mkMaturationDays")),
            new("plateletProduction", "10^9/L/day", "Platelet production: healthy production × MK output × content of the last MK stage.",
                D("healthyPlateletProduction") * P("mkOutput") * mkContent[^1], Observable: true),
            new("plateletSiteSupply", "pM/day", "New platelet c-Mpl: sites at birth × production, per litre of plasma.",
                D("sitesAtBirth") * V("plateletProduction") * bloodToPlasma * PlateletSites),
            new("tpoBindingPlatelets", "pM/day", "Net TPO binding to platelet c-Mpl, kon·T·R − koff·C.", kon * tpo * rp - koff * cp),
            new("tpoBindingMarrow", "pM/day", "Net TPO binding to marrow c-Mpl.", kon * tpo * rm - koff * cm),
            new("tpoSynthesis", "pM/day", "TPO synthesis: hepatic (hepatocyte function × liver mass) + extrahepatic, per litre of plasma.",
                D("healthyTpoSynthesis") * Reference("plasmaVolumePerKg") / P("plasmaVolumePerKg")
                * ((1 - P("extrahepaticTpoShare")) * P("hepatocyteFunction") * P("liverMassRelative") + P("extrahepaticTpoShare")), Observable: true),
            new("tpoFreeObserved", "pM", "Free plasma TPO (fmol/mL).", tpo, Observable: true),
            new("tpoMass", "pg/mL", "Free plasma TPO as mass, with the polypeptide molar mass (each assay's own normal applies).",
                tpo * P("tpoMolarMass") * Quantity(0.001, "L/mL"), Observable: true),
            new("plateletTpoUptake", "pM/day", "TPO taken up by platelet c-Mpl (net binding).", V("tpoBindingPlatelets"), Observable: true),
            new("plateletMplPerPlatelet", "1", "Mean c-Mpl sites per platelet (free + bound, every ligand).",
                (rp + cp + ligandPlatelet) / (Max(V("plateletsWholeBody"), Quantity(1e-6, "10^9/L")) * bloodToPlasma * PlateletSites), Observable: true),
            new("plateletOccupancy", "1", "Bound share of platelet c-Mpl (every ligand).",
                (cp + ligandPlatelet) / Max(rp + cp + ligandPlatelet, Quantity(1e-9, "pM")), Observable: true),
        };
        foreach (var l in ligands)
        {
            var free = State(l.Free);
            list.Add(new(l.P("BindingPlatelets"), "pM/day", $"Net {l.Name} binding to platelet c-Mpl.",
                P(l.P("Kon")) * free * rp - P(l.P("Kd")) * P(l.P("Kon")) * State(l.PlateletComplex)));
            list.Add(new(l.P("BindingMarrow"), "pM/day", $"Net {l.Name} binding to marrow c-Mpl.",
                P(l.P("Kon")) * free * rm - P(l.P("Kd")) * P(l.P("Kon")) * State(l.MarrowComplex)));
            list.Add(new(l.P("FreeObserved"), "pM", $"Free {l.Name} in its central volume.", free, Observable: true));
        }
        return list;
    }

    private static List<StateDefinition> States(IReadOnlyList<TpoSiteLigand> ligands)
    {
        var states = new List<StateDefinition>();
        var kg = V("progenitorTransitRate");
        for (var i = 1; i <= ProgenitorStages; i++)
        {
            // Amplifying transit chain: each stage multiplies its inflow by the TPO-driven gain (1 at health).
            var feed = i == 1 ? (Expr)P("marrowInput") : State($"progenitor{i - 1}");
            states.Add(new($"progenitor{i}", "1", $"MK progenitors, stage {i} (relative to health)", kg * (V("progenitorGain") * feed - State($"progenitor{i}")), 1));
        }
        var km = V("mkTransitRate");
        var last = State($"progenitor{ProgenitorStages}");
        for (var j = 1; j <= MkStages; j++)
        {
            var feed = j == 1 ? last : State($"mkNumber{j - 1}");
            states.Add(new($"mkNumber{j}", "1", $"Maturing megakaryocytes (number), stage {j} (relative to health)", km * (feed - State($"mkNumber{j}")), 1));
        }
        for (var j = 1; j <= MkStages; j++)
        {
            // Ploidy and cytoplasm accrue during maturation: content gains at each stage with the signal of that time.
            var feed = j == 1 ? last : State($"mkContent{j - 1}");
            states.Add(new($"mkContent{j}", "1", $"Maturing megakaryocytes (platelet-forming content), stage {j} (relative to health)",
                km * (V("ploidyGain") * feed - State($"mkContent{j}")), 1));
        }
        var exit = V("plateletExitRate");
        for (var i = 1; i <= PlateletStages; i++)
        {
            var input = i == 1 ? V("plateletProduction") : V("ageingRate") * State($"plateletAge{i - 1}");
            states.Add(new($"plateletAge{i}", "10^9/L", $"Platelets of age class {i} (whole body, per litre of blood)",
                input - exit * State($"plateletAge{i}"), D($"healthyPlateletAge{i}")));
        }
        var tpo = State("tpoFree");
        var cp = State("plateletTpoComplex");
        var cm = State("marrowTpoComplex");
        var rp = State("plateletMplFree");
        var rm = State("marrowMplFree");
        var kint = P("tpoKint");
        var turnover = V("plateletTurnover");
        var ligandPlateletBinding = SumOrZero(ligands.Select(l => (Expr)V(l.P("BindingPlatelets"))));
        var ligandMarrowBinding = SumOrZero(ligands.Select(l => (Expr)V(l.P("BindingMarrow"))));
        states.Add(new("tpoFree", "pM", "Free plasma TPO",
            V("tpoSynthesis") - V("tpoBindingPlatelets") - V("tpoBindingMarrow") - P("kNonReceptor") * tpo, P("tpoReference")));
        states.Add(new("plateletMplFree", "pM", "Free c-Mpl on platelets (born with sitesAtBirth each, consumed by binding, not recycled)",
            Less(V("plateletSiteSupply") - V("tpoBindingPlatelets") - turnover * rp, ligandPlateletBinding), D("healthyPlateletFree")));
        states.Add(new("plateletTpoComplex", "pM", "TPO–c-Mpl on platelets", V("tpoBindingPlatelets") - (kint + turnover) * cp, D("healthyPlateletComplex")));
        states.Add(new("marrowMplFree", "pM", "Free c-Mpl on marrow cells (re-expressed towards the cells' quota)",
            Less(P("mplReexpressionRate") * (V("marrowQuota") - V("marrowSurfaceMpl")) - V("tpoBindingMarrow"), ligandMarrowBinding), D("healthyMarrowFree")));
        states.Add(new("marrowTpoComplex", "pM", "TPO–c-Mpl on marrow cells", V("tpoBindingMarrow") - kint * cm, D("healthyMarrowComplex")));
        foreach (var l in ligands)
        {
            var vcPerKg = P(l.P("VcPerKg"));
            // Binding is per litre of plasma; the drug's own concentration refers to its central volume.
            var plasmaPerCentral = P("plasmaVolumePerKg") / vcPerKg * Quantity(0.001, "L/mL");
            var vc = vcPerKg * P("bodyWeight");
            states.Add(new(l.Depot, "pmol", $"{l.Name} SC depot", -P(l.P("Ka")) * State(l.Depot), 0));
            states.Add(new(l.Free, "pM", $"Free {l.Name} in its central volume",
                P(l.P("F")) * P(l.P("Ka")) * State(l.Depot) / vc - P(l.P("Kel")) * State(l.Free)
                - (V(l.P("BindingPlatelets")) + V(l.P("BindingMarrow"))) * plasmaPerCentral, 0));
            states.Add(new(l.PlateletComplex, "pM", $"{l.Name}–c-Mpl on platelets", V(l.P("BindingPlatelets")) - (P(l.P("Kint")) + turnover) * State(l.PlateletComplex), 0));
            states.Add(new(l.MarrowComplex, "pM", $"{l.Name}–c-Mpl on marrow cells", V(l.P("BindingMarrow")) - P(l.P("Kint")) * State(l.MarrowComplex), 0));
        }
        return states;
    }
}
