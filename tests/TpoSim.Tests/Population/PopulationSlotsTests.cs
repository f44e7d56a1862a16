using TpoSim.Population;
using TpoSim.Sensitivity;

namespace TpoSim.Tests.Population;

/// <summary>
/// Subject slots: each slot screens its own candidates from streams (seed, slot, attempt), its stratum is fixed in
/// advance, and ranges of slots run apart and joined in order give exactly the one-machine result.
/// </summary>
public class PopulationSlotsTests
{
    /// <summary>The Kuter 2008 population (screening on three counts, 50% quota, two arms) cut to 4 days without a drug.</summary>
    private static PopulationDefinition ShortKuter()
    {
        var parsed = PopulationParser.ParseFile(RepoFiles.PathOf("populations", "itp-kuter2008.json"));
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        var d = parsed.Value!;
        return d with { BaseScenario = d.BaseScenario with { Days = 4, OutputStepDays = 1, Titration = null, Doses = [] } };
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(250, 125)]
    [InlineData(99, 17)]
    [InlineData(10, 0)]
    [InlineData(10, 10)]
    public void A_quota_of_q_fixes_exactly_q_splenectomised_slots_spread_evenly(int n, int q)
    {
        var spleen = Enumerable.Range(0, n).Where(j => PopulationRunner.SlotIsSplenectomised(j, q, n)).ToArray();
        Assert.Equal(q, spleen.Length);
        // Evenly: any window of w consecutive slots holds ⌊wq/N⌋ or ⌈wq/N⌉ of them (here w = N/2, the first half).
        var half = spleen.Count(j => j < n / 2);
        Assert.InRange(half, (long)(n / 2) * q / n, ((long)(n / 2) * q + n - 1) / n);
    }

    [Fact]
    public void Attempt_0_is_the_subjects_own_stream_and_later_attempts_are_other_streams()
    {
        var zero = new SubjectRandom(42, 7);
        var attempt0 = new SubjectRandom(42, 7, 0);
        for (var i = 0; i < 10; i++) Assert.Equal(zero.NextUInt64(), attempt0.NextUInt64());
        // Attempts of one slot, and attempt a of slot j against attempt 0 of every nearby slot, are unrelated streams.
        var firsts = new HashSet<ulong>();
        for (var j = 0; j < 50; j++)
            for (var a = 0; a < 50; a++)
                Assert.True(firsts.Add(new SubjectRandom(42, j, a).NextUInt64()), $"slot {j} attempt {a} repeats a stream");
        var sampler = new SubjectSampler(ShortKuter(), 3);
        Assert.Equal(sampler.Draw(5).Parameters, sampler.DrawAttempt(5, 0).Parameters);
        Assert.NotEqual(sampler.Draw(5).Parameters, sampler.DrawAttempt(5, 1).Parameters);
        Assert.Equal(1, sampler.DrawAttempt(5, 1).Attempt);
    }

    [Fact]
    public void The_leading_slots_reach_1000_candidates()
    {
        Assert.Equal(20, PopulationRunner.LeadingSlots(new InclusionCriteria(null, false, 30, false), 500));
        Assert.Equal(334, PopulationRunner.LeadingSlots(new InclusionCriteria(null, false, 30, false, MaxScreenedPerSubject: 3), 500));
        Assert.Equal(7, PopulationRunner.LeadingSlots(new InclusionCriteria(null, false, 30, false), 7));
    }

    [Fact]
    public void Slot_ranges_joined_in_order_give_the_one_machine_result_to_the_bit()
    {
        var def = ShortKuter();
        var options = new PopulationOptions(31, 9, 2);
        var whole = PopulationRunner.Run(def, options);
        var parts = new[] { 1, 2, 5 }.Select(k => Enumerable.Range(1, k).Select(i => PopulationRunner.RunSlots(def, options, RunRange.Shard(i, k, 31))).ToArray());
        foreach (var pieces in parts)
        {
            var joined = PopulationRunner.Combine(pieces);
            Assert.Equal(PopulationFiles.SubjectsCsv(whole), PopulationFiles.SubjectsCsv(joined));
            Assert.Equal(PopulationFiles.BandsCsv(whole), PopulationFiles.BandsCsv(joined));
            Assert.Equal(PopulationMetrics.Json(whole), PopulationMetrics.Json(joined));
            Assert.Equal(PopulationFiles.SubjectsCsv(whole.Arms![1].Result), PopulationFiles.SubjectsCsv(joined.Arms![1].Result));
            Assert.Equal(whole.Screened, pieces.Sum(p => p.Screened));
        }
        // Every slot enrols one subject of its own stratum, numbered in slot order; each screened candidate is enrolled or a screen failure.
        Assert.Equal(31, whole.Subjects.Count);
        Assert.Equal(Enumerable.Range(0, 31), whole.Subjects.Select(s => s.Draw.Index));
        Assert.Equal(Enumerable.Range(0, 31), whole.Subjects.Select(s => s.Subject));
        var quota = def.Inclusion!.SplenectomisedQuota(31)!.Value;
        Assert.All(whole.Subjects, s => Assert.Equal(PopulationRunner.SlotIsSplenectomised(s.Draw.Index, quota, 31), s.Draw.Splenectomised == true));
        Assert.Equal(whole.Screened, whole.Subjects.Count + whole.ScreenFailureCount);
        Assert.True(whole.ScreenFailures.GetValueOrDefault("stratum full") > 0);
        // The thread count changes nothing.
        Assert.Equal(PopulationFiles.SubjectsCsv(whole), PopulationFiles.SubjectsCsv(PopulationRunner.Run(def, options with { Threads = 1 })));
    }
}
