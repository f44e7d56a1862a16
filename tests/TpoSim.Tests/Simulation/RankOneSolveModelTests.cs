using TpoSim.Numerics.LinearAlgebra;
using TpoSim.Numerics.Ode;
using TpoSim.Numerics.Ode.Events;
using TpoSim.Simulation;

namespace TpoSim.Tests.Simulation;

/// <summary>
/// The rank-one (Sherman–Morrison) solve of the Rosenbrock matrices on the full model: chronic ITP with four weekly
/// romiplostim doses, integrated with and without it at rtol 1e-8. Platelets and free TPO agree to 1e-6 relative at
/// every output (100× the tolerance: the two paths differ only in rounding, which the step-size control may amplify to
/// the order of rtol), and the progenitor block of the model's Jacobian is rank one along the whole run.
/// </summary>
public sealed class RankOneSolveModelTests
{
    private const string Scenario = """
        {
          "name": "ITP, romiplostim weekly",
          "patient": { "weightKg": 70, "sex": "female", "condition": { "name": "itp", "severity": 0.35 } },
          "simulation": { "days": 42, "outputEveryDays": 0.5 },
          "doses": [
            { "drug": "romiplostim", "route": "sc", "amount": 3, "unit": "ug/kg", "day": 0 },
            { "drug": "romiplostim", "route": "sc", "amount": 3, "unit": "ug/kg", "day": 7 },
            { "drug": "romiplostim", "route": "sc", "amount": 5, "unit": "ug/kg", "day": 14 },
            { "drug": "romiplostim", "route": "sc", "amount": 5, "unit": "ug/kg", "day": 21 }
          ]
        }
        """;

    private static List<(double Day, double Platelets, double Tpo)> Solve(SimulationPlan plan, bool rankOne, Action<ReadOnlySpan<double>, double[]>? check = null)
    {
        var model = plan.Model;
        var p = plan.CopyParameters();
        var events = plan.Events.Select(e => new TimeEvent(e.Day, e.Edit.Apply, e.Label)).ToList();
        var series = new List<(double, double, double)>();
        var grid = plan.Grid.ToArray();
        var options = SolverChoice.DefaultOptions(model.Dimension, model.FirstPlatelet) with
        {
            RelativeTolerance = 1e-8,
            KeepSteps = false,
            RankOneSolve = rankOne,
            SaveAt = grid,
            OnSave = (day, y) =>
            {
                var o = model.Outputs(y, p, day);
                series.Add((day, o.PlateletsCirculating, o.TpoFreePicomolar));
                check?.Invoke(y, p);
            },
        };
        var solution = SolverRegistry.Default.Solve(model.Problem(p, plan.CopyState(), 0, grid[^1]), options, new EventSet(events, []));
        Assert.Equal(SolverStatus.Success, solution.Status);
        return series;
    }

    [Fact]
    public void PlateletsAndTpoAgreeWithThePlainSparseLu()
    {
        var plan = Simulator.Compile(ScenarioTestHelpers.Parse(Scenario));
        var model = plan.Model;
        int n = model.Dimension;
        var block = SparsityPattern.For(model.Structure, n).RankOne;
        Assert.NotNull(block); // the progenitor rows against the MK, platelet, TPO and drug columns
        var jac = new double[n * n];
        var lu = new RankOneSparseLu(SparsityPattern.For(model.Structure, n), block!);
        var heldAt = 0;
        var with = Solve(plan, rankOne: true, (y, p) =>
        {
            Array.Clear(jac);
            model.Problem(p, y.ToArray(), 0, 1).Jacobian!(0, y, jac);
            Assert.True(lu.Factor(10, -1, jac));
            if (!lu.UsedFullFactorisation) heldAt++;
        });
        var without = Solve(plan, rankOne: false);
        Assert.Equal(with.Count, without.Count);
        Assert.Equal(with.Count, heldAt); // rank one at every output point, so the solve above took the rank-one path
        for (var i = 0; i < with.Count; i++)
        {
            Assert.Equal(without[i].Day, with[i].Day);
            Assert.True(Math.Abs(with[i].Platelets / without[i].Platelets - 1) <= 1e-6, $"platelets on day {with[i].Day}: {with[i].Platelets} vs {without[i].Platelets}");
            Assert.True(Math.Abs(with[i].Tpo / without[i].Tpo - 1) <= 1e-6, $"TPO on day {with[i].Day}: {with[i].Tpo} vs {without[i].Tpo}");
        }
        // The doses do move the count (the comparison is not of two flat lines): ≥ 1.5× baseline by day 28.
        Assert.True(with.First(x => x.Day == 28).Platelets > 1.5 * with[0].Platelets);
    }
}

/// <summary><see cref="Simulator.RunReduced{T}"/> (pooled output lists, as populations run) against <see cref="Simulator.Run(SimulationPlan, string?, IProgress{double}?, CancellationToken, double?)"/>.</summary>
public sealed class PooledRunTests
{
    [Fact]
    public void APooledRunGivesTheOutputsOfAPlainOne()
    {
        // Chronic ITP with romiplostim titrated weekly by the label rule (scenarios/itp-romiplostim-label.json, 8 weeks).
        var scenario = ScenarioTestHelpers.Parse("""
            {
              "name": "ITP, romiplostim titrated",
              "patient": { "weightKg": 70, "sex": "female", "condition": { "name": "itp", "severity": 0.35 } },
              "simulation": { "days": 56, "outputEveryDays": 0.5 },
              "titration": { "policy": "romiplostim-itp-label", "startDose": 1, "checkEveryDays": 7, "weeks": 8, "assayCv": 0.05, "seed": 7 }
            }
            """);
        var plan = Simulator.Compile(scenario);
        var plain = Simulator.Run(plan, cancellation: TestContext.Current.CancellationToken);
        Assert.True(plain.Succeeded, plain.Diagnostic);
        // Twice on this thread: the second run reuses the lists the first one returned.
        for (var k = 0; k < 2; k++)
        {
            var (days, outputs, doses) = Simulator.RunReduced(plan, null, TestContext.Current.CancellationToken, null,
                r => (r.Days.ToArray(), r.Outputs.ToArray(), r.Titration!.Doses.Count));
            Assert.Equal(plain.Days, days);
            Assert.Equal(plain.Outputs, outputs);
            Assert.Equal(plain.Titration!.Doses.Count, doses);
        }
    }
}
