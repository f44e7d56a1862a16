using TpoSim.Validation;

namespace TpoSim.Calibration;

/// <summary>
/// One metric of a calibration case as the objective reads it: a published centre and a σ from the case's two-sided
/// tolerance, read as a 95% interval (σ = width / 3.92). The residual is (simulated − centre) / σ.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="Check">The check the metric comes from.</param>
/// <param name="Centre">The published value, else the midpoint of the published range, else of the tolerance.</param>
/// <param name="Sigma">Standard error implied by the tolerance, in the metric's unit.</param>
public sealed record CalibrationTarget(string CaseId, ValidationCheck Check, double Centre, double Sigma)
{
    /// <summary>z-value of a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Residual charged when a case cannot be simulated at a candidate (keeps the optimiser away from it).</summary>
    public const double FailureResidual = 100;

    /// <summary>"V7 steady-state TPO vs healthy".</summary>
    public string Label => $"{CaseId} {Check.Description}";

    /// <summary>The targets of the calibration cases of <paramref name="file"/>: every two-sided check of a runnable calibration case that is not a population case.</summary>
    public static IReadOnlyList<CalibrationTarget> From(ValidationCaseFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var targets = new List<CalibrationTarget>();
        foreach (var c in UsableCases(file))
        {
            foreach (var check in c.Checks)
            {
                var t = check.Tolerance;
                if (!t.HasLower || !t.HasUpper) continue;
                var p = check.Published;
                var centre = p.Value ?? (p.Low is { } lo && p.High is { } hi ? 0.5 * (lo + hi) : 0.5 * (t.Lower + t.Upper));
                targets.Add(new CalibrationTarget(c.Id, check, centre, (t.Upper - t.Lower) / (2 * Z95)));
            }
        }
        return targets;
    }

    /// <summary>
    /// The cases the objective uses: calibration cases that run and are not population cases (a virtual trial per
    /// objective evaluation would make calibration take hours; population endpoints stay validation cases).
    /// </summary>
    public static IReadOnlyList<ValidationCase> UsableCases(ValidationCaseFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Cases.Where(c => c.Kind == CaseKind.Calibration && c.IsRunnable && c.Population is null).ToArray();
    }
}
