using TpoSim.Population;

namespace TpoSim.Tests.Population;

public class SubjectResponseTests
{
    /// <summary>Weekly counts for weeks 1…25 (days 0, 7, …, 168) as a series on those days.</summary>
    private static SubjectResponse Weekly(params double[] counts) =>
        SubjectResponse.Compute(counts.Select((_, k) => 7.0 * k).ToArray(), counts, ResponseDefinition.Default);

    private static double[] Weeks(Func<int, double> countOfWeek) => Enumerable.Range(1, 25).Select(countOfWeek).ToArray();

    [Fact]
    public void Responding_from_week_3_on_is_durable_and_overall()
    {
        var r = Weekly(Weeks(w => w >= 3 ? 80 : 20));
        Assert.Equal(23, r.WeeklyResponses); // weeks 3–25
        Assert.True(r.Durable);
        Assert.True(r.Overall);
        Assert.False(r.Transient);
        Assert.Equal(0, r.RescueWeeks);
        Assert.Equal(14, r.DaysToThreshold);
    }

    [Fact]
    public void Five_of_the_last_eight_weeks_is_not_durable_but_transient()
    {
        // Weeks 18–25: responses in 18, 19, 20, 21, 22 only (5 < 6).
        var r = Weekly(Weeks(w => w is >= 18 and <= 22 ? 60 : 30));
        Assert.Equal(5, r.WeeklyResponses);
        Assert.False(r.Durable);
        Assert.True(r.Transient);
        Assert.True(r.Overall);
        // Exactly six of the last eight is durable.
        Assert.True(Weekly(Weeks(w => w is >= 18 and <= 23 ? 60 : 30)).Durable);
    }

    [Fact]
    public void Three_weekly_responses_is_no_response_and_week_1_does_not_count()
    {
        var r = Weekly(Weeks(w => w is 1 or 5 or 6 or 7 ? 60 : 30));
        Assert.Equal(3, r.WeeklyResponses);
        Assert.False(r.Overall);
    }

    [Fact]
    public void Rescue_forbids_durable_and_voids_responses_for_eight_weeks()
    {
        // A count of 5 at week 4 (rescue), then ≥ 50 from week 5: weeks 5–12 do not count (within 8 weeks), 13–25 do.
        var r = Weekly(Weeks(w => w == 4 ? 5 : w >= 5 ? 70 : 20));
        Assert.Equal(1, r.RescueWeeks);
        Assert.Equal(13, r.WeeklyResponses);
        Assert.False(r.Durable);
        Assert.True(r.Transient);
    }

    [Fact]
    public void Continuous_measures_on_a_hand_built_series()
    {
        // Days 0–4: 40, 60, 250, 450, 100 (each value holds for one day).
        double[] days = [0, 1, 2, 3, 4];
        double[] p = [40, 60, 250, 450, 100];
        var r = SubjectResponse.Compute(days, p, ResponseDefinition.Default, totalDose: 6, doseUnit: "µg/kg");
        Assert.Equal(0.25, r.TimeInRange, 12);       // only [1, 2) has 50 ≤ p < 200
        Assert.Equal(3, r.DaysAtLeastThreshold, 12); // [1, 4)
        Assert.Equal(1, r.DaysToThreshold);
        Assert.Equal(1, r.EventsAbove);
        Assert.Equal(6 / (4 / 7.0), r.MeanWeeklyDose, 12);
        // Two separate entries above 400 are two events; a series starting above counts once.
        Assert.Equal(2, SubjectResponse.Compute(days, [500, 100, 500, 100, 300], ResponseDefinition.Default).EventsAbove);
        Assert.True(double.IsNaN(SubjectResponse.Compute(days, [10, 10, 10, 10, 10], ResponseDefinition.Default).DaysToThreshold));
    }

    [Fact]
    public void Weekly_counts_between_output_points_are_interpolated()
    {
        Assert.Equal(55, SubjectResponse.At([0, 10], [50, 60], 5), 12);
        Assert.True(double.IsNaN(SubjectResponse.At([0, 10], [50, 60], 11)));
    }
}
