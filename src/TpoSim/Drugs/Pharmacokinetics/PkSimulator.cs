using TpoSim.Dosing;
using TpoSim.Numerics.Ode;
using TpoSim.Numerics.Ode.Events;

namespace TpoSim.Drugs.Pharmacokinetics;

/// <summary>
/// Runs a PK model on its own: given doses and a fixed platelet count, integrates the model's states (plus one extra
/// state, the running AUC) with the project's ODE engine and returns the concentration–time profile. Also the
/// reference for coupling: doses become time events at dose time + lag that add amount × F to the dose compartment.
/// </summary>
public static class PkSimulator
{
    /// <summary>Tolerances used unless told otherwise: tight, since PK runs are small and the tests check 1% mass balance.</summary>
    public static OdeSolverOptions DefaultOptions { get; } = new() { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-12 };

    /// <summary>Simulates <paramref name="model"/> from day 0 to <paramref name="endDay"/>.</summary>
    /// <param name="model">The PK model (its covariates give the body weight for µg/kg doses).</param>
    /// <param name="doses">Doses (any order; times ≥ 0). Doses after <paramref name="endDay"/> are ignored.</param>
    /// <param name="plateletsE9PerL">Platelet count held fixed over the run, 10^9/L (target-mediated models read it).</param>
    /// <param name="endDay">End of the run, days (&gt; 0).</param>
    /// <param name="outputStepDays">Spacing of the output grid, days (&gt; 0).</param>
    /// <param name="options">Solver options (SaveAt is set here); <see cref="DefaultOptions"/> when null.</param>
    /// <param name="solver">Solver; <see cref="SolverRegistry.Default"/> when null.</param>
    /// <exception cref="ArgumentException">A route the model does not support, a negative dose time, or a bad span.</exception>
    public static PkProfile Simulate(
        IPharmacokineticModel model, IEnumerable<Dose> doses, double plateletsE9PerL, double endDay, double outputStepDays,
        OdeSolverOptions? options = null, IOdeSolver? solver = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(doses);
        if (!(double.IsFinite(endDay) && endDay > 0)) throw new ArgumentException($"endDay {endDay} must be finite and > 0.", nameof(endDay));
        if (!(double.IsFinite(outputStepDays) && outputStepDays > 0)) throw new ArgumentException($"outputStepDays {outputStepDays} must be > 0.", nameof(outputStepDays));
        if (!(double.IsFinite(plateletsE9PerL) && plateletsE9PerL >= 0)) throw new ArgumentException($"platelets {plateletsE9PerL} must be finite and ≥ 0.", nameof(plateletsE9PerL));

        var n = model.StateCount;
        var state = new DoseClock();
        var events = new List<TimeEvent>();
        var doseTimes = new List<double>();
        foreach (var dose in doses.OrderBy(d => d.TimeDays))
        {
            if (!(double.IsFinite(dose.TimeDays) && dose.TimeDays >= 0)) throw new ArgumentException($"Dose time {dose.TimeDays} must be finite and ≥ 0.", nameof(doses));
            if (dose.TimeDays > endDay) continue;
            var input = model.DoseInput(dose.Route);
            var amount = dose.Micrograms(model.Covariates.BodyWeightKg) * input.Bioavailability;
            var doseTime = dose.TimeDays;
            doseTimes.Add(doseTime);
            var label = $"{dose.Amount} {DoseUnits.Symbol(dose.Unit)} {dose.Route}";
            events.Add(new TimeEvent(doseTime, (_, _, _) => { state.LastDose = doseTime; state.AfterRateSwitch = false; }, label));
            if (doseTime + input.LagDays <= endDay)
                events.Add(new TimeEvent(doseTime + input.LagDays, (_, y, _) => y[input.Compartment] += amount, label + " (absorbed)"));
            if (input.RateSwitchDays is { } sw && doseTime + sw <= endDay)
                events.Add(new TimeEvent(doseTime + sw, (_, _, _) => { if (state.LastDose == doseTime) state.AfterRateSwitch = true; }, "rate switch"));
        }

        var platelets = plateletsE9PerL;
        void Rhs(double t, ReadOnlySpan<double> y, Span<double> dydt)
        {
            var inputs = new PkInputs(platelets, t - state.LastDose, state.AfterRateSwitch);
            model.Derivatives(t, y[..n], inputs, dydt[..n]);
            dydt[n] = model.ConcentrationNgPerMl(y[..n], inputs);
        }

        var steps = (int)Math.Floor(endDay / outputStepDays + 1e-9);
        var grid = new double[steps + 1 + (steps * outputStepDays < endDay * (1 - 1e-12) ? 1 : 0)];
        for (var i = 0; i <= steps; i++) grid[i] = Math.Min(i * outputStepDays, endDay);
        grid[^1] = endDay;

        var problem = new OdeProblem(Rhs, new double[n + 1], 0, endDay);
        var opts = (options ?? DefaultOptions) with { SaveAt = grid, KeepSteps = true };
        var solution = (solver ?? SolverRegistry.Default).Solve(problem, opts, new EventSet(events, []));
        return new PkProfile(model, solution, platelets, doseTimes.ToArray());
    }

    /// <summary>The time of the last dose given so far (mutable state the right-hand side and the dose events share).</summary>
    internal sealed class DoseClock
    {
        /// <summary>Nominal time of the last dose; −∞ before the first (so time since dose is +∞).</summary>
        public double LastDose { get; set; } = double.NegativeInfinity;

        /// <summary>Whether the last dose's rate switch has happened (set by the events; null before the first dose).</summary>
        public bool? AfterRateSwitch { get; set; }
    }
}
