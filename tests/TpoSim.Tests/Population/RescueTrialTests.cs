using TpoSim.Population;

namespace TpoSim.Tests.Population;

/// <summary>
/// Simulated rescue in the shipped Kuter 2008 trial (populations/itp-kuter2008.json), cut to 12 weeks and 40 subjects:
/// switched off it reproduces the counted-only run subject for subject; switched on it gives the same first rescue
/// (the series are the same up to it), fewer rescue weeks, and the same results on one thread and two.
/// </summary>
public class RescueTrialTests
{
    private static PopulationDefinition Kuter(bool simulate)
    {
        var d = RepoFiles.Population("itp-kuter2008.json");
        Assert.NotNull(d.BaseScenario.Rescue);
        return d with { BaseScenario = d.BaseScenario with { Days = 84, Rescue = simulate ? d.BaseScenario.Rescue : null } };
    }

    private static PopulationResult Run(PopulationDefinition d, int threads) =>
        PopulationRunner.Run(d, new PopulationOptions(40, 2008, threads) { Cancellation = TestContext.Current.CancellationToken });

    private static SubjectResponse[] Responses(PopulationResult r, int arm) =>
        r.Arms![arm].Result.Subjects.Select(s => s.Summary!.Response).ToArray();

    [Fact]
    public void Simulation_off_reproduces_the_counted_rule_and_on_it_keeps_who_needs_rescue_but_cuts_the_rescue_weeks()
    {
        // "simulate": false parses to no simulated rescue: the file's run is the counted-only run.
        var off = PopulationParser.Parse(File.ReadAllText(RepoFiles.PathOf("populations", "itp-kuter2008.json"))
            .Replace("\"simulate\": true", "\"simulate\": false", StringComparison.Ordinal), "kuter.json", RepoFiles.PathOf("populations"));
        Assert.True(off.Succeeded, string.Join("\n", off.Errors));
        Assert.Null(off.Value!.BaseScenario.Rescue);

        var counted = Run(Kuter(simulate: false), 2);
        var countedAgain = Run(off.Value with { BaseScenario = off.Value.BaseScenario with { Days = 84 } }, 2);
        var simulated = Run(Kuter(simulate: true), 2);
        for (var arm = 0; arm < 2; arm++)
        {
            Assert.Equal(Responses(counted, arm), Responses(countedAgain, arm));
            var c = Responses(counted, arm);
            var s = Responses(simulated, arm);
            // The first rescue falls on the same visit (nothing differs before it), so who needs rescue does not change.
            Assert.Equal(c.Select(x => x.RescueWeeks > 0), s.Select(x => x.RescueWeeks > 0));
            Assert.True(s.Sum(x => x.RescueWeeks) < c.Sum(x => x.RescueWeeks), $"arm {arm}: {s.Sum(x => x.RescueWeeks)} vs {c.Sum(x => x.RescueWeeks)} rescue weeks");
        }
        // Placebo subjects who needed rescue spend more time ≥ 50 when it is simulated (IVIG lifts the count).
        var rescued = Responses(counted, 1).Select((x, i) => (x, i)).Where(t => t.x.RescueWeeks > 0).Select(t => t.i).ToArray();
        Assert.NotEmpty(rescued);
        Assert.True(rescued.Sum(i => Responses(simulated, 1)[i].DaysAtLeastThreshold) > rescued.Sum(i => Responses(counted, 1)[i].DaysAtLeastThreshold) + 10 * rescued.Length);
    }

    [Fact]
    public void Simulated_rescue_gives_the_same_results_on_one_thread_and_two()
    {
        var one = Run(Kuter(simulate: true), 1);
        var two = Run(Kuter(simulate: true), 2);
        for (var arm = 0; arm < 2; arm++)
        {
            Assert.Equal(PopulationFiles.SubjectsCsv(one.Arms![arm].Result), PopulationFiles.SubjectsCsv(two.Arms![arm].Result));
            Assert.Equal(PopulationFiles.BandsCsv(one.Arms![arm].Result), PopulationFiles.BandsCsv(two.Arms![arm].Result));
        }
    }
}
