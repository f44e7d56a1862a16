using TpoSim.Input;
using TpoSim.Policies;
using TpoSim.Population;

namespace TpoSim.Tests.Population;

/// <summary>The population file's <c>rescue</c> block: simulated by default when given, counted only without it or with simulate false; one-line errors.</summary>
public class RescueParserTests
{
    private const string Itp = """
        { "patient": { "condition": { "name": "itp", "severity": 0.5 } }, "simulation": { "days": 28 } }
        """;

    private const string Cld = """
        { "patient": { "condition": { "name": "chronicLiverDisease", "severity": 1 } }, "simulation": { "days": 28 } }
        """;

    private static ReadResult<PopulationDefinition> Parse(string? rescue, string scenario = Itp, string extra = "") =>
        PopulationParser.Parse($$"""{ "scenario": {{scenario}}, "variability": [ { "parameter": "plateletsReference", "cv": 0.1 } ]{{extra}}{{(rescue is null ? "" : $", \"rescue\": {rescue}")}} }""", "p.json", ".");

    [Fact]
    public void A_rescue_block_simulates_rescue_with_the_response_windows_threshold_and_the_cited_defaults()
    {
        var parsed = Parse("{}", extra: """, "responseWindow": { "rescueBelow": 12, "lastWeek": 4 }""");
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        var r = parsed.Value!.BaseScenario.Rescue!;
        Assert.Equal(new RescueTherapy(12, 4, 0.97, 18), r);
        Assert.Equal([7.0, 14, 21], r.CheckDays(28));
        // Every arm runs it: it rides on the base scenario.
        var given = Parse("""{ "simulate": true, "blockFraction": 0.5, "durationDays": 7, "source": "assumed: test" }""").Value!.BaseScenario.Rescue!;
        Assert.Equal(new RescueTherapy(10, 5, 0.5, 7), given);
    }

    [Fact]
    public void Without_the_block_or_with_simulate_false_rescue_is_only_counted()
    {
        Assert.Null(Parse(null).Value!.BaseScenario.Rescue);
        Assert.Null(Parse("""{ "simulate": false }""").Value!.BaseScenario.Rescue);
        // Counted-only rescue needs no ITP condition.
        Assert.True(Parse("""{ "simulate": false }""", Cld).Succeeded);
    }

    [Theory]
    [InlineData("""{ "blockFraction": 1.5 }""", "p.json: $.rescue.blockFraction: 1.5 is outside the allowed range [0, 1]")]
    [InlineData("""{ "durationDays": 0 }""", "p.json: $.rescue.durationDays: 0 is outside the allowed range [1, 365]")]
    [InlineData("""{ "simulate": "yes" }""", "p.json: $.rescue.simulate: expected true or false")]
    [InlineData("""{ "source": " " }""", "p.json: $.rescue.source: must not be empty")]
    [InlineData("""{ "fraction": 0.5 }""", "p.json: $.rescue.fraction: unknown field")]
    [InlineData("""[]""", "p.json: $.rescue: expected an object with any of: simulate, blockFraction, durationDays, source")]
    public void Bad_rescue_blocks_give_one_line_errors(string rescue, string expected)
    {
        var errors = Parse(rescue).Errors.Select(e => e.ToString()).ToArray();
        Assert.Single(errors);
        Assert.StartsWith(expected, errors[0]);
        Assert.DoesNotContain('\n', errors[0]);
    }

    [Fact]
    public void Simulated_rescue_needs_an_itp_condition()
    {
        var errors = Parse("{}", Cld).Errors.Select(e => e.ToString()).ToArray();
        Assert.Equal(["p.json: $.rescue.simulate: simulated rescue blocks the ITP condition's antibody-mediated removal, but the base scenario has no itp condition; set \"simulate\": false or drop the block"], errors);
    }
}
