using TpoSim.Population;
using TpoSim.Input;

namespace TpoSim.Tests.Population;

/// <summary>The population file's <c>measurement</c> block: read into the definition and the screen, and one-line errors (file, path, allowed range).</summary>
public class MeasurementParserTests
{
    private const string Scenario = """
        { "patient": { "condition": { "name": "chronicLiverDisease", "severity": 1 } }, "simulation": { "days": 14 } }
        """;

    private static ReadResult<PopulationDefinition> Parse(string measurement, string extra = "") =>
        PopulationParser.Parse($$"""{ "scenario": {{Scenario}}, "variability": [ { "parameter": "plateletsReference", "cv": 0.1 } ], "inclusion": { "baselinePlatelets": { "below": 50 } }, "measurement": {{measurement}}{{extra}} }""", "p.json", ".");

    [Fact]
    public void A_measurement_is_read_and_the_screen_reads_one_measured_count()
    {
        var parsed = Parse("""{ "cv": 0.083, "visitDays": [4, 10.5], "source": "test" }""", """, "endpoints": [ { "name": "onDay", "kind": "countOnDay", "day": 10.5, "atLeast": 50 } ]""");
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        var m = parsed.Value!.Measurement!;
        Assert.Equal(0.083, m.Cv);
        Assert.Equal([4, 10.5], m.VisitDays);
        var screening = parsed.Value.Inclusion!.Screening!;
        Assert.Equal(1, screening.Counts);
        Assert.Same(m, screening.Measurement);
        Assert.Equal("baseline platelets (one measured count) < 50 ×10⁹/L", parsed.Value.Inclusion.Text);
    }

    [Theory]
    [InlineData("""{ "cv": 0.9, "visitDays": [4], "source": "s" }""", "p.json: $.measurement.cv: 0.9 is outside the allowed range [0, 0.5]")]
    [InlineData("""{ "cv": 0.1, "visitDays": [4, 4], "source": "s" }""", "p.json: $.measurement.visitDays[1]: 4 is not after the previous visit (4); visits must be ascending and unique")]
    [InlineData("""{ "cv": 0.1, "visitDays": [0, 4], "source": "s" }""", "p.json: $.measurement.visitDays[0]: 0: a visit day must lie after day 0")]
    [InlineData("""{ "cv": 0.1, "visitDays": [20], "source": "s" }""", "p.json: $.measurement.visitDays[0]: 20 is after the end of the run (allowed range (0, 14])")]
    [InlineData("""{ "cv": 0.1, "visitDays": [], "source": "s" }""", "p.json: $.measurement.visitDays: required: an array of 1–200 ascending visit days after day 0")]
    [InlineData("""{ "cv": 0.1, "visitDays": [4] }""", "p.json: $.measurement.source: required")]
    [InlineData("""{ "cv": 0.1, "visitDays": [4], "source": "s", "noise": 1 }""", "p.json: $.measurement.noise: unknown field")]
    public void Bad_measurements_give_one_line_errors(string measurement, string expected)
    {
        var errors = Parse(measurement).Errors.Select(e => e.ToString()).ToArray();
        Assert.Single(errors);
        Assert.StartsWith(expected, errors[0]);
        Assert.DoesNotContain('\n', errors[0]);
    }

    [Fact]
    public void A_count_on_day_endpoint_must_read_a_visit()
    {
        var errors = Parse("""{ "cv": 0.1, "visitDays": [4], "source": "s" }""", """, "endpoints": [ { "name": "onDay", "kind": "countOnDay", "day": 10.5, "atLeast": 50 } ]""")
            .Errors.Select(e => e.ToString()).ToArray();
        Assert.Equal(["p.json: $.endpoints[0].day: 10.5 is not a visit day of measurement.visitDays; a measured count is read only at a visit"], errors);
    }
}
