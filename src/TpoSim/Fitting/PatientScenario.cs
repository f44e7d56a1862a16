using TpoSim.Policies;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Fitting;

/// <summary>
/// The one place a patient's history becomes a scenario: the condition, the patient's own parameter values, the past
/// doses as fixed doses, and optionally a titration rule that takes over on a later day. Fit and forecast both run it,
/// so the simulator's dose logic is never repeated here.
/// </summary>
public static class PatientScenario
{
    /// <summary>A scenario of <paramref name="days"/> days for <paramref name="history"/>'s patient with <paramref name="values"/>.</summary>
    /// <param name="history">The patient.</param>
    /// <param name="prior">Names the parameters <paramref name="values"/> sets.</param>
    /// <param name="values">The patient's parameter values, in the prior's order.</param>
    /// <param name="days">Simulated days from day 0 of the history.</param>
    /// <param name="outputStepDays">Output grid spacing, days.</param>
    /// <param name="doses">Fixed doses (default: the whole history's).</param>
    /// <param name="titration">A rule taking over from its start day, or null.</param>
    public static Scenario Build(PatientHistory history, FitPrior prior, IReadOnlyList<double> values, double days, double outputStepDays,
        IReadOnlyList<DoseRecord>? doses = null, TitrationSpec? titration = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(prior);
        ArgumentNullException.ThrowIfNull(values);
        var overrides = new Dictionary<string, double>(StringComparer.Ordinal);
        var sensitivity = 1.0;
        for (var i = 0; i < prior.Parameters.Count; i++)
        {
            if (prior.Parameters[i].Target == FitTarget.ChemotherapySensitivity) sensitivity *= values[i];
            else overrides[prior.Parameters[i].Name] = values[i];
        }
        // The patient's sensitivity scales the kill rate of every cycle (their regimen stays the file's).
        var events = history.Events.Select(e => e is Chemotherapy c && sensitivity != 1
            ? c with { Regimen = c.Regimen with { KillRatePerDay = c.Regimen.KillRatePerDay * sensitivity } } : e).ToArray();
        return new Scenario($"patient {history.Id}", $"{history.Source}: {history.Condition.Name}", history.Patient, [history.Condition], overrides,
            Math.Max(days, outputStepDays), outputStepDays, null, doses ?? history.Doses, events, titration);
    }

    /// <summary>Linear interpolation of the circulating platelets (or TPO, pg/mL) of <paramref name="result"/> at <paramref name="day"/>; null past its end.</summary>
    public static double? At(SimulationResult result, double day, Dosing.ObservationKind kind)
    {
        ArgumentNullException.ThrowIfNull(result);
        var days = result.Days;
        if (days.Count == 0 || day > days[^1] + 1e-9) return null;
        double Value(int i) => kind == Dosing.ObservationKind.Tpo ? result.Outputs[i].TpoFreePicogramsPerMl : result.Outputs[i].PlateletsCirculating;
        var hi = 0;
        while (hi < days.Count - 1 && days[hi] < day) hi++;
        if (hi == 0 || days[hi] <= day) return Value(hi);
        var lo = hi - 1;
        var w = (day - days[lo]) / (days[hi] - days[lo]);
        return Value(lo) + w * (Value(hi) - Value(lo));
    }
}
