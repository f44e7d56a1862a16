using TpoSim.Population;

namespace TpoSim.Tests.Population;

/// <summary>One-line errors (file, JSON path, allowed range) for the drug-response variability and baseline-strata fields.</summary>
public class DrugResponseParserTests
{
    private const string Lusutrombopag = """
        { "patient": { "condition": { "name": "chronicLiverDisease", "severity": 1 } }, "simulation": { "days": 2 },
          "doses": [ { "drug": "lusutrombopag", "route": "oral", "amount": 3, "unit": "mg", "day": 0 } ] }
        """;

    private static string[] Errors(string variability, string extra = "") =>
        PopulationParser.Parse($$"""{ "scenario": {{Lusutrombopag}}, "variability": [ {{variability}} ]{{extra}} }""", "p.json", ".").Errors.Select(e => e.ToString()).ToArray();

    [Theory]
    [InlineData("""{ "parameter": "lusutrombopagEfficacy", "cv": 0.4, "nonResponderFraction": 1.5 }""", "p.json: $.variability[0].nonResponderFraction: 1.5 is outside the allowed range [0, 1]")]
    [InlineData("""{ "parameter": "lusutrombopagEfficacy", "cv": 0.4, "nonResponderFraction": -0.1 }""", "p.json: $.variability[0].nonResponderFraction: -0.1 is outside the allowed range [0, 1]")]
    [InlineData("""{ "parameter": "lusutrombopagEfficacy", "cv": 0.4, "nonResponderFraction": "some" }""", "p.json: $.variability[0].nonResponderFraction: \"some\" is outside the allowed range [0, 1]")]
    [InlineData("""{ "parameter": "emax", "cv": 0.4, "nonResponderFraction": 0.2 }""", "p.json: $.variability[0].nonResponderFraction: a non-responder's value is 0, outside this parameter's range [1.05, 50]; allowed only on a parameter whose range holds 0, e.g. a drug's efficacy (lusutrombopagEfficacy)")]
    [InlineData("""{ "parameter": "lusutrombopagEc50", "cv": 0.4, "nonResponderFraction": 0.2 }""", "p.json: $.variability[0].nonResponderFraction: a non-responder's value is 0, outside this parameter's range [0.1, 1E+06]; allowed only on a parameter whose range holds 0, e.g. a drug's efficacy (lusutrombopagEfficacy)")]
    [InlineData("""{ "parameter": "lusutrombopagEfficacy", "cv": 2.5 }""", "p.json: $.variability[0].cv: 2.5 is outside the allowed range [0, 2]")]
    [InlineData("""{ "parameter": "avatrombopagEfficacy", "cv": 0.4 }""", "p.json: $.variability[0].parameter: 'avatrombopagEfficacy' is a parameter of a drug the base scenario does not dose; dose it or drop the parameter")]
    [InlineData("""{ "parameter": "lusutrombopagEfficacy", "cv": 0.4, "nonResponder": 0.2 }""", "p.json: $.variability[0].nonResponder: unknown field")]
    public void Bad_drug_response_variability_gives_one_line_errors(string variability, string expected)
    {
        var errors = Errors(variability);
        Assert.Single(errors);
        Assert.StartsWith(expected, errors[0]);
        Assert.DoesNotContain('\n', errors[0]);
    }

    [Fact]
    public void A_non_responder_fraction_on_a_drug_efficacy_is_read()
    {
        var parsed = PopulationParser.Parse($$"""{ "scenario": {{Lusutrombopag}}, "variability": [ { "parameter": "lusutrombopagEfficacy", "cv": 0.4, "nonResponderFraction": 0.2 }, { "parameter": "lusutrombopagEc50", "cv": 0.3 } ] }""", "p.json", ".");
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        Assert.Equal([0.2, 0], parsed.Value!.Variability.Select(v => v.NonResponderFraction));
        Assert.Equal([0.4, 0.3], parsed.Value.Variability.Select(v => v.Cv));
    }

    [Theory]
    [InlineData("""[ { "name": "all", "below": 40 } ]""", "p.json: $.inclusion.baselineStrata[0].name: 'all' is taken")]
    [InlineData("""[ { "name": "low", "below": 40 }, { "name": "low", "min": 40 } ]""", "p.json: $.inclusion.baselineStrata[1].name: 'low' is taken")]
    [InlineData("""[ { "name": "low-1", "below": 40 } ]""", "p.json: $.inclusion.baselineStrata[0].name: required: 1–40 letters or digits")]
    [InlineData("""[ { "name": "low" } ]""", "p.json: $.inclusion.baselineStrata[0]: no bound given; allowed: min, above, max, below")]
    [InlineData("""[ { "name": "low", "min": 40, "below": 40 } ]""", "p.json: $.inclusion.baselineStrata[0]: empty range: the lower bound 40 is not below the upper bound 40")]
    [InlineData("""[ { "name": "low", "below": 6000 } ]""", "p.json: $.inclusion.baselineStrata[0].below: 6000 is outside the allowed range [0, 5000] ×10⁹/L")]
    [InlineData("""[ { "name": "low", "max": 40, "below": 40 } ]""", "p.json: $.inclusion.baselineStrata[0].below: give either 'max' (inclusive) or 'below' (exclusive), not both")]
    [InlineData("""[ { "name": "low", "below": 40, "cut": 1 } ]""", "p.json: $.inclusion.baselineStrata[0].cut: unknown field")]
    [InlineData("""[]""", "p.json: $.inclusion.baselineStrata: expected an array of 1–10")]
    public void Bad_baseline_strata_give_one_line_errors(string strata, string expected)
    {
        var errors = Errors("""{ "parameter": "plateletsReference", "cv": 0.1 }""", $$""", "inclusion": { "baselinePlatelets": { "below": 50 }, "baselineStrata": {{strata}} }""");
        Assert.Single(errors);
        Assert.StartsWith(expected, errors[0]);
    }

    [Fact]
    public void A_published_value_may_name_a_baseline_stratum_and_an_unknown_stratum_is_refused()
    {
        string Json(string stratum) => $$"""
            { "scenario": {{Lusutrombopag}}, "variability": [ { "parameter": "plateletsReference", "cv": 0.1 } ],
              "inclusion": { "baselinePlatelets": { "below": 50 }, "baselineStrata": [ { "name": "low", "below": 40 }, { "name": "high", "min": 40 } ] },
              "endpoints": [ { "name": "ever50", "kind": "everAtLeast", "atLeast": 50 } ],
              "arms": [ { "name": "drug", "published": [ { "statistic": "ever50", "stratum": "{{stratum}}", "published": { "value": 0.5, "text": "assumed: a test value" } } ] } ] }
            """;
        var ok = PopulationParser.Parse(Json("high"), "p.json", ".");
        Assert.True(ok.Succeeded, string.Join("\n", ok.Errors));
        Assert.Equal(["all", "low", "high"], PopulationStrata.Of(ok.Value!).Select(s => s.Key));
        var bad = PopulationParser.Parse(Json("middle"), "p.json", ".").Errors.Select(e => e.ToString()).ToArray();
        Assert.Contains(bad, e => e.StartsWith("p.json: $.arms[0].published[0].stratum:", StringComparison.Ordinal) && e.Contains("middle", StringComparison.Ordinal));
    }
}
