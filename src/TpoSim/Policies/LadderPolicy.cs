using TpoSim.Scenarios;

namespace TpoSim.Policies;

/// <summary>
/// The thresholds of a dose-ladder rule (romiplostim, eltrombopag, avatrombopag in ITP, custom): below
/// <see cref="Low"/> go up a level, above <see cref="High"/> (up to <see cref="Hold"/>) go down, above
/// <see cref="Hold"/> withhold until the count is below <see cref="Resume"/>, then restart a level lower.
/// </summary>
/// <param name="Levels">Allowed doses per administration, ascending.</param>
/// <param name="Low">Count below which the dose goes up, 10^9/L.</param>
/// <param name="High">Count above which (and ≤ <paramref name="Hold"/>) the dose goes down, 10^9/L.</param>
/// <param name="Hold">Count above which dosing is withheld, 10^9/L.</param>
/// <param name="Resume">Count below which a withheld dose restarts a level lower, 10^9/L.</param>
/// <param name="HighChecksToReduce">Consecutive checks above <paramref name="High"/> before a reduction (romiplostim 2).</param>
/// <param name="MinDaysBetweenChanges">Days at a dose before it may go up or down (eltrombopag 14; romiplostim 0).</param>
/// <param name="NoResponseDaysAtMax">Stop when the count is still below <paramref name="Low"/> this many days after reaching the top level.</param>
/// <param name="StopIfHoldAtLowestAfterDays">Stop when above <paramref name="Hold"/> after this many days at the lowest level, or null.</param>
/// <param name="InterimChecksWhileHeld">Check twice as often while a dose is withheld (eltrombopag: twice weekly).</param>
/// <param name="Regimens">Weekly dosing pattern of each level (same length as <paramref name="Levels"/>, whose entries are
/// then each pattern's largest single amount), or null when every dose day gets the level's amount.</param>
/// <param name="Schedule">How often a uniform level is given, for the regimen text: "daily" or "weekly".</param>
public sealed record LadderRule(
    IReadOnlyList<double> Levels, double Low, double High, double Hold, double Resume,
    int HighChecksToReduce, double MinDaysBetweenChanges, double NoResponseDaysAtMax, double? StopIfHoldAtLowestAfterDays,
    bool InterimChecksWhileHeld = false, IReadOnlyList<WeeklyRegimen>? Regimens = null, string Schedule = "daily")
{
    /// <summary>Romiplostim in ITP: 1–10 µg/kg weekly in steps of 1; &gt; 200 twice → −1; &gt; 400 hold, resume below 200.</summary>
    public static LadderRule RomiplostimItp { get; } = new(
        Enumerable.Range(1, 10).Select(i => (double)i).ToArray(), 50, 200, 400, 200, 2, 0, 28, null, Schedule: "weekly");

    /// <summary>Eltrombopag in ITP: 12.5, 25, 50, 75 mg daily; 2 weeks per change; &gt; 400 stop (checked twice weekly), restart lower below 150.</summary>
    public static LadderRule EltrombopagItp { get; } = new([12.5, 25, 50, 75], 50, 200, 400, 150, 1, 14, 28, 14, InterimChecksWhileHeld: true);

    /// <summary>
    /// The six dose levels of avatrombopag in ITP (Doptelet US label, dose-level table for titration): 1 = 20 mg once
    /// weekly, 2 = 20 mg twice weekly, 3 = 20 mg three times weekly, 4 = 20 mg daily (the start), 5 = 40 mg three times
    /// weekly and 20 mg on the other four days, 6 = 40 mg daily. The label names no week days: assumed Mon/Wed/Fri
    /// (days 1, 3, 5) for three times, Mon/Thu (1, 4) for twice, Mon (1) for once weekly, day 1 being the first day of
    /// the titration; level 2's label alternative "40 mg once weekly" is not modelled.
    /// </summary>
    public static IReadOnlyList<WeeklyRegimen> AvatrombopagItpRegimens { get; } =
    [
        WeeklyRegimen.On(20, "mg", 0),
        WeeklyRegimen.On(20, "mg", 0, 3),
        WeeklyRegimen.On(20, "mg", 0, 2, 4),
        WeeklyRegimen.Daily(20, "mg"),
        new("40 mg 3×/week (days 1, 3, 5) + 20 mg on days 2, 4, 6, 7", [40, 20, 40, 20, 40, 20, 20]),
        WeeklyRegimen.Daily(40, "mg"),
    ];

    /// <summary>
    /// Avatrombopag in ITP (Doptelet label; drugs.md [unverified]): start at level 4 (20 mg daily); &lt; 50 after ≥ 2 weeks
    /// → up a level, 200–400 → down a level, each 2 weeks after the last change; &gt; 400 → stop, check twice weekly,
    /// restart a level lower once &lt; 150; discontinue if &lt; 50 after 4 weeks at 40 mg daily or &gt; 400 after 2 weeks at
    /// 20 mg once weekly. At the lowest level a count of 200–400 keeps the dose: the label has no level below it and
    /// discontinues only above 400.
    /// </summary>
    public static LadderRule AvatrombopagItp { get; } = new(
        AvatrombopagItpRegimens.Select(r => r.Largest).ToArray(), 50, 200, 400, 150, 1, 14, 28, 14, InterimChecksWhileHeld: true,
        Regimens: AvatrombopagItpRegimens);

    /// <summary>Romiplostim-like rule with free thresholds: levels step, 2·step, … up to maxDose.</summary>
    public static LadderRule Custom(double low, double high, double hold, double resume, double step, double maxDose)
    {
        var n = Math.Max(1, (int)Math.Floor(maxDose / step + 1e-9));
        return RomiplostimItp with { Levels = Enumerable.Range(1, n).Select(i => i * step).ToArray(), Low = low, High = high, Hold = hold, Resume = resume };
    }
}

/// <summary>A dose-ladder titration (<see cref="LadderRule"/>) as a state machine.</summary>
public sealed class LadderPolicy : ITitrationPolicy
{
    private readonly LadderRule _rule;
    private bool _started;
    private bool _held;
    private bool _stopped;
    private int _level;
    private int _highChecks;
    private double _lastChangeDay;
    private double? _topSinceDay;
    private bool _respondedAtTop;

    /// <summary>
    /// A policy following <paramref name="rule"/>, starting at <paramref name="startDose"/>: the highest level whose amount
    /// is at or below it (avatrombopag: 20 → level 4, 20 mg daily; 40 → level 6, 40 mg daily). When <paramref name="continuing"/>, the patient is already on that dose (a forecast continuing a history): the
    /// first check is a regular decision, and the dose counts as settled.
    /// </summary>
    public LadderPolicy(string name, string drug, Route route, DoseUnit unit, LadderRule rule, double startDose, bool continuing = false)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Levels.Count == 0) throw new ArgumentException("A ladder needs at least one level.", nameof(rule));
        if (rule.Regimens is { } regimens && regimens.Count != rule.Levels.Count)
            throw new ArgumentException("A ladder needs one weekly regimen per level.", nameof(rule));
        Name = name;
        Drug = drug;
        Route = route;
        Unit = unit;
        _rule = rule;
        _level = 0;
        for (var i = 0; i < rule.Levels.Count; i++)
        {
            if (rule.Levels[i] <= startDose + 1e-9) _level = i;
        }
        if (continuing)
        {
            _started = true;
            _lastChangeDay = double.NegativeInfinity;
        }
    }

    /// <inheritdoc />
    public string Name { get; }
    /// <inheritdoc />
    public string Drug { get; }
    /// <inheritdoc />
    public Route Route { get; }
    /// <inheritdoc />
    public DoseUnit Unit { get; }
    /// <inheritdoc />
    public double CurrentDose => !_started || _held || _stopped ? 0 : _rule.Levels[_level];
    /// <inheritdoc />
    public bool WantsInterimCheck => _held && _rule.InterimChecksWhileHeld;

    /// <inheritdoc />
    public double DoseOn(double titrationDay) => CurrentDose == 0 ? 0 : _rule.Regimens?[_level].AmountOn(titrationDay) ?? CurrentDose;

    /// <inheritdoc />
    public string Regimen => !_started ? "" : _stopped ? "stopped" : _held ? "held" :
        _rule.Regimens?[_level].Label ?? RegimenTexts.GetOrAdd((Level, Unit, _rule.Schedule), k => $"{k.Level:G} {Dosing.DoseUnits.Symbol(k.Unit)} {k.Schedule}");

    /// <summary>"2 µg/kg weekly" and the like, made once per level (every weekly decision of every subject names one).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(double Level, DoseUnit Unit, string Schedule), string> RegimenTexts = new();

    private double Level => _rule.Levels[_level];
    private bool AtTop => _level == _rule.Levels.Count - 1;

    /// <inheritdoc />
    public Decision Decide(double day, double measuredPlatelets)
    {
        var (branch, action) = Step(day, measuredPlatelets);
        _topSinceDay = AtTop && !_held && !_stopped ? _topSinceDay ?? day : null;
        _respondedAtTop = _topSinceDay is not null && (_respondedAtTop || measuredPlatelets >= _rule.Low);
        return new Decision(day, measuredPlatelets, branch, action, CurrentDose, Dosing.DoseUnits.Symbol(Unit), Regimen);
    }

    /// <summary>
    /// Branch texts of a rule ("&lt; 50", "&gt; 200, waiting"), made once per rule and kind: every weekly decision of every
    /// subject names one. The (static) lambda runs only the first time.
    /// </summary>
    private static string Text(LadderRule rule, int kind, Func<LadderRule, string> make)
    {
        var texts = BranchTexts.GetValue(rule, static _ => new string?[9]);
        return texts[kind] ??= make(rule);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<LadderRule, string?[]> BranchTexts = new();

    private (string Branch, string Action) Step(double day, double count)
    {
        var r = _rule;
        if (_stopped) return ("stopped", "none");
        if (!_started)
        {
            _started = true;
            _lastChangeDay = day;
            return ("start", "start");
        }
        var settled = day - _lastChangeDay >= r.MinDaysBetweenChanges - 1e-9;
        if (_held)
        {
            if (count >= r.Resume) return ("held", "hold");
            _held = false;
            _level = Math.Max(0, _level - 1);
            _lastChangeDay = day;
            return (Text(r, 0, static r => $"< {r.Resume:G} after hold"), "resume");
        }
        if (count > r.Hold)
        {
            _highChecks = 0;
            if (r.StopIfHoldAtLowestAfterDays is { } lowestDays && _level == 0 && day - _lastChangeDay >= lowestDays - 1e-9)
            {
                _stopped = true;
                return (Text(r, 1, static r => $"> {r.Hold:G} at lowest dose"), "stop");
            }
            _held = true;
            return (Text(r, 2, static r => $"> {r.Hold:G}"), "hold");
        }
        if (count > r.High)
        {
            _highChecks++;
            if (_highChecks < r.HighChecksToReduce) return ($"> {r.High:G} (check {_highChecks} of {r.HighChecksToReduce})", "keep");
            if (!settled) return (Text(r, 3, static r => $"> {r.High:G}, waiting"), "keep");
            _highChecks = 0;
            if (_level == 0) return (Text(r, 4, static r => $"> {r.High:G} at lowest dose"), "keep");
            _level--;
            _lastChangeDay = day;
            return (Text(r, 5, static r => $"> {r.High:G}"), "decrease");
        }
        _highChecks = 0;
        if (count < r.Low)
        {
            if (AtTop)
            {
                if (_topSinceDay is { } since && !_respondedAtTop && day - since >= r.NoResponseDaysAtMax - 1e-9)
                {
                    _stopped = true;
                    return ($"< {r.Low:G} after {r.NoResponseDaysAtMax:G} days at maximum", "stop");
                }
                return (Text(r, 6, static r => $"< {r.Low:G} at maximum"), "keep");
            }
            if (!settled) return (Text(r, 7, static r => $"< {r.Low:G}, waiting"), "keep");
            _level++;
            _lastChangeDay = day;
            return (Text(r, 8, static r => $"< {r.Low:G}"), "increase");
        }
        return ("in range", "keep");
    }
}
