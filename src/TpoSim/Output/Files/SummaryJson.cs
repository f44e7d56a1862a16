using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TpoSim.Simulation;

namespace TpoSim.Output.Files;

/// <summary>Writes summary.json: baseline, nadir and peak with their days, TPO extremes, time in ranges, solver status.</summary>
public static class SummaryJson
{
    /// <summary>The summary as a JSON object.</summary>
    public static JsonObject Build(SimulationResult result, RunProvenance? provenance = null)
    {
        var s = result.Summary;
        static JsonObject At(DayValue v) => new() { ["value"] = Round(v.Value), ["day"] = Round(v.Day) };
        var ranges = new JsonArray();
        foreach (var r in s.TimeInRanges)
            ranges.Add(new JsonObject { ["range"] = r.Label, ["fraction"] = Round(r.Fraction) });
        var timeline = new JsonArray();
        foreach (var e in result.Timeline)
            timeline.Add(new JsonObject { ["day"] = Round(e.Day), ["kind"] = e.Kind, ["label"] = e.Label });
        var summary = new JsonObject
        {
            ["scenario"] = result.Scenario.Name,
            ["conditions"] = Reports.ClinicalText.Conditions(result.Scenario),
            ["model"] = result.Scenario.Model,
            ["days"] = Round(result.Scenario.Days),
            ["status"] = result.Status.ToString(),
            ["diagnostic"] = result.Diagnostic,
            ["units"] = new JsonObject { ["platelets"] = "10^9/L", ["tpo"] = "pg/mL", ["production"] = "10^9/L/day", ["lifespan"] = "day" },
            ["baseline"] = new JsonObject
            {
                ["platelets"] = Round(s.BaselinePlatelets),
                ["tpo"] = Round(s.BaselineTpoPgPerMl),
                ["production"] = Round(s.BaselineProduction),
                ["lifespan"] = Round(s.BaselineLifespanDays),
                ["method"] = result.InitialStateMethod,
            },
            ["plateletNadir"] = At(s.PlateletNadir),
            ["plateletPeak"] = At(s.PlateletPeak),
            ["tpoMin"] = At(s.TpoMin),
            ["tpoMax"] = At(s.TpoMax),
            ["final"] = new JsonObject { ["platelets"] = Round(s.FinalPlatelets), ["tpo"] = Round(s.FinalTpoPgPerMl) },
            ["timeInRange"] = ranges,
            ["timeline"] = timeline,
            ["solver"] = new JsonObject
            {
                ["name"] = result.SolverName,
                ["acceptedSteps"] = result.Statistics.AcceptedSteps,
                ["rejectedSteps"] = result.Statistics.RejectedSteps,
                ["functionEvaluations"] = result.Statistics.FunctionEvaluations,
                ["jacobians"] = result.Statistics.JacobianEvaluations,
                ["luDecompositions"] = result.Statistics.LuDecompositions,
            },
        };
        // Input warnings (a dose outside its label range, a likely unit slip, a titration cut by --days): always present,
        // an empty array when there are none, so a reader can test it without checking for the key.
        summary["warnings"] = new JsonArray([.. result.Scenario.Warnings.Select(w => (JsonNode)JsonValue.Create(w))]);
        var peaks = result.DrugConcentrationPeaks();
        if (peaks.Count > 0)
        {
            // Highest plasma concentration on the output grid (free drug for romiplostim), ng/mL.
            var byDrug = new JsonObject();
            foreach (var (drug, peak) in peaks) byDrug[drug] = At(peak);
            summary["drugConcentrationPeak"] = byDrug;
            ((JsonObject)summary["units"]!)["drugConcentration"] = "ng/mL";
        }
        var doses = Reports.ClinicalText.DosesGiven(result);
        if (doses.Count > 0)
        {
            // Each dose as ordered (50 mg, 1 µg/kg) and as the absolute amount the model received.
            var given = new JsonArray();
            foreach (var d in doses)
                given.Add(new JsonObject { ["day"] = Round(d.Day), ["drug"] = d.Drug, ["amount"] = Round(d.Amount), ["unit"] = d.Unit, ["micrograms"] = Round(d.Micrograms), ["route"] = d.Route.ToString().ToLowerInvariant(), ["titrated"] = d.Titrated });
            summary["doses"] = given;
        }
        var cycles = Reports.CycleNadirs.Of(result);
        if (cycles.Count > 0)
        {
            // The lowest count of each chemotherapy cycle on the output grid, from its day to the next cycle's.
            var nadirs = new JsonArray();
            foreach (var c in cycles)
                nadirs.Add(new JsonObject { ["cycle"] = c.Cycle, ["regimen"] = c.Regimen, ["startDay"] = Round(c.StartDay), ["endDay"] = Round(c.EndDay), ["nadir"] = At(c.Nadir) });
            summary["cycleNadirs"] = nadirs;
        }
        if (result.Titration is { } log)
        {
            var decisions = new JsonArray();
            foreach (var d in log.Decisions)
            {
                decisions.Add(new JsonObject
                {
                    ["day"] = Round(d.Day), ["measured"] = Round(d.Measured), ["branch"] = d.Branch, ["action"] = d.Action,
                    ["dose"] = Round(d.Dose), ["unit"] = d.Unit, ["regimen"] = d.Regimen,
                });
            }
            summary["titration"] = new JsonObject { ["policy"] = log.Policy, ["drug"] = log.Drug, ["dosesGiven"] = log.Doses.Count, ["decisions"] = decisions };
        }
        if (provenance is not null) summary["run"] = provenance.ToJson();
        return summary;
    }

    /// <summary>Serialises <see cref="Build"/> indented, with a trailing newline.</summary>
    public static string Serialize(SimulationResult result, RunProvenance? provenance = null) =>
        Build(result, provenance).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    /// <summary>
    /// Rounds to 6 significant digits so output is stable and readable. Every number in the summary is a count, a
    /// concentration, a day or a fraction, none of which can be negative: round-off below zero (−3e-47) is written as 0
    /// (<see cref="RoundOff"/>; the simulator's guard has already failed any run with a real negative).
    /// </summary>
    public static double Round(double v) => double.IsFinite(v) ? RoundOff.Clamp(double.Parse(v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture)) : 0;
}
