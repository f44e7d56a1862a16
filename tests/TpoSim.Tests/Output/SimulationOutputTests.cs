using System.Text.Json.Nodes;
using TpoSim.Output.Files;
using TpoSim.Output.Reports;
using TpoSim.Scenarios;
using TpoSim.Simulation;
using Xunit;

namespace TpoSim.Tests.Output;

/// <summary>The clinician-facing outputs: nadir per cycle, doses as ordered, clinical labels, the units dictionary, the NONMEM table.</summary>
public class SimulationOutputTests
{
    private static SimulationResult Run(string json) => Simulator.Run(ScenarioParser.Parse(json).Value!);

    private const string Carboplatin = """
        { "patient": { "weightKg": 70 }, "simulation": { "days": 100, "outputEveryDays": 0.25 },
          "events": [ { "type": "chemotherapy", "day": 7, "regimen": "carboplatin", "cycles": 4, "everyDays": 21 } ] }
        """;

    [Fact]
    public void The_nadir_of_each_carboplatin_cycle_is_the_grid_minimum_within_that_cycle()
    {
        var r = Run(Carboplatin);
        var cycles = CycleNadirs.Of(r);
        Assert.Equal([7.0, 28, 49, 70], cycles.Select(c => c.StartDay));
        Assert.Equal([28.0, 49, 70, 100], cycles.Select(c => c.EndDay));
        foreach (var c in cycles)
        {
            var inCycle = r.Days.Select((d, i) => (d, i)).Where(x => x.d >= c.StartDay && (c.Cycle == 4 ? x.d <= c.EndDay : x.d < c.EndDay)).ToArray();
            var min = inCycle.Min(x => r.Outputs[x.i].PlateletsCirculating);
            Assert.Equal(min, c.Nadir.Value, 12);
            Assert.InRange(c.Nadir.Day, c.StartDay, c.EndDay);
        }
        // The first cycle's trough falls inside its window, about 17 days after the dose (scenario description, ±4 days).
        // Later cycles start while the previous trough is still falling, so their window minimum can sit on their first day.
        Assert.InRange(cycles[0].Nadir.Day - cycles[0].StartDay, 13, 21);
        Assert.InRange(cycles[0].Nadir.Value, 55, 85);
        var summary = SummaryJson.Build(r);
        Assert.Equal(4, summary["cycleNadirs"]!.AsArray().Count);
        Assert.Equal(SummaryJson.Round(cycles[1].Nadir.Value), summary["cycleNadirs"]![1]!["nadir"]!["value"]!.GetValue<double>());
        Assert.Contains("Nadir of each chemotherapy cycle", SimulationReport.Html(r));
    }

    [Fact]
    public void Every_chemotherapy_cycle_is_marked_on_the_plot()
    {
        var markers = SimulationPlot.Markers(Run(Carboplatin).Scenario);
        Assert.Equal([7.0, 28, 49, 70], markers.Select(m => m.X));
        Assert.Equal(["carboplatin cycle 1", "cycle 2", "cycle 3", "cycle 4"], markers.Select(m => m.Label));
    }

    [Fact]
    public void Eltrombopag_50_mg_is_shown_as_50_mg_not_50000()
    {
        var r = Run("""{ "simulation": { "days": 10 }, "doses": [ { "drug": "eltrombopag", "route": "oral", "amount": 50, "unit": "mg", "day": 1, "everyDays": 1, "count": 5 } ] }""");
        var track = SimulationPlot.Doses(r)!;
        Assert.Equal("mg", track.Unit);
        Assert.All(track.Doses, d => Assert.Equal("50 mg", d.Label));
        var svg = SimulationPlot.Svg(r);
        Assert.Contains(">50 mg<", svg);
        Assert.DoesNotContain("50000", svg);
        Assert.Contains("eltrombopag 50 mg oral", SimulationReport.Html(r));
        Assert.Contains("Drug (ng/mL)", svg); // the concentration panel
    }

    [Theory]
    [InlineData("""{ "name": "itp", "severity": 0.35 }""", "ITP, severity 0.35")]
    [InlineData("""{ "name": "chronicLiverDisease", "childPugh": "B" }""", "Child-Pugh B")]
    [InlineData("""{ "name": "itp", "severity": 0.6, "splenectomised": true }""", "ITP, severity 0.6, splenectomised")]
    public void Conditions_are_labelled_clinically(string condition, string label)
    {
        var scenario = ScenarioParser.Parse($$"""{ "patient": { "condition": {{condition}} }, "simulation": { "days": 1 } }""").Value!;
        Assert.Equal(label, ClinicalText.Conditions(scenario));
    }

    [Fact]
    public void An_itp_course_fills_the_platelet_axis_instead_of_a_fixed_0_to_450()
    {
        var r = Run("""{ "patient": { "condition": { "name": "itp", "severity": 0.35 } }, "simulation": { "days": 30 } }""");
        var chart = SimulationPlot.Chart(r);
        var panel = chart.Panels[0];
        Assert.False(panel.BandsWidenRange);
        Assert.Equal([20.0, 50, 150, 450], panel.ReferenceLines.Select(l => l.Y));
        Assert.Equal(TpoSim.Output.Charts.AxisScale.Log10, SimulationPlot.Chart(r, new SimulationPlotOptions(LogPlatelets: true)).Panels[0].YScale);
    }

    [Fact]
    public void The_units_dictionary_names_every_column_of_timeseries_csv_in_order()
    {
        var r = Run("""{ "simulation": { "days": 5 }, "doses": [ { "drug": "romiplostim", "route": "sc", "amount": 1, "unit": "ug/kg", "day": 1 } ] }""");
        var csv = new StringWriter();
        TimeSeriesCsv.Write(r, csv);
        var header = csv.ToString().Split('\n')[0].Split(',');
        var units = new StringWriter();
        TimeSeriesCsv.WriteUnits(r, units);
        var rows = units.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(header, rows.Select(x => x[0]));
        Assert.Equal(["day", "10^9/L", "pg/mL", "pM"], rows.Take(4).Select(x => x[1]));
        Assert.Equal("ng/mL", rows[^1][1]);
    }

    [Fact]
    public void The_nonmem_table_has_time_in_hours_doses_in_micrograms_and_dv_equal_to_ipred()
    {
        var r = Run("""{ "patient": { "weightKg": 70 }, "simulation": { "days": 2, "outputEveryDays": 1 }, "doses": [ { "drug": "romiplostim", "route": "sc", "amount": 1, "unit": "ug/kg", "day": 1 } ] }""");
        var w = new StringWriter();
        NonmemTable.Write(r, w);
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("ID,TIME,EVID,CMT,AMT,DV,IPRED", lines[0]);
        Assert.Contains("1,24,1,2,70,.,.", lines);
        Assert.Equal(1 + 3 * 3 + 1, lines.Length); // 3 output days × (platelets, TPO, drug) + one dose
        foreach (var obs in lines.Skip(1).Select(l => l.Split(',')).Where(f => f[2] == "0")) Assert.Equal(obs[5], obs[6]);
        Assert.Equal(r.Outputs[2].PlateletsCirculating, double.Parse(lines.Last(l => l.StartsWith("1,48,0,4,", StringComparison.Ordinal)).Split(',')[5], System.Globalization.CultureInfo.InvariantCulture), 3);
    }

    [Fact]
    public void Provenance_carries_version_command_date_and_scenario_and_honours_source_date_epoch()
    {
        Assert.Equal("2024-01-02", RunProvenance.DateFrom("1704153600", DateTimeOffset.UnixEpoch));
        Assert.Equal("1970-01-01", RunProvenance.DateFrom(null, DateTimeOffset.UnixEpoch));
        Assert.Equal("tposim simulate 'my file.json' --out out", RunProvenance.FormatCommandLine(["simulate", "my file.json", "--out", "out"]));
        var p = new RunProvenance("0.1.0", "tposim simulate", "2024-01-02", JsonNode.Parse("""{ "simulation": { "days": 3 } }"""));
        var summary = SummaryJson.Build(Run("""{ "simulation": { "days": 3 } }"""), p);
        Assert.Equal("2024-01-02", summary["run"]!["date"]!.GetValue<string>());
        Assert.Equal(3, summary["run"]!["scenario"]!["simulation"]!["days"]!.GetValue<int>());
    }
}
