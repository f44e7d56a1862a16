using TpoSim.Drugs.Modules;
using TpoSim.Output.Files;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Tests.Simulation;

/// <summary>timeseries.csv carries one concentration column per dosed drug; summary.json each drug's peak.</summary>
public class DrugConcentrationOutputTests
{
    private static SimulationResult Run(string json) => ScenarioTestHelpers.Run(json);

    private const string TwoDrugs = """
        { "patient": { "weightKg": 70, "sex": "male" }, "simulation": { "days": 6, "outputEveryDays": 0.25 },
          "doses": [ { "drug": "eltrombopag", "route": "oral", "amount": 50, "unit": "mg", "day": 0, "everyDays": 1, "count": 5 },
                     { "drug": "romiplostim", "route": "sc", "amount": 1, "unit": "ug/kg", "day": 1 } ] }
        """;

    [Fact]
    public void Each_dosed_drug_gets_a_column_after_the_model_outputs()
    {
        var w = new StringWriter();
        TimeSeriesCsv.Write(Run(TwoDrugs), w);
        var header = w.ToString().Split('\n')[0].Split(',');
        Assert.Equal(["eltrombopag_ng_per_mL", "romiplostim_ng_per_mL"], header[^2..]);
        Assert.Equal(OutputColumn.All.Count + 3, header.Length);
    }

    [Fact]
    public void Without_drugs_the_header_is_unchanged()
    {
        var w = new StringWriter();
        TimeSeriesCsv.Write(Run("""{ "simulation": { "days": 1 } }"""), w);
        Assert.Equal(["day", .. OutputColumn.All.Select(c => c.Name)], w.ToString().Split('\n')[0].Split(','));
    }

    [Fact]
    public void Eltrombopag_column_equals_the_standalone_pk_model()
    {
        // Eltrombopag's PK does not read the platelet model, so the coupled concentration must equal Farrell's model run
        // alone (PkOnlySimulation: the module with the core frozen, rtol 1e-9) to within the coupled solver's tolerance: 0.1% of the peak.
        var r = Run(TwoDrugs);
        var doses = Enumerable.Range(0, 5).Select(k => new TpoSim.Dosing.Dose(k, 50, DoseUnit.Milligram, Route.Oral));
        var alone = TpoSim.Drugs.Modules.PkOnlySimulation.Simulate("eltrombopag", r.Plan.Patient, doses, 250, 6, 0.25);
        var peak = r.DrugConcentrationPeaks()[0];
        Assert.Equal("eltrombopag", peak.Drug);
        for (var i = 0; i < r.Days.Count; i++)
            Assert.Equal(alone.ConcentrationAt(r.Days[i]), r.DrugConcentrationsNgPerMl[i][0], 1e-3 * peak.Peak.Value);
        Assert.Equal(r.DrugConcentrationsNgPerMl.Max(c => c[0]), peak.Peak.Value);
    }

    [Fact]
    public void Summary_json_reports_each_drugs_peak_with_its_day()
    {
        var r = Run(TwoDrugs);
        var json = SummaryJson.Build(r);
        var peaks = json["drugConcentrationPeak"]!.AsObject();
        Assert.Equal(["eltrombopag", "romiplostim"], peaks.Select(p => p.Key));
        Assert.Equal("ng/mL", json["units"]!["drugConcentration"]!.GetValue<string>());
        var romi = r.DrugConcentrationPeaks()[1].Peak;
        Assert.Equal(SummaryJson.Round(romi.Value), peaks["romiplostim"]!["value"]!.GetValue<double>());
        Assert.True(romi.Day > 1 && romi.Value > 0, "romiplostim peaks after its day-1 SC dose");
        Assert.Null(SummaryJson.Build(Run("""{ "simulation": { "days": 1 } }"""))["drugConcentrationPeak"]);
    }
}

/// <summary>A dose taken with polyvalent cations absorbs 30% (eltrombopag's cation factor), and only that dose.</summary>
public class PolyvalentCationTests
{
    private static SimulationResult Run(string cations)
    {
        var parsed = ScenarioParser.Parse($$"""
            { "patient": { "sex": "male" }, "simulation": { "days": 4, "outputEveryDays": 0.25 },
              "doses": [ { "drug": "eltrombopag", "route": "oral", "amount": 50, "unit": "mg", "day": 0 {{cations}} } ] }
            """);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        return Simulator.Run(parsed.Value!, cancellation: TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Concentrations_scale_by_the_cation_bioavailability()
    {
        var plain = Run("");
        var cations = Run(""", "withPolyvalentCations": true""");
        var factor = plain.Plan.Parameter("eltrombopagCationBioavailability");
        Assert.Equal(0.30, factor);
        // Linear PK: every concentration is the plain one × 0.30 (to the solver's tolerance, 0.1% of the peak).
        var peak = plain.DrugConcentrationPeaks()[0].Peak.Value;
        for (var i = 0; i < plain.Days.Count; i++)
            Assert.Equal(factor * plain.DrugConcentrationsNgPerMl[i][0], cations.DrugConcentrationsNgPerMl[i][0], 1e-3 * peak);
        Assert.Contains(cations.Timeline, e => e.Label.EndsWith("with polyvalent cations", StringComparison.Ordinal));
    }
}
