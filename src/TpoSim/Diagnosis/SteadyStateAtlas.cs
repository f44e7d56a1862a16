using TpoSim.Conditions;
using TpoSim.Physiology;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Diagnosis;

/// <summary>
/// The steady-state curves of every condition preset a <see cref="Reading"/> covers, over evenly spaced severities,
/// for the default adult. Built once on first use (thread-safe, deterministic) and cached for the process.
/// </summary>
public sealed class SteadyStateAtlas
{
    /// <summary>Severities per curve: 0, 1/(n−1), …, 1.</summary>
    public const int SeverityCount = 33;

    private static readonly Lazy<SteadyStateAtlas> Shared = new(() => Build(SeverityCount), LazyThreadSafetyMode.ExecutionAndPublication);

    private SteadyStateAtlas(IReadOnlyList<SteadyStateCurve> curves, SteadyStatePoint healthy)
    {
        Curves = curves;
        Healthy = healthy;
    }

    /// <summary>The atlas of the default adult, computed on first access.</summary>
    public static SteadyStateAtlas Default => Shared.Value;

    /// <summary>One curve per preset (healthy first, a single point), in <see cref="ReadingInfo.All"/> order.</summary>
    public IReadOnlyList<SteadyStateCurve> Curves { get; }

    /// <summary>The healthy steady state.</summary>
    public SteadyStatePoint Healthy { get; }

    /// <summary>Builds an atlas with <paramref name="severities"/> severities per curve (at least 2).</summary>
    public static SteadyStateAtlas Build(int severities)
    {
        if (severities < 2) throw new ArgumentOutOfRangeException(nameof(severities), "At least two severities are needed.");
        var healthyLiver = HealthyLiverSynthesis();
        var healthy = SteadyState(ConditionCatalog.Healthy, 0, healthyLiver);
        var curves = new List<SteadyStateCurve>();
        foreach (var info in ReadingInfo.All)
        {
            foreach (var name in info.Conditions)
            {
                var def = ConditionCatalog.Get(name) ?? throw new InvalidOperationException($"Unknown preset '{name}'.");
                var points = name == ConditionCatalog.Healthy.Name
                    ? [healthy]
                    : Refine(def, Enumerable.Range(0, severities).Select(k => SteadyState(def, (double)k / (severities - 1), healthyLiver)).ToList(), healthyLiver);
                curves.Add(new SteadyStateCurve(name, def.Title, info.Reading, points));
            }
        }
        return new SteadyStateAtlas(curves, healthy);
    }

    /// <summary>Largest step in ln(platelets) or ln(TPO) between neighbouring points after refinement.</summary>
    public const double MaxLogStep = 0.08;

    /// <summary>Where the curve moves fast (marrow failure near severity 1), inserts midpoints until each step is below <see cref="MaxLogStep"/>.</summary>
    private static SteadyStatePoint[] Refine(ConditionDefinition def, List<SteadyStatePoint> points, double healthyLiver)
    {
        for (var i = 0; i < points.Count - 1;)
        {
            var (a, b) = (points[i], points[i + 1]);
            var step = Math.Max(Math.Abs(Math.Log(b.Platelets / a.Platelets)), Math.Abs(Math.Log(b.TpoPicomolar / a.TpoPicomolar)));
            if (step > MaxLogStep && b.Severity - a.Severity > 1.0 / 4096)
                points.Insert(i + 1, SteadyState(def, (a.Severity + b.Severity) / 2, healthyLiver));
            else i++;
        }
        return points.ToArray();
    }

    /// <summary>The steady state of preset <paramref name="condition"/> at <paramref name="severity"/> (default options, default adult).</summary>
    public static SteadyStatePoint SteadyState(ConditionDefinition condition, double severity)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return SteadyState(condition, severity, HealthyLiverSynthesis());
    }

    /// <summary>Hepatic TPO synthesis of the default adult at the set point, pM/day.</summary>
    private static double HealthyLiverSynthesis()
    {
        var plan = Simulator.Compile(RestingScenario([]));
        return plan.Model.Outputs(plan.DayZeroState, plan.DayZeroParameters).Sources.Liver;
    }

    private static SteadyStatePoint SteadyState(ConditionDefinition condition, double severity, double healthyLiver)
    {
        // Through the same compile step as every run, so the atlas's steady states are the day-0 states `simulate` starts from.
        var plan = Simulator.Compile(RestingScenario([new ConditionChoice(condition.Name, severity, new Dictionary<string, double>())]));
        if (plan.DayZeroFailure is { } failure) throw new InvalidOperationException($"No steady state for {condition.Name} at severity {severity:0.###}: {failure}");
        var o = plan.Model.Outputs(plan.DayZeroState, plan.DayZeroParameters);
        return new SteadyStatePoint(severity, o.PlateletsCirculating, o.TpoFreePicomolar, o.MegakaryocyteMassRelative, o.MeanPlateletLifespanDays,
            o.Sources.Liver / healthyLiver);
    }

    /// <summary>The default adult with <paramref name="conditions"/>, no doses and no events, read at day 0 only.</summary>
    private static Scenario RestingScenario(IReadOnlyList<ConditionChoice> conditions) =>
        new("steady-state atlas", "day-0 steady state", new Patient(), conditions, new Dictionary<string, double>(), 0, 1, null, [], []);
}
