using System.Globalization;
using System.Text.Json.Nodes;
using TpoSim.Dosing;
using TpoSim.Output.Files;
using TpoSim.Simulation;

namespace TpoSim.Web.Api;

/// <summary>One output column: its name in timeseries.csv, unit and meaning.</summary>
/// <param name="Name">Column header (the key in <see cref="SimulationResponse.Series"/>).</param>
/// <param name="Unit">Unit.</param>
/// <param name="Description">Meaning.</param>
public sealed record SeriesColumn(string Name, string Unit, string Description);

/// <summary>A drug's plasma concentration on the output grid.</summary>
/// <param name="Drug">Drug name.</param>
/// <param name="Column">Its column in timeseries.csv.</param>
/// <param name="Unit">Always ng/mL (free drug for romiplostim).</param>
/// <param name="Values">One value per output day.</param>
public sealed record DrugSeries(string Drug, string Column, string Unit, double[] Values);

/// <summary>A dose as it was given, in the unit it was ordered in.</summary>
/// <param name="Day">Day given.</param>
/// <param name="Drug">Drug.</param>
/// <param name="Amount">Amount in <paramref name="Unit"/>.</param>
/// <param name="Unit">The ordered unit (mg, µg, µg/kg).</param>
/// <param name="Route">iv, sc or oral, when known.</param>
/// <param name="Titrated">True for a dose chosen by the titration rule.</param>
public sealed record DoseMark(double Day, string Drug, double Amount, string Unit, string? Route, bool Titrated);

/// <summary>One entry of the timeline (doses, transfusions, procedures, parameter changes).</summary>
/// <param name="Day">Day.</param>
/// <param name="Kind">dose, transfusion, procedure or parameter.</param>
/// <param name="Label">Short text.</param>
public sealed record TimelineMark(double Day, string Kind, string Label);

/// <summary>
/// The answer of <c>POST /api/simulate</c>: every column of timeseries.csv with the same numbers (six significant
/// digits), the summary exactly as summary.json, the doses in their ordered unit, the timeline and the titration's
/// decisions.
/// </summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Days">Simulated days.</param>
/// <param name="Succeeded">False when the solver stopped early (see the summary's status and diagnostic).</param>
/// <param name="Summary">summary.json.</param>
/// <param name="Columns">Columns of <paramref name="Series"/> after <c>day</c>.</param>
/// <param name="Series">Column name → values; <c>day</c> first.</param>
/// <param name="Drugs">Concentration of each dosed drug with a PK model.</param>
/// <param name="Doses">Doses given.</param>
/// <param name="Timeline">Doses and events.</param>
/// <param name="Decisions">The titration's decisions (decisions.csv), empty without a titration.</param>
/// <param name="Warnings">Notes such as a titration cut to a shorter <c>days</c>.</param>
public sealed record SimulationResponse(
    string Scenario, double Days, bool Succeeded, JsonObject Summary, IReadOnlyList<SeriesColumn> Columns,
    IReadOnlyDictionary<string, double[]> Series, IReadOnlyList<DrugSeries> Drugs, IReadOnlyList<DoseMark> Doses,
    IReadOnlyList<TimelineMark> Timeline, IReadOnlyList<JsonObject> Decisions, IReadOnlyList<string> Warnings)
{
    /// <summary>Builds the response from a library result.</summary>
    public static SimulationResponse From(SimulationResult result, IReadOnlyList<string> warnings)
    {
        var series = new Dictionary<string, double[]> { ["day"] = result.Days.Select(Number).ToArray() };
        foreach (var c in OutputColumn.All) series[c.Name] = result.Outputs.Select(o => Number(c.Select(o))).ToArray();
        var drugs = new List<DrugSeries>();
        if (result.DrugConcentrationsNgPerMl.Count > 0)
        {
            var names = result.DrugNames;
            for (var d = 0; d < names.Count; d++)
                drugs.Add(new DrugSeries(names[d], TimeSeriesCsv.ConcentrationColumn(names[d]), "ng/mL",
                    result.DrugConcentrationsNgPerMl.Select(row => Number(row[d])).ToArray()));
        }
        var summary = SummaryJson.Build(result);
        var decisions = summary["titration"]?["decisions"] is JsonArray list ? list.Select(n => (JsonObject)n!.DeepClone()).ToArray() : [];
        return new SimulationResponse(result.Scenario.Name, result.Scenario.Days, result.Succeeded, summary,
            OutputColumn.All.Select(c => new SeriesColumn(c.Name, c.Unit, c.Description)).ToArray(), series, drugs, DosesOf(result),
            result.Timeline.Select(t => new TimelineMark(SummaryJson.Round(t.Day), t.Kind, t.Label)).ToArray(), decisions, warnings);
    }

    /// <summary>The scenario's own doses (expanded repeats) and the titration's, in day order, each in its ordered unit.</summary>
    public static IReadOnlyList<DoseMark> DosesOf(SimulationResult result)
    {
        var marks = new List<DoseMark>();
        foreach (var d in result.Scenario.Doses)
        {
            var route = d.Route.ToString().ToLowerInvariant() switch { "subcutaneous" => "sc", "intravenous" => "iv", var r => r };
            foreach (var t in d.Times().Where(t => t <= result.Scenario.Days + 1e-9))
                marks.Add(new DoseMark(SummaryJson.Round(t), d.Drug, d.Amount, DoseUnits.Symbol(d.Unit), route, false));
        }
        if (result.Titration is { } log)
            marks.AddRange(log.Doses.Select(g => new DoseMark(SummaryJson.Round(g.Day), log.Drug, SummaryJson.Round(g.Amount), g.Unit, null, true)));
        return marks.OrderBy(m => m.Day).ToArray();
    }

    /// <summary>A value as timeseries.csv prints it, read back: the page and the CSV show the same numbers.</summary>
    public static double Number(double value) => double.Parse(TimeSeriesCsv.Number(value), CultureInfo.InvariantCulture);
}
