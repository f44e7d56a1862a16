namespace TpoSim.Fitting;

/// <summary>Where a fitted value enters the patient's scenario.</summary>
public enum FitTarget
{
    /// <summary>A model parameter of that name (physiology, condition, PK/PD), as a scenario override.</summary>
    ModelParameter,
    /// <summary>
    /// A multiplier of the progenitor kill rate of every chemotherapy cycle in the history: the patient's
    /// sensitivity to the regimen, which is a property of the cycles, not a model parameter.
    /// </summary>
    ChemotherapySensitivity,
}

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
/// <param name="Target">Where the value enters the patient's scenario: a model parameter override (default), or the
/// multiplier of the kill rate of the history's chemotherapy cycles.</param>
public sealed record FitParameter(string Name, double Typical, double Cv, string Unit, string Meaning, string Source, FitTarget Target = FitTarget.ModelParameter)
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
