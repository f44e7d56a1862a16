using System.Globalization;
using TpoSim.Output.Html;
using TpoSim.Parameters;
using TpoSim.Simulation;
using TpoSim.Units;

namespace TpoSim.Output.Reports;

/// <summary>report.html: a self-contained page with the plot, the summary, the timeline and the parameters used.</summary>
public static class SimulationReport
{
    /// <summary>The report as HTML text (deterministic: no dates or random ids).</summary>
    public static string Html(SimulationResult result)
    {
        static string F(double v, string fmt = "0.0") => v.ToString(fmt, CultureInfo.InvariantCulture);
        var s = result.Summary;
        var scenario = result.Scenario;
        var report = new HtmlReport($"TpoSim report: {scenario.Name}")
            .WithSubtitle(scenario.Description)
            .AddMetadata("Patient", $"{F(scenario.Patient.BodyWeightKg, "0.#")} kg, {scenario.Patient.Sex.ToString().ToLowerInvariant()}, {scenario.Patient.AgeGroup.ToString().ToLowerInvariant()}")
            .AddMetadata("Condition", scenario.ConditionSummary)
            .AddMetadata("Simulated", $"{F(scenario.Days, "0.##")} days, output every {F(scenario.OutputStepDays, "0.###")} day")
            .AddMetadata("Day 0", result.InitialStateMethod)
            .AddMetadata("Solver", $"{result.SolverName}: {result.Statistics.AcceptedSteps} steps, {result.Statistics.RejectedSteps} rejected, {result.Statistics.FunctionEvaluations} f-evaluations")
            .AddMetadata("Status", result.Succeeded ? "completed" : $"{result.Status}: {result.Diagnostic}")
            .WithFooter("TpoSim is a research and teaching tool. It does not replace clinical judgment.");

        report.AddSection("Time course")
            .AddFigure(SimulationPlot.Chart(result), "Circulating platelets, free plasma TPO and platelet production." +
                (result.Timeline.Any(e => e.Kind != "dose") ? " Vertical lines mark events." : "") +
                (result.Timeline.Any(e => e.Kind == "dose") ? " The dose track shows each dose." : ""));

        report.AddSection("Summary").AddTable("Key values", ["Quantity", "Value", "Day"],
        [
            ["Baseline platelets (10⁹/L)", F(s.BaselinePlatelets), "0"],
            ["Baseline free TPO (pg/mL)", F(s.BaselineTpoPgPerMl), "0"],
            ["Baseline platelet production (10⁹/L/day)", F(s.BaselineProduction), "0"],
            ["Baseline mean platelet lifespan (days)", F(s.BaselineLifespanDays, "0.00"), "0"],
            ["Platelet nadir (10⁹/L)", F(s.PlateletNadir.Value), F(s.PlateletNadir.Day, "0.##")],
            ["Platelet peak (10⁹/L)", F(s.PlateletPeak.Value), F(s.PlateletPeak.Day, "0.##")],
            ["Lowest free TPO (pg/mL)", F(s.TpoMin.Value), F(s.TpoMin.Day, "0.##")],
            ["Highest free TPO (pg/mL)", F(s.TpoMax.Value), F(s.TpoMax.Day, "0.##")],
            ["Final platelets (10⁹/L)", F(s.FinalPlatelets), F(result.Days[^1], "0.##")],
        ]);
        report.AddTable("Time with platelets in each band", ["Platelets (10⁹/L)", "Share of time"],
            s.TimeInRanges.Select(r => (IReadOnlyList<string>)[r.Label, $"{F(100 * r.Fraction)} %"]));

        if (result.Timeline.Count > 0)
        {
            report.AddSection("Doses and events").AddTable(null, ["Day", "Kind", "What"],
                result.Timeline.Select(e => (IReadOnlyList<string>)[F(e.Day, "0.###"), e.Kind, e.Label]));
        }

        if (result.Titration is { } log)
        {
            report.AddSection("Titration decisions")
                .AddParagraph($"Policy {log.Policy} ({log.Drug}): one row per platelet check; the dose is given from that check on. {log.Doses.Count} doses given.")
                .AddTable(null, ["Day", "Measured platelets (10⁹/L)", "Branch", "Action", "Dose", "Unit", "Regimen"],
                    log.Decisions.Select(d => (IReadOnlyList<string>)[F(d.Day, "0.###"), F(d.Measured), d.Branch, d.Action, F(d.Dose, "0.###"), d.Unit, d.Regimen]));
        }

        report.AddSection("Parameters used")
            .AddParagraph($"Values at day 0. TPO molar mass {F(TpoUnits.TpoMolarMassGramsPerMole / 1000, "0")} kDa (1 pM = {F(TpoUnits.PicomolarToPicogramsPerMl(1), "0")} pg/mL). Rows marked * differ from the default.")
            .AddTable(null, ["Parameter", "Value", "Unit", "Range", "Source"],
                ParameterCatalog.All.Select(d => (IReadOnlyList<string>)[
                    result.Parameters[d.Id] == d.DefaultValue ? d.Name : d.Name + " *",
                    ParameterDefinition.Format(result.Parameters[d.Id]), d.Unit,
                    $"{ParameterDefinition.Format(d.Minimum)}–{ParameterDefinition.Format(d.Maximum)}", d.Source]));
        return report.Render();
    }
}
