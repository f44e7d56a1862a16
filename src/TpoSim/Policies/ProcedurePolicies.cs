using TpoSim.Scenarios;

namespace TpoSim.Policies;

/// <summary>
/// Avatrombopag before a procedure in chronic liver disease: one check at the start chooses the daily dose for
/// days 1–5 by the baseline count (60 mg if &lt; 40 ×10^9/L, 40 mg if 40 to &lt; 50, none if ≥ 50: not indicated).
/// </summary>
public sealed class AvatrombopagCldPolicy : ITitrationPolicy
{
    private bool _decided;
    private double _dose;

    /// <inheritdoc />
    public string Name => "avatrombopag-cld-label";
    /// <inheritdoc />
    public string Drug => "avatrombopag";
    /// <inheritdoc />
    public Route Route => Route.Oral;
    /// <inheritdoc />
    public DoseUnit Unit => DoseUnit.Milligram;
    /// <inheritdoc />
    public double CurrentDose => _dose;
    /// <inheritdoc />
    public bool WantsInterimCheck => false;

    /// <inheritdoc />
    public double DoseOn(double titrationDay) => _dose;

    /// <inheritdoc />
    public string Regimen => !_decided ? "" : _dose > 0 ? $"{_dose:G} mg daily" : "none";

    /// <inheritdoc />
    public Decision Decide(double day, double measuredPlatelets)
    {
        string branch, action;
        if (_decided) (branch, action) = ("dose fixed by baseline", "keep");
        else
        {
            _decided = true;
            (branch, action, _dose) = measuredPlatelets switch
            {
                < 40 => ("baseline < 40", "start", 60.0),
                < 50 => ("baseline 40–50", "start", 40.0),
                _ => ("baseline ≥ 50: not indicated", "none", 0.0),
            };
        }
        return new Decision(day, measuredPlatelets, branch, action, _dose, "mg", Regimen);
    }
}

/// <summary>
/// Lusutrombopag before a procedure (3 mg daily for 7 days), with the L-PLUS 2 early stop: dosing ends once the
/// count is ≥ 50 ×10^9/L and has risen by ≥ 20 from the first (baseline) check.
/// </summary>
public sealed class LusutrombopagEarlyStopPolicy : ITitrationPolicy
{
    private double? _baseline;
    private bool _stopped;

    /// <summary>A policy giving <paramref name="dailyDoseMg"/> (label 3 mg) until the early-stop criterion holds.</summary>
    public LusutrombopagEarlyStopPolicy(double dailyDoseMg = 3) => DailyDoseMg = dailyDoseMg;

    /// <summary>The daily dose while dosing, mg.</summary>
    public double DailyDoseMg { get; }
    /// <inheritdoc />
    public string Name => "lusutrombopag-lplus2";
    /// <inheritdoc />
    public string Drug => "lusutrombopag";
    /// <inheritdoc />
    public Route Route => Route.Oral;
    /// <inheritdoc />
    public DoseUnit Unit => DoseUnit.Milligram;
    /// <inheritdoc />
    public double CurrentDose => _baseline is null || _stopped ? 0 : DailyDoseMg;
    /// <inheritdoc />
    public bool WantsInterimCheck => false;

    /// <inheritdoc />
    public double DoseOn(double titrationDay) => CurrentDose;

    /// <inheritdoc />
    public string Regimen => _baseline is null ? "" : _stopped ? "stopped" : $"{DailyDoseMg:G} mg daily";

    /// <inheritdoc />
    public Decision Decide(double day, double measuredPlatelets)
    {
        string branch, action;
        if (_stopped) (branch, action) = ("stopped", "none");
        else if (_baseline is null)
        {
            _baseline = measuredPlatelets;
            (branch, action) = ("baseline", "start");
        }
        else if (measuredPlatelets >= 50 && measuredPlatelets - _baseline.Value >= 20)
        {
            _stopped = true;
            (branch, action) = ("≥ 50 and rise ≥ 20", "stop");
        }
        else (branch, action) = ("criterion not met", "keep");
        return new Decision(day, measuredPlatelets, branch, action, CurrentDose, "mg", Regimen);
    }
}
