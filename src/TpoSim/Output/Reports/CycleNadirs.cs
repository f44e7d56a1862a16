using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Output.Reports;

/// <summary>The lowest platelet count of one chemotherapy cycle, on the output grid.</summary>
/// <param name="Regimen">Chemotherapy regimen name.</param>
/// <param name="Cycle">Cycle number, from 1 (counted over all chemotherapy courses in time order).</param>
/// <param name="StartDay">Day the cycle is given.</param>
/// <param name="EndDay">Day the next cycle is given, or the end of the run for the last one.</param>
/// <param name="Nadir">Lowest count (10^9/L) on the grid in [start, end) (the last cycle includes its end) and its day.</param>
public sealed record CycleNadir(string Regimen, int Cycle, double StartDay, double EndDay, DayValue Nadir);

/// <summary>The nadir of each chemotherapy cycle: what a haematologist reads off the count before the next cycle.</summary>
public static class CycleNadirs
{
    /// <summary>Each cycle given within the run, in time order; empty without chemotherapy.</summary>
    public static IReadOnlyList<CycleNadir> Of(SimulationResult result)
    {
        var starts = CycleStarts(result.Scenario).ToArray();
        var nadirs = new List<CycleNadir>(starts.Length);
        for (var k = 0; k < starts.Length; k++)
        {
            var (day, regimen) = starts[k];
            var last = k == starts.Length - 1;
            var end = last ? result.Scenario.Days : starts[k + 1].Day;
            DayValue? best = null;
            for (var i = 0; i < result.Days.Count; i++)
            {
                var t = result.Days[i];
                if (t < day || t > end || (!last && t >= end)) continue;
                var v = result.Outputs[i].PlateletsCirculating;
                if (best is null || v < best.Value.Value) best = new DayValue(v, t);
            }
            if (best is { } b) nadirs.Add(new CycleNadir(regimen, k + 1, day, end, b));
        }
        return nadirs;
    }

    /// <summary>(day, regimen) of every chemotherapy cycle that starts within the run, in time order.</summary>
    public static IEnumerable<(double Day, string Regimen)> CycleStarts(Scenario scenario) =>
        scenario.Events.OfType<Chemotherapy>()
            .SelectMany(c => Enumerable.Range(0, c.Cycles).Select(k => (Day: c.Day + k * c.EveryDays, Regimen: c.Regimen.Name)))
            .Where(c => c.Day <= scenario.Days)
            .OrderBy(c => c.Day);
}
