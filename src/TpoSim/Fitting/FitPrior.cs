using TpoSim.Scenarios;

namespace TpoSim.Fitting;

/// <summary>
/// The population prior of a fit, as data: which condition the patient's scenario applies, which parameters vary and
/// their priors, the residual error, the label rule of each drug the condition is treated with, and the disease-activity
/// fluctuation a forecast draws. <see cref="FitPriors"/> holds one per condition; a patient file or <c>--condition</c>
/// selects one by <see cref="Condition"/>.
/// </summary>
/// <param name="Condition">Name of the prior, as the patient file's <c># condition:</c> line gives it.</param>
/// <param name="Parameters">Estimated parameters, in a fixed order (the order of η).</param>
/// <param name="Error">Residual error model.</param>
public sealed record FitPrior(string Condition, IReadOnlyList<FitParameter> Parameters, ResidualError Error)
{
    /// <summary>What patients the prior describes, in a few words.</summary>
    public string Title { get; init; } = Condition;

    /// <summary>The condition preset (with severity and options) every scenario of the patient applies.</summary>
    public ConditionChoice Choice { get; init; } = new(Condition, 0.5, new Dictionary<string, double>());

    /// <summary>
    /// The label rule (<see cref="Policies.TitrationCatalog.Names"/>) of each drug a patient with this condition may take;
    /// a forecast's <c>label</c> and <c>fixed:X</c> regimens follow it. A drug not listed can be fitted, and forecast only as <c>hold</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> LabelPolicies { get; init; } = new Dictionary<string, string>();

    /// <summary>Week-to-week fluctuation of the disease activity in the forecast window, or null when the activity is taken as constant.</summary>
    public DiseaseActivity? Activity { get; init; }

    /// <summary>Where the prior as a whole comes from (the population file or studies its numbers are derived from).</summary>
    public string Source { get; init; } = "";

    /// <summary>True when a parameter acts on the history's chemotherapy cycles (the history must have some).</summary>
    public bool NeedsChemotherapy => Parameters.Any(p => p.Target == FitTarget.ChemotherapySensitivity);

    /// <summary>The label rule of <paramref name="drug"/> for this condition, or null.</summary>
    public string? LabelPolicyOf(string? drug) => drug is not null && LabelPolicies.TryGetValue(drug, out var p) ? p : null;

    /// <summary>The prior called <paramref name="condition"/> (<see cref="FitPriors.All"/>), or null when none is defined.</summary>
    public static FitPrior? For(string condition) => FitPriors.For(condition);

    /// <summary>The chronic-ITP prior (<see cref="FitPriors.ChronicItp"/>).</summary>
    public static FitPrior ChronicItp => FitPriors.ChronicItp;

    /// <summary>Smallest and largest CV a user may give an added parameter's prior.</summary>
    public const double MinimumCv = 0.05, MaximumCv = 3;

    /// <summary>
    /// This prior with more estimated parameters: any registry parameter (physiology, condition, PK or PD of
    /// <paramref name="drug"/>), its median the registry value and its CV the one given (a log-normal prior centred on
    /// the model, so the data, not the prior, move it). A value the fit proposes overrides what the condition sets, as
    /// the ITP prior's destruction rate does.
    /// </summary>
    /// <param name="extra">Parameter name and CV of its prior.</param>
    /// <param name="drug">The history's drug (its module's PK/PD parameters are estimable), or null.</param>
    /// <exception cref="ArgumentException">A name that is not an estimable parameter of this model, a duplicate, or a CV outside [<see cref="MinimumCv"/>, <see cref="MaximumCv"/>]; the message is one line.</exception>
    public FitPrior WithEstimates(IReadOnlyList<(string Name, double Cv)> extra, string? drug)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var list = Parameters.ToList();
        foreach (var (name, cv) in extra)
        {
            if (!(cv >= MinimumCv && cv <= MaximumCv))
                throw new ArgumentException($"'{name}': CV {cv.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)} is outside the allowed range [{MinimumCv}, {MaximumCv}]");
            if (list.Any(p => p.Name == name)) throw new ArgumentException($"'{name}' is estimated already");
            list.Add(Estimable(name, cv, drug));
        }
        return this with { Parameters = list };
    }

    private static FitParameter Estimable(string name, double cv, string? drug)
    {
        const string Why = "median: the model's registry value (tposim parameters); CV given on the command line";
        if (TpoSim.Parameters.ParameterCatalog.TryGet(name, out var d)) return Centred(new FitParameter(name, d.DefaultValue, cv, d.Unit, d.Description, Why));
        var m = drug is null ? null : Drugs.Modules.DrugModuleCatalog.ParametersOf(drug).FirstOrDefault(p => p.Name == name);
        if (m is null)
            throw new ArgumentException(drug is null
                ? $"'{name}' is not a model parameter (tposim parameters lists them)"
                : $"'{name}' is neither a model parameter nor a parameter of {drug} (tposim parameters and tposim drugs list them)");
        return Centred(new FitParameter(name, m.Value, cv, m.Unit, m.Description, Why));
    }

    // A log-normal prior needs a positive median: θ = θ_typical·exp(η) cannot leave 0.
    private static FitParameter Centred(FitParameter p) => p.Typical > 0 ? p
        : throw new ArgumentException($"'{p.Name}' has registry value {p.Typical.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)}, and a log-normal prior needs a positive median");

    /// <summary>ω of each parameter, in order.</summary>
    public double[] Omegas => Parameters.Select(p => p.Omega).ToArray();
}
