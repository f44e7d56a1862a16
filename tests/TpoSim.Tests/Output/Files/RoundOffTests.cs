using TpoSim.Output.Files;
using TpoSim.Physiology;
using TpoSim.Simulation;
using TpoSim.Numerics.Ode;
using Xunit;

namespace TpoSim.Tests.Output.Files;

public class RoundOffTests
{
    [Theory]
    // Relative to the quantity's scale (at least 1): platelets ~200 tolerate −2e-7, a quantity of order 1 tolerates −1e-9.
    [InlineData(-1e-9, 200, false)]
    [InlineData(-1.5e-7, 200, false)]
    [InlineData(-3e-7, 200, true)]
    [InlineData(-3e-47, 0, false)]
    [InlineData(-0.9e-9, 1e-3, false)]
    [InlineData(-2e-9, 1e-3, true)]
    [InlineData(-1e-3, 200, true)]
    [InlineData(0, 200, false)]
    public void Beyond_round_off_is_one_billionth_of_the_scale(double value, double scale, bool beyond) =>
        Assert.Equal(beyond, RoundOff.IsBeyond(value, scale));

    [Fact]
    public void Written_values_never_carry_a_sign_of_round_off()
    {
        Assert.Equal("0", TimeSeriesCsv.Number(-3e-47));
        Assert.Equal("0", TimeSeriesCsv.Number(-0.0));
        Assert.Equal(0.0, SummaryJson.Round(-3e-47));
        Assert.False(double.IsNegative(SummaryJson.Round(-3e-47)));
        Assert.Equal(123.457, SummaryJson.Round(123.4567));
    }

    private static ModelOutputs Healthy(double platelets) => default(ModelOutputs) with { PlateletsCirculating = platelets, TpoFreePicomolar = 1.4 };

    [Fact]
    public void The_guard_keeps_a_rounding_negative_and_the_run_succeeds()
    {
        var days = new List<double> { 0, 1, 2 };
        var outputs = new List<ModelOutputs> { Healthy(250), Healthy(-1e-9), Healthy(-2e-7) };
        var (status, _) = Simulator.Guard(days, outputs, [], SolverStatus.Success, "", "rodas5p");
        Assert.Equal(SolverStatus.Success, status);
        Assert.Equal(3, outputs.Count);
    }

    [Theory]
    [InlineData("rodas5p", "radau5")]
    [InlineData("radau5", "rodas5p")]
    [InlineData("dopri5", "rodas5p")]
    public void A_real_negative_fails_the_run_with_advice_naming_another_solver(string inUse, string advised)
    {
        var days = new List<double> { 0, 1, 2 };
        var outputs = new List<ModelOutputs> { Healthy(250), Healthy(-0.5), Healthy(10) };
        var (status, diagnostic) = Simulator.Guard(days, outputs, [], SolverStatus.Success, "", inUse);
        Assert.Equal(SolverStatus.NonFinite, status);
        Assert.Equal([0.0], days);
        Assert.Contains($"--solver {advised}", diagnostic);
        Assert.DoesNotContain($"--solver {inUse}", diagnostic);
    }
}
