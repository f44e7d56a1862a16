using TpoSim.Scenarios;

namespace TpoSim.Simulation;

/// <summary>
/// Solves a condition's severity for a requested day-0 platelet count (issue 14 item 4: <c>"baselinePlatelets": 40</c>
/// instead of a severity). The count at severity s is the steady state the simulator starts from; Brent's method on
/// [0, 1] finds the severity that gives the requested count, with every other setting of the scenario kept.
/// </summary>
public static class BaselineSeverity
{
    /// <summary>Tolerance of the solved severity (Brent's method), dimensionless.</summary>
    public const double SeverityTolerance = 1e-10;

    /// <summary>
    /// The scenario with its one condition's severity solved so that the day-0 platelet count equals
    /// <paramref name="platelets"/>; null with a one-line reason when no severity in [0, 1] reaches it.
    /// </summary>
    public static (Scenario? Scenario, string Reason) Solve(Scenario scenario, double platelets)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Conditions.Count != 1) return (null, "a solved severity needs exactly one condition");
        Scenario At(double severity) => scenario with { Conditions = [scenario.Conditions[0] with { Severity = severity, BaselinePlatelets = null }] };
        double Baseline(double severity)
        {
            var r = Simulator.Run(At(severity) with { Days = 1, OutputStepDays = 1, Doses = [], Events = [], Titration = null });
            return r.Succeeded ? r.Outputs[0].PlateletsCirculating : double.NaN;
        }
        var healthy = Baseline(0);
        var severe = Baseline(1);
        if (!(Math.Min(healthy, severe) <= platelets && platelets <= Math.Max(healthy, severe)))
            return (null, $"no severity of {scenario.Conditions[0].Name} gives day-0 platelets {Fmt(platelets)}; allowed {Fmt(Math.Min(healthy, severe))}–{Fmt(Math.Max(healthy, severe))} ×10⁹/L (severity 0: {Fmt(healthy)}, severity 1: {Fmt(severe)})");
        var s = MathNet.Numerics.RootFinding.Brent.FindRoot(x => Baseline(x) - platelets, 0, 1, SeverityTolerance, 200);
        // The solved scenario keeps the count it was solved for, so reports can say where the severity came from.
        return (scenario with { Conditions = [scenario.Conditions[0] with { Severity = s, BaselinePlatelets = platelets }] }, "");
    }

    /// <summary>
    /// The scenario with the severity of a condition that asks for a baseline count (<see cref="ConditionChoice.BaselinePlatelets"/>)
    /// solved, or the scenario itself when none asks; null with a reason when the count cannot be reached.
    /// </summary>
    public static (Scenario? Scenario, string Reason) Resolve(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Conditions.Count == 1 && scenario.Conditions[0].BaselinePlatelets is { } target ? Solve(scenario, target) : (scenario, "");
    }

    private static string Fmt(double v) => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
}
