using System.Text.Json.Nodes;
using TpoSim.Sensitivity;
using Xunit;

namespace TpoSim.Tests.Sensitivity;

/// <summary>
/// A <c>--distributions</c> entry is checked by the shared field checks: a good entry gives its distribution, with the
/// parameter's range and nominal value for what it leaves out; a bad one names its path and the allowed range.
/// </summary>
public class DistributionJsonTests
{
    private static (ParameterDistribution? D, string? Error) Read(string json) =>
        DistributionJson.Read(JsonNode.Parse(json), "d.json: emax", nominal: 2, min: 1.05, max: 50);

    [Fact]
    public void A_log_normal_entry_takes_the_nominal_median_and_the_parameter_range()
    {
        var (d, error) = Read("""{ "kind": "logNormal", "cv": 0.3 }""");
        Assert.Null(error);
        var g = Assert.IsType<LogNormalDistribution>(d);
        Assert.Equal((2, 0.3, 1.05, 50), (g.Median, g.Cv, g.Minimum, g.Maximum));
    }

    [Theory]
    [InlineData("""{ "kind": "logNormal", "cv": 0.3, "min": 0.5 }""", "d.json: emax.min: 0.5 is outside the allowed range [1.05, 50]")]
    [InlineData("""{ "kind": "normal", "mean": 3 }""", "d.json: emax.sd: required number is missing; allowed > 0")]
    [InlineData("""{ "kind": "gamma" }""", "d.json: emax.kind: unknown value 'gamma'; allowed: uniform, logUniform, normal, logNormal")]
    [InlineData("""{ "kind": "uniform", "median": 3 }""", "d.json: emax.median: unknown field; allowed: kind, min, max")]
    public void A_bad_entry_names_the_field_and_what_is_allowed(string json, string expected)
    {
        var (d, error) = Read(json);
        Assert.Null(d);
        Assert.Equal(expected, error);
    }
}
