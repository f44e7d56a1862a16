using TpoSim.Scenarios;
using TpoSim.Units;

namespace TpoSim.Dosing;

/// <summary>
/// The CMT convention of TpoSim event tables. Doses name their route by CMT, so a table needs no drug-specific
/// compartment numbers (each PK model maps a route to its own compartment); observations name what DV measures.
/// </summary>
public enum EventTableCompartment
{
    /// <summary>CMT 1, EVID 1: oral dose (gut depot).</summary>
    Oral = 1,
    /// <summary>CMT 2, EVID 1: subcutaneous dose (SC depot).</summary>
    Subcutaneous = 2,
    /// <summary>CMT 3, EVID 1: intravenous bolus (central compartment).</summary>
    Intravenous = 3,
    /// <summary>CMT 4, EVID 0: platelet count, DV in 10^9/L.</summary>
    Platelets = 4,
    /// <summary>CMT 5, EVID 0: plasma TPO, DV in pg/mL.</summary>
    Tpo = 5,
    /// <summary>CMT 6, EVID 0: plasma drug concentration, DV in ng/mL.</summary>
    DrugConcentration = 6,
}

/// <summary>What an observation measures.</summary>
public enum ObservationKind
{
    /// <summary>Platelet count, 10^9/L (CMT 4).</summary>
    Platelets,
    /// <summary>Plasma TPO, pg/mL (CMT 5).</summary>
    Tpo,
    /// <summary>Plasma drug concentration, ng/mL (CMT 6).</summary>
    DrugConcentration,
}

/// <summary>A dosing record of one subject, from one row of an event table.</summary>
/// <param name="SubjectId">The ID column.</param>
/// <param name="Record">The dose (time in days; ii in days; addl).</param>
/// <param name="Row">1-based data row it came from (0 when built in code).</param>
public sealed record SubjectDosingRecord(string SubjectId, DosingRecord Record, int Row = 0);

/// <summary>One observation (EVID 0 row).</summary>
/// <param name="SubjectId">The ID column.</param>
/// <param name="TimeDays">Time, days.</param>
/// <param name="Kind">What DV measures (from CMT).</param>
/// <param name="Value">DV in <see cref="Unit"/>.</param>
/// <param name="Row">1-based data row it came from (0 when built in code).</param>
public sealed record Observation(string SubjectId, double TimeDays, ObservationKind Kind, double Value, int Row = 0)
{
    /// <summary>Unit of <see cref="Value"/>.</summary>
    public string Unit => EventTableFormat.ObservationUnit(Kind);
}

/// <summary>The content of an event table: doses, observations and every problem found (empty when valid).</summary>
/// <param name="Doses">Dosing records (EVID 1), in file order.</param>
/// <param name="Observations">Observations (EVID 0), in file order.</param>
/// <param name="Errors">Every problem: file, row and column, what is wrong and what is allowed.</param>
public sealed record EventTable(IReadOnlyList<SubjectDosingRecord> Doses, IReadOnlyList<Observation> Observations, IReadOnlyList<Input.InputProblem> Errors)
{
    /// <summary>True when no problem was found.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Subject IDs in order of first appearance.</summary>
    public IReadOnlyList<string> SubjectIds =>
        Doses.Select(d => (d.Row, d.SubjectId)).Concat(Observations.Select(o => (o.Row, o.SubjectId)))
            .OrderBy(x => x.Row).Select(x => x.SubjectId).Distinct().ToArray();

    /// <summary>The doses of one subject, expanded and sorted by time.</summary>
    public IReadOnlyList<Dose> DosesOf(string subjectId) =>
        DosingRecord.ExpandAll(Doses.Where(d => d.SubjectId == subjectId).Select(d => d.Record));
}

/// <summary>
/// The format of TpoSim event tables (NONMEM-style CSV): columns ID, TIME, AMT, EVID, CMT, II, ADDL, DV; TIME and II in
/// HOURS (the pharmacometric convention), converted to model days only by <see cref="HoursToDays"/>; AMT in a unit the
/// caller states (mg, µg or µg/kg); CMT as in <see cref="EventTableCompartment"/>; "" or "." for a value that does not apply.
/// </summary>
public static class EventTableFormat
{
    /// <summary>Column names, in the order the writer uses (the reader accepts any order and ignores extra columns).</summary>
    public static IReadOnlyList<string> Columns { get; } = ["ID", "TIME", "AMT", "EVID", "CMT", "II", "ADDL", "DV"];

    /// <summary>Time unit of TIME and II.</summary>
    public const string TimeUnit = "h";

    /// <summary>Largest TIME accepted, hours (20 years).</summary>
    public const double MaxTimeHours = 20 * 365 * 24;

    /// <summary>Largest II accepted, hours (one year).</summary>
    public const double MaxIntervalHours = 365 * 24;

    /// <summary>Largest AMT accepted, in the table's amount unit (a typo guard).</summary>
    public const double MaxAmount = 1e6;

    /// <summary>Largest ADDL accepted.</summary>
    public const int MaxAdditionalDoses = DosingRecord.MaxDoses - 1;

    /// <summary>The one place table time becomes model time: hours → days.</summary>
    public static double HoursToDays(double hours) => TpoUnits.HoursToDays(hours);

    /// <summary>Model days → table hours (the writer).</summary>
    public static double DaysToHours(double days) => TpoUnits.DaysToHours(days);

    /// <summary>The CMT of a dose by <paramref name="route"/>.</summary>
    public static EventTableCompartment DoseCompartment(Route route) => route switch
    {
        Route.Oral => EventTableCompartment.Oral,
        Route.Subcutaneous => EventTableCompartment.Subcutaneous,
        Route.Intravenous => EventTableCompartment.Intravenous,
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, "Unknown route."),
    };

    /// <summary>The CMT of an observation of <paramref name="kind"/>.</summary>
    public static EventTableCompartment ObservationCompartment(ObservationKind kind) => kind switch
    {
        ObservationKind.Platelets => EventTableCompartment.Platelets,
        ObservationKind.Tpo => EventTableCompartment.Tpo,
        ObservationKind.DrugConcentration => EventTableCompartment.DrugConcentration,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown observation kind."),
    };

    /// <summary>Unit of DV for <paramref name="kind"/>.</summary>
    public static string ObservationUnit(ObservationKind kind) => kind switch
    {
        ObservationKind.Platelets => "10^9/L",
        ObservationKind.Tpo => "pg/mL",
        ObservationKind.DrugConcentration => "ng/mL",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown observation kind."),
    };

    /// <summary>Largest DV accepted for <paramref name="kind"/> (typo guards: 5000 ×10^9/L platelets, 10^6 pg/mL TPO, 10^7 ng/mL drug).</summary>
    public static double MaxObservation(ObservationKind kind) => kind switch
    {
        ObservationKind.Platelets => 5000,
        ObservationKind.Tpo => 1e6,
        ObservationKind.DrugConcentration => 1e7,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown observation kind."),
    };
}
