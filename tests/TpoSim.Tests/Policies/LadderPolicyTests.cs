using TpoSim.Policies;

namespace TpoSim.Tests.Policies;

/// <summary>Each branch of the label rules, on the pure state machines (no model).</summary>
public class LadderPolicyTests
{
    private static ITitrationPolicy Romiplostim(double start = 1) => TitrationCatalog.Create(new TitrationSpec(TitrationCatalog.RomiplostimItp, start));

    private static Decision[] Run(ITitrationPolicy p, params double[] counts) =>
        counts.Select((c, i) => p.Decide(7 * i, c)).ToArray();

    [Fact]
    public void Romiplostim_starts_at_1_ug_per_kg()
    {
        var p = Romiplostim();
        Assert.Equal(0, p.CurrentDose);
        var d = p.Decide(0, 20);
        Assert.Equal(("start", "start", 1.0, "µg/kg"), (d.Branch, d.Action, d.Dose, d.Unit));
        Assert.Equal(1, p.CurrentDose);
    }

    [Fact]
    public void Romiplostim_below_50_goes_up_one_each_week()
    {
        var d = Run(Romiplostim(), 20, 30, 40, 49.9);
        Assert.Equal([1.0, 2, 3, 4], d.Select(x => x.Dose));
        Assert.All(d.Skip(1), x => Assert.Equal("increase", x.Action));
    }

    [Fact]
    public void Romiplostim_in_range_keeps_the_dose()
    {
        var d = Run(Romiplostim(3), 20, 50, 200, 120);
        Assert.Equal([3.0, 3, 3, 3], d.Select(x => x.Dose));
        Assert.Equal("in range", d[1].Branch);
    }

    [Fact]
    public void Romiplostim_above_200_twice_running_goes_down_one()
    {
        var d = Run(Romiplostim(5), 20, 250, 300, 250);
        Assert.Equal([5.0, 5, 4, 4], d.Select(x => x.Dose));
        Assert.Equal("decrease", d[2].Action);
        Assert.Equal("keep", d[3].Action); // the count of high weeks restarts after a reduction
    }

    [Fact]
    public void Romiplostim_a_single_week_above_200_is_not_enough()
    {
        var d = Run(Romiplostim(5), 20, 250, 150, 250);
        Assert.Equal([5.0, 5, 5, 5], d.Select(x => x.Dose));
    }

    [Fact]
    public void Romiplostim_above_400_holds_weekly_and_resumes_one_lower_below_200()
    {
        var d = Run(Romiplostim(5), 20, 450, 300, 210, 190, 100);
        Assert.Equal(["start", "hold", "hold", "hold", "resume", "keep"], d.Select(x => x.Action));
        Assert.Equal([5.0, 0, 0, 0, 4, 4], d.Select(x => x.Dose));
    }

    [Fact]
    public void Romiplostim_never_exceeds_10()
    {
        var d = Run(Romiplostim(9), 20, 20, 20);
        Assert.Equal([9.0, 10, 10], d.Select(x => x.Dose));
        Assert.Equal("keep", d[2].Action);
    }

    [Fact]
    public void Romiplostim_stops_after_4_weeks_at_10_without_response()
    {
        // Reaches 10 at week 1; still < 50 at weeks 2, 3, 4 (kept) and 5 (4 weeks at 10: stop); stays stopped.
        var d = Run(Romiplostim(9), 20, 20, 20, 20, 20, 20, 200);
        Assert.Equal([9.0, 10, 10, 10, 10, 0, 0], d.Select(x => x.Dose));
        Assert.Equal("stop", d[5].Action);
        Assert.Equal("stopped", d[6].Branch);
    }

    [Fact]
    public void Romiplostim_at_10_with_a_response_continues()
    {
        var d = Run(Romiplostim(10), 20, 20, 20, 20, 60, 20);
        Assert.DoesNotContain(d, x => x.Action == "stop");
        Assert.Equal(10, d[^1].Dose);
    }

    [Theory]
    [InlineData(false, false, 50)]
    [InlineData(true, false, 25)]
    [InlineData(false, true, 25)]
    [InlineData(true, true, 12.5)]
    public void Eltrombopag_start_dose_follows_ancestry_and_liver(bool eastAsian, bool hepatic, double start)
    {
        var p = TitrationCatalog.Create(new TitrationSpec(TitrationCatalog.EltrombopagItp, EastAsian: eastAsian, HepaticImpairment: hepatic));
        Assert.Equal(start, p.Decide(0, 20).Dose);
        Assert.Equal("mg", p.Decide(14, 100).Unit);
    }

    private static Decision[] Eltrombopag(double start, params (double Day, double Count)[] checks)
    {
        var p = TitrationCatalog.Create(new TitrationSpec(TitrationCatalog.EltrombopagItp, start));
        return checks.Select(c => p.Decide(c.Day, c.Count)).ToArray();
    }

    [Fact]
    public void Eltrombopag_goes_up_25_only_after_two_weeks_and_then_12_5_to_25_first()
    {
        var d = Eltrombopag(12.5, (0, 20), (7, 20), (14, 20), (21, 20), (28, 20));
        Assert.Equal([12.5, 12.5, 25, 25, 50], d.Select(x => x.Dose));
        Assert.Equal("< 50, waiting", d[1].Branch);
    }

    [Fact]
    public void Eltrombopag_200_to_400_goes_down_after_two_weeks()
    {
        var d = Eltrombopag(50, (0, 20), (7, 250), (14, 250), (21, 250), (28, 250));
        Assert.Equal([50.0, 50, 25, 25, 12.5], d.Select(x => x.Dose));
    }

    [Fact]
    public void Eltrombopag_above_400_stops_and_restarts_a_level_lower_below_150()
    {
        var d = Eltrombopag(50, (0, 20), (14, 450), (17, 200), (21, 140));
        Assert.Equal(["start", "hold", "hold", "resume"], d.Select(x => x.Action));
        Assert.Equal([50.0, 0, 0, 25], d.Select(x => x.Dose));
    }

    [Fact]
    public void Only_a_held_eltrombopag_rule_wants_interim_checks()
    {
        var e = TitrationCatalog.Create(new TitrationSpec(TitrationCatalog.EltrombopagItp));
        e.Decide(0, 20);
        Assert.False(e.WantsInterimCheck);
        e.Decide(7, 450);
        Assert.True(e.WantsInterimCheck);
        e.Decide(10.5, 100);
        Assert.False(e.WantsInterimCheck);
        var r = Romiplostim(5);
        r.Decide(0, 20);
        r.Decide(7, 450);
        Assert.False(r.WantsInterimCheck);
    }

    [Fact]
    public void Eltrombopag_above_400_after_two_weeks_at_the_lowest_dose_stops_for_good()
    {
        var d = Eltrombopag(12.5, (0, 20), (14, 450), (21, 100));
        Assert.Equal(["start", "stop", "none"], d.Select(x => x.Action));
        Assert.Equal(0, d[^1].Dose);
    }

    [Fact]
    public void Eltrombopag_stops_after_4_weeks_at_75_without_response()
    {
        var d = Eltrombopag(75, (0, 20), (14, 20), (28, 20));
        Assert.Equal(["start", "keep", "stop"], d.Select(x => x.Action));
    }

    private static ITitrationPolicy Avatrombopag(double? start = null) => TitrationCatalog.Create(new TitrationSpec(TitrationCatalog.AvatrombopagItp, start));

    /// <summary>Amounts given on titration days first .. first + 6.</summary>
    private static double[] Week(ITitrationPolicy p, int first) => Enumerable.Range(first, 7).Select(d => p.DoseOn(d)).ToArray();

    [Fact]
    public void Avatrombopag_itp_ladder_has_the_six_label_levels_with_their_dosing_days()
    {
        // Doptelet label dose levels 1–6; weekly totals 20, 40, 60, 140, 200, 280 mg.
        double[][] expected =
        [
            [20, 0, 0, 0, 0, 0, 0],
            [20, 0, 0, 20, 0, 0, 0],
            [20, 0, 20, 0, 20, 0, 0],
            [20, 20, 20, 20, 20, 20, 20],
            [40, 20, 40, 20, 40, 20, 20],
            [40, 40, 40, 40, 40, 40, 40],
        ];
        var regimens = LadderRule.AvatrombopagItpRegimens;
        Assert.Equal(expected.Length, regimens.Count);
        for (var level = 0; level < expected.Length; level++)
        {
            Assert.Equal(expected[level], Enumerable.Range(0, 7).Select(d => regimens[level].AmountOn(d)));
            Assert.Equal(expected[level], Enumerable.Range(70, 7).Select(d => regimens[level].AmountOn(d))); // same days every week
        }
        Assert.Equal([20.0, 40], TitrationCatalog.StartLevels(TitrationCatalog.AvatrombopagItp));
    }

    [Fact]
    public void Avatrombopag_itp_starts_at_20_daily_and_climbs_a_level_every_two_weeks_below_50()
    {
        var p = Avatrombopag();
        var d = Run(p, 20, 20, 20, 20, 20);
        Assert.Equal(["start", "keep", "increase", "keep", "increase"], d.Select(x => x.Action));
        Assert.Equal("< 50, waiting", d[1].Branch);
        Assert.Equal("20 mg daily", d[0].Regimen);
        Assert.Equal("40 mg 3×/week (days 1, 3, 5) + 20 mg on days 2, 4, 6, 7", d[2].Regimen);
        Assert.Equal(40, d[2].Dose); // the largest single amount of the pattern
        Assert.Equal("40 mg daily", d[4].Regimen);
        Assert.Equal(Enumerable.Repeat(40.0, 7), Week(p, 28));
    }

    [Fact]
    public void Avatrombopag_itp_steps_down_through_the_intermittent_levels_and_keeps_the_lowest()
    {
        var p = Avatrombopag();
        var d = Run(p, 250, 250, 250, 250, 250, 250, 250, 250, 250);
        Assert.Equal(["start", "keep", "decrease", "keep", "decrease", "keep", "decrease", "keep", "keep"], d.Select(x => x.Action));
        Assert.Equal("> 200, waiting", d[1].Branch);
        Assert.Equal("20 mg once weekly (days 1)", d[6].Regimen);
        // The label has no level below 20 mg once weekly and discontinues only above 400: 200–400 keeps it.
        Assert.Equal("> 200 at lowest dose", d[8].Branch);
        Assert.Equal([20.0, 0, 0, 0, 0, 0, 0], Week(p, 56));
        // Each level's days, replayed: 3×/week from day 14, twice weekly from day 28.
        var q = Avatrombopag();
        Run(q, 250, 250, 250);
        Assert.Equal([20.0, 0, 20, 0, 20, 0, 0], Week(q, 14));
        q.Decide(21, 250);
        q.Decide(28, 250);
        Assert.Equal([20.0, 0, 0, 20, 0, 0, 0], Week(q, 28));
    }

    [Fact]
    public void Avatrombopag_itp_above_400_holds_checks_twice_weekly_and_restarts_a_level_lower_below_150()
    {
        var p = Avatrombopag();
        p.Decide(0, 100);
        var hold = p.Decide(7, 450);
        Assert.Equal(("hold", "held", 0.0), (hold.Action, hold.Regimen, p.DoseOn(8)));
        Assert.True(p.WantsInterimCheck);
        Assert.Equal("hold", p.Decide(10.5, 300).Action);
        var resume = p.Decide(14, 140);
        Assert.Equal(("resume", "20 mg 3×/week (days 1, 3, 5)"), (resume.Action, resume.Regimen));
        Assert.False(p.WantsInterimCheck);
    }

    [Fact]
    public void Avatrombopag_itp_discontinues_above_400_after_two_weeks_at_once_weekly()
    {
        var p = Avatrombopag();
        Run(p, 250, 250, 250, 250, 250, 250, 250); // day 42: down to 20 mg once weekly
        Assert.Equal("hold", p.Decide(49, 450).Action); // one week at the lowest level: hold, not yet stop
        Assert.Equal("resume", p.Decide(52.5, 120).Action); // resumes at the lowest level (none below)
        Assert.Equal("20 mg once weekly (days 1)", p.Regimen);
        Assert.Equal("keep", p.Decide(56, 300).Action);
        var stop = p.Decide(70, 450); // two weeks at 20 mg once weekly since the resume
        Assert.Equal(("stop", "> 400 at lowest dose", 0.0), (stop.Action, stop.Branch, p.DoseOn(70)));
    }

    [Fact]
    public void Avatrombopag_itp_discontinues_below_50_after_four_weeks_at_40_mg_daily()
    {
        var p = Avatrombopag(start: 40);
        var d = Run(p, 20, 20, 20, 20, 20);
        Assert.Equal("40 mg daily", d[0].Regimen);
        Assert.Equal(["start", "keep", "keep", "keep", "stop"], d.Select(x => x.Action));
        Assert.Equal("< 50 after 28 days at maximum", d[4].Branch);
    }

    [Fact]
    public void Custom_rule_uses_its_own_thresholds_and_step()
    {
        var p = TitrationCatalog.Create(new TitrationSpec(TitrationCatalog.Custom, 2, Custom: new CustomRule(30, 100, 150, 80, 2, 6)));
        var d = new[] { (0.0, 20.0), (7, 25), (14, 40), (21, 120), (28, 120), (35, 160), (42, 90), (49, 70), (56, 10), (63, 10) }
            .Select(c => p.Decide(c.Item1, c.Item2)).ToArray();
        Assert.Equal([2.0, 4, 4, 4, 2, 0, 0, 2, 4, 6], d.Select(x => x.Dose));
    }

    [Theory]
    [InlineData(39.9, 60)]
    [InlineData(40, 40)]
    [InlineData(49.9, 40)]
    [InlineData(50, 0)]
    public void Avatrombopag_cld_dose_by_baseline_count(double baseline, double dose)
    {
        var p = new AvatrombopagCldPolicy();
        Assert.Equal(dose, p.Decide(0, baseline).Dose);
        Assert.Equal(dose, p.Decide(3, 200).Dose); // later checks do not change it
    }

    [Fact]
    public void Lusutrombopag_stops_early_once_at_least_50_and_20_above_baseline()
    {
        var p = new LusutrombopagEarlyStopPolicy();
        Assert.Equal(("baseline", 3.0), Pair(p.Decide(0, 35)));
        Assert.Equal(("criterion not met", 3.0), Pair(p.Decide(1, 52))); // ≥ 50 but rise 17
        Assert.Equal(("criterion not met", 3.0), Pair(p.Decide(2, 49))); // rise 14, below 50
        Assert.Equal(("≥ 50 and rise ≥ 20", 0.0), Pair(p.Decide(3, 55)));
        Assert.Equal(("stopped", 0.0), Pair(p.Decide(4, 30)));
        static (string, double) Pair(Decision d) => (d.Branch, d.Dose);
    }

    [Fact]
    public void Assay_noise_is_reproducible_from_its_seed_and_exact_without_cv()
    {
        double[] Draw(int seed) { var n = new AssayNoise(0.2, seed); return Enumerable.Range(0, 20).Select(_ => n.Measure(100)).ToArray(); }
        Assert.Equal(Draw(3), Draw(3));
        Assert.NotEqual(Draw(3), Draw(4));
        Assert.Equal(100, new AssayNoise(0, 1).Measure(100));
        Assert.All(Draw(5), v => Assert.True(v >= 0));
    }

    [Fact]
    public void Schedule_has_checks_before_the_end_and_weekly_romiplostim_doses()
    {
        var spec = new TitrationSpec(TitrationCatalog.RomiplostimItp, Days: 28);
        Assert.Equal([0.0, 7, 14, 21], TitrationCatalog.CheckDays(spec, 100));
        Assert.Equal([0.0, 7, 14, 21], TitrationCatalog.DoseDays(spec, 100));
        Assert.Equal([0.0], TitrationCatalog.CheckDays(new TitrationSpec(TitrationCatalog.AvatrombopagCld), 100));
        Assert.Equal(5, TitrationCatalog.DoseDays(new TitrationSpec(TitrationCatalog.AvatrombopagCld), 100).Count);
        Assert.Equal(7, TitrationCatalog.DoseDays(new TitrationSpec(TitrationCatalog.LusutrombopagLplus2), 100).Count);
    }
}
