using TpoSim.Population;

namespace TpoSim.Tests.Population;

/// <summary>The chronic-liver-disease trial files: L-PLUS 1+2 pooled (the calibration case of the drug-response BSV) and ADAPT-1/2 (held out, by baseline cohort).</summary>
public class CldTrialFilesTests
{
    /// <summary>
    /// L-PLUS 1+2 pooled per-protocol, lusutrombopag arm: 65/137 = 47.4% doubled their count. 300 subjects on seed 15 (not
    /// the calibration's seed 1) must lie within 47.4% ± (1.96·√(p(1 − p)/137) + 1.96·SE_MC), the trial's 95% binomial
    /// half-width plus the simulation's own 95% Monte-Carlo error. Without the BSV the arm doubled in ≈95%.
    /// </summary>
    [Fact] // ≈ 6 s on 2 cores: below the 10 s of the Slow category
    public void Lplus_pooled_drug_arm_doubles_in_the_published_share_within_the_trials_ci_and_mc_error()
    {
        var def = RepoFiles.Population("cld-lplus-pooled.json");
        var arm = def.ForArm(def.Arms![0]);
        var result = PopulationRunner.Run(arm, new PopulationOptions(300, 15, Environment.ProcessorCount) { Cancellation = TestContext.Current.CancellationToken });
        var index = Array.FindIndex(PopulationReducer.DefinedEndpoints(arm), e => e.Name == "doubled");
        var ok = result.Subjects.Where(s => s.Status == SubjectStatus.Ok).ToArray();
        Assert.Equal(300, ok.Length);
        var p = ok.Count(s => s.EndpointHits![index]) / (double)ok.Length;
        const double published = 0.474;
        var tolerance = 1.96 * Math.Sqrt(published * (1 - published) / 137) + 1.96 * Math.Sqrt(p * (1 - p) / ok.Length);
        Assert.InRange(p, published - tolerance, published + tolerance);
    }

    /// <summary>
    /// ADAPT's cohorts are strata of one enrolled population: every subject is in exactly one of them, by its day-0
    /// count (&lt; 40 low; 40 inclusive to &lt; 50 high), and the file's published values name only those strata.
    /// </summary>
    [Fact]
    public void Adapt_cohorts_partition_the_enrolled_by_baseline()
    {
        var def = RepoFiles.Population("cld-adapt.json");
        var shortRun = def with { BaseScenario = def.BaseScenario with { Days = 1, OutputStepDays = 1 }, Arms = null, Endpoints = null };
        var result = PopulationRunner.Run(shortRun, new PopulationOptions(40, 4, 2) { Cancellation = TestContext.Current.CancellationToken });
        var strata = PopulationStrata.Of(def);
        Assert.Equal(["all", "baselineBelow40", "baseline40To50"], strata.Select(s => s.Key));
        foreach (var s in result.Subjects)
        {
            var baseline = s.Summary!.BaselinePlatelets;
            Assert.True(baseline < 50);
            Assert.Equal(baseline < 40, strata[1].Contains(s));
            Assert.Equal(baseline >= 40, strata[2].Contains(s));
        }
        Assert.Equal(["baselineBelow40", "baseline40To50"], def.Arms!.SelectMany(a => a.Published).Select(p => p.Stratum).Distinct());
    }
}
