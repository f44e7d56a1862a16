using System.Globalization;
using TpoSim.Output.Html;
using TpoSim.Parameters;
using TpoSim.Simulation;
using TpoSim.Units;

namespace TpoSim.Output.Reports;

/// <summary>report.html: a self-contained page with the plot, the summary, the timeline and the parameters used.</summary>
public static class SimulationReport
{
    /// <summary>
    /// The report as HTML text. Deterministic (no random ids); the only date is the run's, from
    /// <paramref name="provenance"/> (left out when null), which honours <c>SOURCE_DATE_EPOCH</c>.
    /// </summary>
    public static string Html(SimulationResult result, SimulationPlotOptions? plot = null, Files.RunProvenance? provenance = null)
    {
        static string F(double v, string fmt = "0.0") => v.ToString(fmt, CultureInfo.InvariantCulture);
        var s = result.Summary;
        var scenario = result.Scenario;
        var report = new HtmlReport($"TpoSim report: {scenario.Name}")
            .WithSubtitle(scenario.Description)
            .AddMetadata("Patient", $"{F(scenario.Patient.BodyWeightKg, "0.#")} kg, {scenario.Patient.Sex.ToString().ToLowerInvariant()}, {scenario.Patient.AgeGroup.ToString().ToLowerInvariant()}")
            .AddMetadata("Condition", ClinicalText.Conditions(scenario))
            .AddMetadata("Simulated", $"{F(scenario.Days, "0.##")} days, output every {F(scenario.OutputStepDays, "0.###")} day")
            .AddMetadata("Day 0", result.InitialStateMethod)
            .AddMetadata("Solver", $"{result.SolverName}: {result.Statistics.AcceptedSteps} steps, {result.Statistics.RejectedSteps} rejected, {result.Statistics.FunctionEvaluations} f-evaluations")
            .AddMetadata("Status", result.Succeeded ? "completed" : $"{result.Status}: {result.Diagnostic}")
            .WithFooter("TpoSim is a research and teaching tool. It does not replace clinical judgment.");

        if (provenance is not null)
        {
            report.AddMetadata("TpoSim", provenance.Version)
                .AddMetadata("Command", provenance.CommandLine)
                .AddMetadata("Date", provenance.Date);
        }
        var doses = ClinicalText.DosesGiven(result);
        report.AddSection("Time course")
            .AddFigure(SimulationPlot.Chart(result, plot), "Circulating platelets (dotted lines at 20, 50, 150 and 450 ×10⁹/L), free plasma TPO and platelet production" +
                (result.DrugConcentrationsNgPerMl.Count > 0 ? ", and the drug's plasma concentration." : ".") +
                (scenario.Events.Count > 0 ? " Vertical lines mark events and each chemotherapy cycle." : "") +
                (doses.Count > 0 ? " The dose track shows each dose as ordered." : "") +
                (plot?.Observed is { Count: > 0 } ? " Black points are the measured values." : ""));

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

        var cycles = CycleNadirs.Of(result);
        if (cycles.Count > 0)
        {
            report.AddTable("Nadir of each chemotherapy cycle (output grid, from the cycle's day to the next cycle's)",
                ["Cycle", "Regimen", "Given on day", "Nadir (10⁹/L)", "Nadir day", "Days after the dose"],
                cycles.Select(c => (IReadOnlyList<string>)[c.Cycle.ToString(CultureInfo.InvariantCulture), c.Regimen, F(c.StartDay, "0.##"),
                    F(c.Nadir.Value), F(c.Nadir.Day, "0.##"), F(c.Nadir.Day - c.StartDay, "0.##")]));
        }

        // Doses as ordered (50 mg, not 50000 µg); events as the timeline logged them.
        var rows = doses.Select(d => (d.Day, Row: (IReadOnlyList<string>)[F(d.Day, "0.###"), d.Titrated ? "dose (titrated)" : "dose",
                $"{d.Drug} {d.Text} {d.Route.ToString().ToLowerInvariant()}"]))
            .Concat(result.Timeline.Where(e => e.Kind != "dose").Select(e => (e.Day, Row: (IReadOnlyList<string>)[F(e.Day, "0.###"), e.Kind, e.Label])))
            .OrderBy(r => r.Day).Select(r => r.Row).ToArray();
        if (rows.Length > 0) report.AddSection("Doses and events").AddTable(null, ["Day", "Kind", "What"], rows);

        if (result.Titration is { } log)
        {
            report.AddSection("Titration decisions")
                .AddParagraph($"Policy {log.Policy} ({log.Drug}): one row per platelet check; the dose is given from that check on. {log.Doses.Count} doses given.")
                .AddTable(null, ["Day", "Measured platelets (10⁹/L)", "Branch", "Action", "Dose", "Unit", "Regimen"],
                    log.Decisions.Select(d => (IReadOnlyList<string>)[F(d.Day, "0.###"), F(d.Measured), d.Branch, d.Action, F(d.Dose, "0.###"), d.Unit, d.Regimen]));
        }

        if (result.Model.Core.ReadsCatalogue)
        {
            report.AddSection("Parameters used")
                .AddParagraph($"Values at day 0. TPO molar mass {F(TpoUnits.TpoMolarMassGramsPerMole / 1000, "0")} kDa (1 pM = {F(TpoUnits.PicomolarToPicogramsPerMl(1), "0")} pg/mL). Rows marked * differ from the default.")
                .AddTable(null, ["Parameter", "Value", "Unit", "Range", "Source"],
                    ParameterCatalog.All.Select(d => (IReadOnlyList<string>)[
                        result.Parameters[d.Id] == d.DefaultValue ? d.Name : d.Name + " *",
                        ParameterDefinition.Format(result.Parameters[d.Id]), d.Unit,
                        $"{ParameterDefinition.Format(d.Minimum)}–{ParameterDefinition.Format(d.Maximum)}", d.Source]));
        }
        else
        {
            // A core with its own registry (v2): its declared parameters as the compiled model holds them at day 0.
            var p = result.Plan.DayZeroParameters.ToArray();
            var core = result.Model.Compiled.Definition.Parameters.Take(result.Model.Core.Create(result.Model.AgeGroup).Parameters.Count)
                .Select((m, k) => (IReadOnlyList<string>)[p[k] == m.Value ? m.Name : m.Name + " *", ParameterDefinition.Format(p[k]), m.Unit,
                    $"{ParameterDefinition.Format(m.Minimum)}–{ParameterDefinition.Format(m.Maximum)}", m.Source]).ToArray();
            report.AddSection($"Parameters used ({result.Model.Core.Title})")
                .AddParagraph("Values at day 0, the condition's values included. Rows marked * differ from the default.")
                .AddTable(null, ["Parameter", "Value", "Unit", "Range", "Source"], core);
        }
        if (result.Model.Drugs.Count > 0)
        {
            // The PK and PD parameters of the dosed drugs, as the run's compiled model holds them at day 0.
            var p = result.Plan.DayZeroParameters;
            var drugRows = new List<IReadOnlyList<string>>();
            foreach (var drug in result.Model.Drugs)
                foreach (var m in drug.Module.Definition.Parameters.Where(m => m.Kind != ParameterKind.PatientControl))
                {
                    var value = p[result.Model.Index(m.Name)];
                    drugRows.Add([value == m.Value ? m.Name : m.Name + " *", ParameterDefinition.Format(value), m.Unit,
                        $"{ParameterDefinition.Format(m.Minimum)}–{ParameterDefinition.Format(m.Maximum)}", m.Source]);
                }
            report.AddSection("Drug parameters used")
                .AddParagraph("PK and PD parameters of the dosed drugs at day 0 (set them in patient.parameters). Rows marked * differ from the default.")
                .AddTable(null, ["Parameter", "Value", "Unit", "Range", "Source"], drugRows);
        }
        if (provenance?.Scenario is { } input)
        {
            report.AddSection("Scenario as run")
                .AddParagraph("The scenario file as it was run (after --days), so this report can be reproduced with the command above.")
                .AddCode(input.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }
        return report.Render();
    }
}
