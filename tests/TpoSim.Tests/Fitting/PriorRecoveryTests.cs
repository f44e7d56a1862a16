using System.Text.Json;
using TpoSim.Fitting;

namespace TpoSim.Tests.Fitting;

/// <summary>
/// The fit recovers the truth of the CLD and chemotherapy example patients (examples/*.truth.json) inside its 95%
/// Laplace interval, and converges.
/// </summary>
public class PriorRecoveryTests
{
    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("patient-cld-lusutrombopag")]
    [InlineData("patient-chemo-carboplatin")]
    [InlineData("patient-chemo-romiplostim")]
    public void The_fit_recovers_the_example_truth_inside_its_95_percent_interval(string name)
    {
        var (history, errors) = PatientFile.Read(RepoFiles.PathOf("examples", name + ".csv"));
        Assert.Empty(errors);
        using var truth = JsonDocument.Parse(File.ReadAllText(RepoFiles.PathOf("examples", name + ".truth.json")));
        var prior = FitPriors.For(history!.PriorName)!;
        var fit = MapEstimator.Fit(new FitProblem(history, prior), new MapOptions(Threads: Environment.ProcessorCount), TestContext.Current.CancellationToken);
        Assert.True(fit.Converged, fit.Message);
        foreach (var e in fit.Estimates)
        {
            var t = truth.RootElement.GetProperty("parameters").GetProperty(e.Parameter.Name).GetDouble();
            Assert.InRange(t, e.Lower, e.Upper);
        }
    }
}
