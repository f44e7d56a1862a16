using TpoSim.Output.Files;
using TpoSim.Policies;
using TpoSim.Scenarios;
using TpoSim.Simulation;
using TpoSim.Tests.Simulation;

namespace TpoSim.Tests.Policies;

/// <summary>The closed loop inside the simulator: decisions, doses fired, determinism.</summary>
public class TitrationSimulationTests
{
    private static Scenario Parse(string json) => ScenarioTestHelpers.Parse(json);

    private static SimulationResult Run(Scenario scenario) => Simulator.Run(scenario, cancellation: TestContext.Current.CancellationToken);

    private static Scenario Itp(string titration, double days = 84, double severity = 0.6) => Parse($$"""
        { "patient": { "condition": { "name": "itp", "severity": {{severity.ToString(System.Globalization.CultureInfo.InvariantCulture)}} } }, "simulation": { "days": {{days}}, "outputEveryDays": 1 },
          "titration": {{titration}} }
        """);

    /// <summary>
    /// The amount the latest decision at or before <paramref name="day"/> sets for that day: its dose, or for a weekly
    /// pattern (avatrombopag's intermittent levels, named by the decision's regimen) that week day's amount.
    /// </summary>
    private static double Due(TitrationLog log, double day)
    {
        var decision = log.Decisions.Last(d => d.Day <= day + 1e-9);
        if (decision.Dose == 0) return 0;
        var weekly = LadderRule.AvatrombopagItpRegimens.FirstOrDefault(r => r.Label == decision.Regimen);
        return weekly?.AmountOn(day) ?? decision.Dose;
    }

    /// <summary>Each dose fired equals the dose the latest decision at or before its day set.</summary>
    private static void AssertDosesFollowDecisions(TitrationLog log, IReadOnlyList<double> doseDays)
    {
        var given = log.Doses.ToDictionary(d => d.Day);
        foreach (var day in doseDays)
        {
            var due = Due(log, day);
            if (due > 0)
            {
                Assert.True(given.TryGetValue(day, out var g), $"a dose on day {day}");
                Assert.Equal(due, g.Amount);
                Assert.Equal(log.Decisions.Last(d => d.Day <= day + 1e-9).Unit, g.Unit);
            }
            else Assert.False(given.ContainsKey(day), $"no dose on day {day}");
        }
        Assert.Equal(log.Doses.Count, doseDays.Count(day => Due(log, day) > 0));
    }

    [Theory]
    [InlineData("""{ "policy": "romiplostim-itp-label", "assayCv": 0.1, "seed": 3 }""")]
    [InlineData("""{ "policy": "eltrombopag-itp-label", "days": 42 }""")]
    [InlineData("""{ "policy": "avatrombopag-itp-label", "checkEveryDays": 3 }""")]
    [InlineData("""{ "policy": "avatrombopag-itp-label", "assayCv": 0.2, "seed": 5 }""", 0.05)]
    [InlineData("""{ "policy": "avatrombopag-cld-label" }""")]
    [InlineData("""{ "policy": "lusutrombopag-lplus2" }""")]
    [InlineData("""{ "policy": "custom", "startDose": 3, "low": 80, "step": 1.5, "maxDose": 9 }""")]
    public void Decision_log_matches_the_doses_fired(string titration, double severity = 0.6)
    {
        var scenario = Itp(titration, severity: severity);
        var r = Run(scenario);
        Assert.True(r.Succeeded, r.Diagnostic);
        var log = r.Titration!;
        var regular = TitrationCatalog.CheckDays(scenario.Titration!, scenario.Days);
        var interim = TitrationCatalog.InterimCheckDays(scenario.Titration!, scenario.Days);
        Assert.Equal(regular, log.Decisions.Select(d => d.Day).Where(d => !interim.Contains(d)));
        Assert.All(log.Decisions, d => Assert.True(regular.Contains(d.Day) || interim.Contains(d.Day)));
        Assert.Equal(log.Decisions.Select(d => d.Day).Order(), log.Decisions.Select(d => d.Day));
        AssertDosesFollowDecisions(log, TitrationCatalog.DoseDays(scenario.Titration!, scenario.Days));
        Assert.Equal(log.Doses.Select(d => d.Day), r.Timeline.Where(e => e.Kind == "dose").Select(e => e.Day));
    }

    [Fact]
    public void Measured_count_is_the_circulating_count_without_noise()
    {
        var r = Run(Itp("""{ "policy": "romiplostim-itp-label" }""", 28));
        for (var i = 0; i < r.Titration!.Decisions.Count; i++)
        {
            var d = r.Titration.Decisions[i];
            var k = r.Days.ToList().FindIndex(t => Math.Abs(t - d.Day) < 1e-9);
            // The grid point at a check day reports the state after the check and the dose given with it; the dose
            // has not moved the count yet (SC absorption), so it equals the measured count closely.
            Assert.Equal(r.Outputs[k].PlateletsCirculating, d.Measured, 6);
        }
    }

    [Fact]
    public void Romiplostim_raises_the_count_and_escalates_in_severe_itp()
    {
        var r = Run(Itp("""{ "policy": "romiplostim-itp-label" }""", 56, severity: 1));
        var log = r.Titration!;
        Assert.True(log.Decisions[0].Measured < 10);
        Assert.True(r.Summary.PlateletPeak.Value > 2 * log.Decisions[0].Measured);
        Assert.Equal(1, log.Decisions[0].Dose);
        Assert.Contains(log.Decisions, d => d.Action == "increase");
    }

    [Fact]
    public void Same_seed_gives_identical_decisions_and_another_seed_differs()
    {
        string Decisions(int seed)
        {
            var r = Run(Itp($$"""{ "policy": "romiplostim-itp-label", "assayCv": 0.3, "seed": {{seed}} }"""));
            var w = new StringWriter();
            DecisionsCsv.Write(r.Titration!, w);
            return w.ToString();
        }
        Assert.Equal(Decisions(11), Decisions(11));
        Assert.NotEqual(Decisions(11), Decisions(12));
    }

    [Fact]
    public void Without_a_titration_there_is_no_log()
    {
        Assert.Null(Run(Parse("""{ "simulation": { "days": 2 } }""")).Titration);
    }

    [Fact]
    public void Summary_json_and_decisions_csv_carry_the_decisions()
    {
        var r = Run(Itp("""{ "policy": "romiplostim-itp-label" }""", 21));
        var json = SummaryJson.Build(r);
        Assert.Equal(3, json["titration"]!["decisions"]!.AsArray().Count);
        Assert.Equal("romiplostim-itp-label", json["titration"]!["policy"]!.GetValue<string>());
        var w = new StringWriter();
        DecisionsCsv.Write(r.Titration!, w);
        var lines = w.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(DecisionsCsv.Header, lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("0,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",start,1,µg/kg,1 µg/kg weekly", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Avatrombopag_intermittent_levels_give_doses_only_on_their_week_days_and_the_report_shows_the_regimen()
    {
        // Mild ITP: avatrombopag 20 mg daily overshoots, so the ladder steps down to 20 mg 3×/week on day 14 (days 1, 3, 5
        // of each titration week = titration days 14, 16, 18, 21, 23, 25).
        var r = Run(Itp("""{ "policy": "avatrombopag-itp-label", "days": 28 }""", 28, severity: 0.05));
        var log = r.Titration!;
        Assert.Equal("20 mg 3×/week (days 1, 3, 5)", log.Decisions[2].Regimen);
        Assert.Equal([14.0, 16, 18, 21, 23, 25], log.Doses.Where(d => d.Day >= 14).Select(d => d.Day));
        Assert.Equal(Enumerable.Range(0, 14).Select(d => (double)d), log.Doses.Where(d => d.Day < 14).Select(d => d.Day));
        var html = TpoSim.Output.Reports.SimulationReport.Html(r);
        Assert.Contains("<th>Regimen</th>", html);
        Assert.Contains("20 mg 3×/week (days 1, 3, 5)", html);
        var csv = new StringWriter();
        DecisionsCsv.Write(log, csv);
        Assert.Contains(",20,mg,\"20 mg 3×/week (days 1, 3, 5)\"", csv.ToString());
    }

    [Fact]
    public void Eltrombopag_checks_twice_weekly_only_while_held()
    {
        var r = Run(Parse("""
            { "patient": { "condition": { "name": "essentialThrombocythaemia", "severity": 1 } }, "simulation": { "days": 28, "outputEveryDays": 1 },
              "titration": { "policy": "eltrombopag-itp-label" } }
            """));
        var days = r.Titration!.Decisions.Select(d => d.Day).ToArray();
        Assert.Equal("hold", r.Titration.Decisions[1].Action); // day 7: > 400
        Assert.Equal([0.0, 7, 10.5, 14, 17.5, 21, 24.5], days);
    }
}
