namespace TpoSim.Fitting;

/// <summary>
/// A model parameter estimated per patient, with its population prior: log-normal, θ = θ_typical·exp(η),
/// η ~ N(0, ω²), ω² = ln(1 + CV²). The fit works in η (log-parameter space).
/// </summary>
/// <param name="Name">Catalog name (<see cref="Parameters.ParameterCatalog"/>).</param>
/// <param name="Typical">Population median, in <paramref name="Unit"/>.</param>
/// <param name="Cv">Between-patient coefficient of variation of the log-normal prior.</param>
/// <param name="Unit">Unit of the value.</param>
/// <param name="Meaning">What it controls, in a few words.</param>
/// <param name="Source">Where the median and CV come from (citation, or "assumed: why").</param>
public sealed record FitParameter(string Name, double Typical, double Cv, string Unit, string Meaning, string Source)
{
    /// <summary>Standard deviation of η: ω = sqrt(ln(1 + CV²)).</summary>
    public double Omega => Math.Sqrt(Math.Log(1 + Cv * Cv));

    /// <summary>The value at <paramref name="eta"/>.</summary>
    public double ValueAt(double eta) => Typical * Math.Exp(eta);
}

/// <summary>
/// Log-additive residual error: ln(observed) = ln(predicted) + ε, ε ~ N(0, σ²), σ per observation kind.
/// </summary>
/// <param name="PlateletSd">σ of ln(platelet count).</param>
/// <param name="TpoSd">σ of ln(TPO).</param>
/// <param name="Source">Why these values.</param>
public sealed record ResidualError(double PlateletSd, double TpoSd, string Source)
{
    /// <summary>
    /// σ 0.15 for platelets and 0.25 for TPO. Assumed: automated counts have an analytic CV of 3–10% at low counts
    /// (ICSH), to which day-to-day biological variation in ITP adds; TPO ELISAs have inter-assay CVs of 10–20%.
    /// </summary>
    public static ResidualError Default { get; } = new(0.15, 0.25,
        "assumed: platelet analytic CV 3–10% at low counts plus day-to-day variation in ITP → σ 0.15; TPO ELISA inter-assay CV 10–20% → σ 0.25");

    /// <summary>σ for an observation of <paramref name="kind"/>.</summary>
    public double SdOf(Dosing.ObservationKind kind) => kind == Dosing.ObservationKind.Tpo ? TpoSd : PlateletSd;
}

/// <summary>The population prior of a fit: which parameters vary, their priors and the residual error.</summary>
/// <param name="Condition">Condition the prior describes.</param>
/// <param name="Parameters">Estimated parameters, in a fixed order (the order of η).</param>
/// <param name="Error">Residual error model.</param>
public sealed record FitPrior(string Condition, IReadOnlyList<FitParameter> Parameters, ResidualError Error)
{
    /// <summary>
    /// Adult chronic ITP: antibody-mediated removal (sets the baseline count), the TPO-response Emax of MK division
    /// (sets the response to TPO and to agonists), and the MK maturation time (sets how fast a response shows).
    /// </summary>
    public static FitPrior ChronicItp { get; } = new("itp",
    [
        new("extraRemovalRate", 2.5, 1.0, "1/day", "ITP platelet destruction",
            "median: the itp preset at severity 0.5 (5/day × 0.5), baseline ≈15 ×10^9/L, the Kuter 2008 enrolled mean (≈16); CV 100% assumed so ±2ω spans baselines ≈5–60 ×10^9/L"),
        new("emax", 4.52, 0.3, "1", "TPO-response Emax of MK division",
            "median: model default (parameter catalog); CV 30% assumed, as the default population variability"),
        new("mkMaturationDays", 7.5, 0.2, "day", "MK maturation time",
            "median: model default (parameter catalog); CV 20% assumed (MK maturation 5–10 days across studies)"),
    ], ResidualError.Default);

    /// <summary>The prior for <paramref name="condition"/>, or null when none is defined.</summary>
    public static FitPrior? For(string condition) => condition == "itp" ? ChronicItp : null;

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
