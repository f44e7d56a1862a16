using TpoSim.Drugs.Modules;
using TpoSim.Model;
using TpoSim.Parameters;
using static TpoSim.Model.Expr;
using V1Slots = TpoSim.Physiology.CoreModelDefinition.DrugSlots;

namespace TpoSim.Physiology.V2;

/// <summary>
/// A small-molecule c-Mpl agonist that binds the transmembrane domain (eltrombopag, avatrombopag, lusutrombopag) in
/// model v2. It does not compete with TPO: a receptor is activated when its TPO site or, independently, its
/// transmembrane site is occupied, so the activated share of marrow c-Mpl is 1 − (1 − θ_site)·Π(1 − ε·occ), and that
/// share enters the same receptor-level Emax as TPO's (<see cref="CoreModelV2Definition.Slots.TransmembraneUnactivated"/>).
/// Its PK is exactly v1's module (<see cref="PkModule"/>): the same states, parameters, covariates and dose routes; only
/// v1's action on its drug slots is dropped and replaced by this occupancy.
/// </summary>
/// <remarks>
/// Occupancy of the transmembrane site is C/(K_tm + C) on the total plasma concentration C (the drug binds fast and is
/// highly protein-bound, so C stands for free drug in proportion). Each drug's published or v1 potency is a
/// <i>response</i> EC50 (half-maximal cell or platelet response); with v2's receptor reserve a response is half-maximal
/// near occupancy θ₅₀ (the core's <c>occupancyHalfMax</c>), so K_tm = EC50·(1 − θ₅₀)/θ₅₀. Efficacy ε = 1 for every
/// agonist: one receptor-level Emax, no ε = 3 (issue 14, item 6).
/// <para>
/// Where the drug's potency was published as the initial slope of a linear PD model (eltrombopag: Farrell 2014's SLOP),
/// v2 keeps that slope instead of v1's EC50 (which was derived from it with v1's ε = 3 and Emax, so it would make the drug
/// 3× weaker in v2): K_tm is then derived so that v2's own stimulation has that slope at health,
/// dS/dC = (1 − f)·θ50·(1 − θ0)/((θ50 + θ0)·θ0·K_tm) = slope, from S = f + (1 − f)·R(θ)/R(θ0), R(θ) = θ/(θ50 + θ) and
/// θ = 1 − (1 − θ0)·(1 − C/(K_tm + C)). It follows the calibrated Emax (θ50) by construction.
/// </para>
/// </remarks>
/// <param name="PkModule">v1's module of the drug (its PK is reused as it is).</param>
/// <param name="Ec50Parameter">Name of the drug's response-EC50 parameter among the v1 module's parameters (ng/mL, total plasma).</param>
/// <param name="InitialSlope">The drug's published initial PD slope (mL/ng, on total plasma concentration); when given it
/// replaces <paramref name="Ec50Parameter"/> in v2 and sets K_tm.</param>
public sealed record TransmembraneLigand(DrugModule PkModule, string Ec50Parameter, ModelParameter? InitialSlope = null)
{
    /// <summary>Prefix of the drug's names (its drug name, e.g. eltrombopag).</summary>
    public string Name => PkModule.Drug;

    /// <summary>Name of its efficacy parameter.</summary>
    public string EfficacyParameter => $"{Name}Efficacy";

    /// <summary>Name of its derived occupancy constant at the transmembrane site, ng/mL.</summary>
    public string SiteKdParameter => $"{Name}TransmembraneKd";

    /// <summary>Name of its transmembrane-site occupancy variable.</summary>
    public string OccupancyVariable => $"{Name}TransmembraneOccupancy";

    /// <summary>v1's slot variables, which do not exist in v2.</summary>
    private static readonly HashSet<string> s_v1Slots =
        [V1Slots.TpoSiteRatio, V1Slots.TpoSiteEfficacyRatio, V1Slots.TransmembraneSignal, V1Slots.UnblockedFraction];

    /// <summary>The v2 module: v1's PK, then the transmembrane occupancy feeding the core's slot.</summary>
    public DrugModule Build()
    {
        var v1 = PkModule.Definition;
        if (v1.Parameter(Ec50Parameter) is null) throw new ArgumentException($"'{Ec50Parameter}' is not a parameter of {PkModule.Name}.", nameof(Ec50Parameter));
        var variables = PrunedPkVariables(v1);
        var concentration = Variable(PkModule.ConcentrationVariable);
        var occupancy = Variable(OccupancyVariable);
        var efficacy = new ModelParameter(EfficacyParameter, 1, "1", 0, 1, ParameterKind.Mechanism,
            $"Signal of a {Name}-occupied transmembrane site relative to a TPO-occupied receptor (one receptor-level Emax).",
            "issue 14, item 6: one receptor-level Emax for every agonist unless data demand otherwise; v1's ε = 3 is dropped");
        var definition = new ModelDefinition(v1.Name + "-v2",
            v1.States,
            [.. v1.Parameters.Where(p => p.Name != EfficacyParameter && (InitialSlope is null || p.Name != Ec50Parameter)), efficacy,
                .. InitialSlope is null ? Array.Empty<ModelParameter>() : [InitialSlope]],
            [.. v1.DerivedParameters, SiteKd()],
            [
                .. variables,
                new(occupancy.Name, "1", "Transmembrane-site occupancy C/(K_tm + C).", Max(concentration, 0) / (Parameter(SiteKdParameter) + Max(concentration, 0)), Observable: true),
                new(CoreModelV2Definition.Slots.TransmembraneUnactivated, "1", "Π (1 − ε·occupancy) of transmembrane-site agonists.",
                    Variable(CoreModelV2Definition.Slots.TransmembraneUnactivated) * (1 - Parameter(EfficacyParameter) * occupancy)),
            ]);
        return PkModule with { Description = $"v2: {PkModule.Description} Transmembrane-site occupancy in the one receptor-level Emax.", Definition = definition };
    }

    // K_tm from the response EC50 (half response near occupancy θ50), or from the published initial slope (remarks).
    private VariableDefinition SiteKd()
    {
        var theta50 = Parameter("occupancyHalfMax");
        if (InitialSlope is null)
            return new(SiteKdParameter, "ng/mL", "Occupancy constant of the transmembrane site: response EC50 × (1 − θ50)/θ50 (half response near occupancy θ50, v2's receptor reserve).",
                Parameter(Ec50Parameter) * (1 - theta50) / theta50);
        var theta0 = Parameter("healthyMarrowOccupancy");
        return new(SiteKdParameter, "ng/mL", $"Occupancy constant of the transmembrane site from the published initial slope: (1 − f)·θ50·(1 − θ0)/((θ50 + θ0)·θ0·{InitialSlope.Name}), so that the stimulation rises with that slope at health.",
            (1 - Parameter("tpoIndependentFraction")) * theta50 * (1 - theta0) / ((theta50 + theta0) * theta0 * Parameter(InitialSlope.Name)));
    }

    // v1's variables less its slot variables and whatever only they read (the v1 occupancy), so nothing dangles.
    private List<VariableDefinition> PrunedPkVariables(ModelDefinition v1)
    {
        var kept = v1.Variables.Where(v => !s_v1Slots.Contains(v.Name)).ToList();
        while (true)
        {
            var read = new HashSet<string>(
                v1.States.SelectMany(s => s.Rate.Symbols(SymbolKind.Variable))
                    .Concat(kept.SelectMany(v => v.Value.Symbols(SymbolKind.Variable)))
                    .Concat(PkModule.Routes.SelectMany(r => new[] { r.Bioavailability, r.LagDays, r.RateSwitchDays ?? Zero }).SelectMany(e => e.Symbols(SymbolKind.Variable))))
            {
                PkModule.ConcentrationVariable,
            };
            var unused = kept.FindAll(v => !v.Observable && !read.Contains(v.Name));
            if (unused.Count == 0) return kept;
            kept.RemoveAll(unused.Contains);
        }
    }
}
