using TpoSim.Fitting;
using TpoSim.Parameters;

namespace TpoSim.Tests.Fitting;

/// <summary>The fit never asks the model for a value outside a parameter's catalogue range, however far it steps.</summary>
public sealed class FitRangeTests
{
    [Theory]
    [InlineData(100)]
    [InlineData(-100)]
    public void Values_at_any_eta_stay_inside_the_catalogue_ranges(double eta)
    {
        var (history, errors) = PatientFile.Read(Path.Combine(TpoSim.Tests.Validation.SuiteFixture.RepoRoot, "examples/patient-itp-romiplostim.csv"));
        Assert.Empty(errors);
        var problem = new FitProblem(history!, FitPrior.ChronicItp);
        var values = problem.ValuesAt(Enumerable.Repeat(eta, problem.Dimension).ToArray());
        for (var j = 0; j < values.Length; j++)
        {
            Assert.True(ParameterCatalog.TryGet(FitPrior.ChronicItp.Parameters[j].Name, out var d));
            Assert.True(d.Allows(values[j]), $"{d.Name} = {values[j]} outside {d.RangeText}");
        }
        // mkMaturationDays at +6ω would be 7.5·e^(6·0.198) ≈ 24.6 days; the catalogue's maximum holds it.
        if (eta > 0) Assert.Equal(ParameterCatalog.All.Single(p => p.Name == "mkMaturationDays").Maximum, values[2]);
    }
}
