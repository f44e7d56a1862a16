using TpoSim.Dosing;
using TpoSim.Fitting;
using TpoSim.Physiology;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Tests.Fitting;

/// <summary>
/// Calibration of the Laplace intervals over 100 synthetic patients drawn from the prior. Cheap configuration (the
/// same estimator, a design whose simulations take milliseconds): one IV rhTPO dose of 2 µg/kg (rhTPO needs no PK
/// states), platelets on days 0, 3, 7, 10, 14, 17, 21, 28 and TPO on days 0 and 2, with log-normal noise of the
/// residual model's SDs.
/// </summary>
public class CoverageTests
{
    private const int Patients = 100;

    private static PatientHistory Synthetic(int index, out double[] truth)
    {
        var prior = FitPrior.ChronicItp;
        var random = new Random(1000 + index);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        truth = prior.Parameters.Select(p => p.ValueAt(p.Omega * Normal())).ToArray();
        var dose = new DoseRecord("rhTPO", Route.Intravenous, 2, DoseUnit.MicrogramPerKg, 0, 0, 1);
        var empty = new PatientHistory($"p{index}", "rhTPO", DoseUnit.MicrogramPerKg, new Patient(70),
            new ConditionChoice("itp", 0.5, new Dictionary<string, double>()), [dose], [], "synthetic");
        var run = Simulator.Run(PatientScenario.Build(empty, prior, truth, 28, 0.25));
        var observations = new List<Observation>();
        foreach (var day in new double[] { 0, 3, 7, 10, 14, 17, 21, 28 })
            observations.Add(new Observation(empty.Id, day, ObservationKind.Platelets, PatientScenario.At(run, day, ObservationKind.Platelets)!.Value * Math.Exp(prior.Error.PlateletSd * Normal())));
        foreach (var day in new double[] { 0, 2 })
            observations.Add(new Observation(empty.Id, day, ObservationKind.Tpo, PatientScenario.At(run, day, ObservationKind.Tpo)!.Value * Math.Exp(prior.Error.TpoSd * Normal())));
        return empty with { Observations = observations.OrderBy(o => o.TimeDays).ToArray() };
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Laplace_95_percent_intervals_cover_the_truth_near_nominally()
    {
        var covered = new int[Patients, 3];
        var converged = new bool[Patients];
        Parallel.For(0, Patients, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = TestContext.Current.CancellationToken }, i =>
        {
            var history = Synthetic(i, out var truth);
            var fit = MapEstimator.Fit(new FitProblem(history, FitPrior.ChronicItp), cancellation: TestContext.Current.CancellationToken);
            converged[i] = fit.Converged;
            for (var j = 0; j < 3; j++) covered[i, j] = fit.Converged && truth[j] >= fit.Estimates[j].Lower && truth[j] <= fit.Estimates[j].Upper ? 1 : 0;
        });
        var fits = converged.Count(c => c);
        Assert.True(fits >= 97, $"{fits} of {Patients} fits converged");
        // Nominal 0.95; over 100 patients the binomial SE is 0.022 per parameter: accept 0.95 ± 3 SE (0.88–1.0), and the
        // pooled rate (300 intervals, SE 0.013) within 0.91–0.99.
        var perParameter = Enumerable.Range(0, 3).Select(j => Enumerable.Range(0, Patients).Sum(i => covered[i, j]) / (double)fits).ToArray();
        var pooled = perParameter.Average();
        Assert.All(perParameter, c => Assert.InRange(c, 0.88, 1.0));
        Assert.InRange(pooled, 0.91, 0.99);
    }
}
