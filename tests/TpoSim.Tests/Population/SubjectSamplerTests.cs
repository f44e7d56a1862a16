using TpoSim.Population;

namespace TpoSim.Tests.Population;

/// <summary>Between-subject variability in the drug's response: the log-normal CV and the non-responder fraction as drawn.</summary>
public class SubjectSamplerTests
{
    /// <summary>A lusutrombopag population (the drug must be dosed for its PD parameters to vary) with <paramref name="efficacy"/> as the last variability entry.</summary>
    private static PopulationDefinition Lusutrombopag(string efficacy)
    {
        var json = $$"""
            { "scenario": { "patient": { "condition": { "name": "chronicLiverDisease", "severity": 1 } }, "simulation": { "days": 2 },
                            "doses": [ { "drug": "lusutrombopag", "route": "oral", "amount": 3, "unit": "mg", "day": 0 } ] },
              "variability": [ { "parameter": "plateletsReference", "cv": 0.15 }, { "parameter": "lusutrombopagEc50", "cv": 0.5 }{{efficacy}} ] }
            """;
        var parsed = PopulationParser.Parse(json, "p.json", ".");
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        return parsed.Value!;
    }

    /// <summary>
    /// 20,000 draws, CV 0.4 and fraction 0.2 on lusutrombopagEfficacy (typical 1): the share of zeros is 0.2 within 4
    /// binomial SDs (4·√(0.2·0.8/20000) = 0.0113); the responders' log values have mean 0 within 4·ω/√n and SD
    /// ω = √ln(1 + 0.4²) = 0.3853 within 4·ω/√(2n) (the SD of a normal sample's SD), so their CV is 0.4.
    /// </summary>
    [Fact]
    public void Non_responder_share_and_log_normal_cv_of_a_large_sample_match_the_definition()
    {
        var sampler = new SubjectSampler(Lusutrombopag(""", { "parameter": "lusutrombopagEfficacy", "cv": 0.4, "nonResponderFraction": 0.2 }"""), 7);
        Assert.Equal(1, sampler.Typical[2]);
        const int n = 20_000;
        var values = Enumerable.Range(0, n).Select(i => sampler.Draw(i).Parameters[2]).ToArray();
        var zeros = values.Count(v => v == 0);
        Assert.InRange(zeros / (double)n, 0.2 - 4 * Math.Sqrt(0.2 * 0.8 / n), 0.2 + 4 * Math.Sqrt(0.2 * 0.8 / n));
        var logs = values.Where(v => v > 0).Select(v => Math.Log(v)).ToArray();
        var omega = Math.Sqrt(Math.Log(1 + 0.4 * 0.4));
        var mean = logs.Average();
        var sd = Math.Sqrt(logs.Sum(x => (x - mean) * (x - mean)) / (logs.Length - 1));
        Assert.InRange(mean, -4 * omega / Math.Sqrt(logs.Length), 4 * omega / Math.Sqrt(logs.Length));
        Assert.InRange(sd, omega - 4 * omega / Math.Sqrt(2 * logs.Length), omega + 4 * omega / Math.Sqrt(2 * logs.Length));
    }

    /// <summary>
    /// The non-responder draw comes after η: with a fraction, every responder's parameters are those of the same subject
    /// without one (bit for bit), and a fraction of 0 draws nothing, so the subject, its model seed included, is unchanged.
    /// </summary>
    [Fact]
    public void Non_responders_leave_the_other_draws_and_a_zero_fraction_changes_nothing()
    {
        var plain = new SubjectSampler(Lusutrombopag(""", { "parameter": "lusutrombopagEfficacy", "cv": 0.4 }"""), 3);
        var zero = new SubjectSampler(Lusutrombopag(""", { "parameter": "lusutrombopagEfficacy", "cv": 0.4, "nonResponderFraction": 0 }"""), 3);
        var half = new SubjectSampler(Lusutrombopag(""", { "parameter": "lusutrombopagEfficacy", "cv": 0.4, "nonResponderFraction": 0.5 }"""), 3);
        var nonResponders = 0;
        for (var i = 0; i < 200; i++)
        {
            var p = plain.Draw(i);
            var z = zero.Draw(i);
            var h = half.Draw(i);
            Assert.Equal(p.Parameters, z.Parameters);
            Assert.Equal(p.ModelSeed, z.ModelSeed);
            Assert.Equal(p.Parameters.Take(2), h.Parameters.Take(2));
            if (h.Parameters[2] == 0) nonResponders++;
            else Assert.Equal(p.Parameters[2], h.Parameters[2]);
        }
        // 200 draws at p = 0.5: 100 ± 4·√50 ≈ 100 ± 28.
        Assert.InRange(nonResponders, 72, 128);
    }
}
