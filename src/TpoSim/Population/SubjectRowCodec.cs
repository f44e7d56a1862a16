using TpoSim.Physiology;

namespace TpoSim.Population;

/// <summary>
/// The binary form of one reduced subject row (<see cref="SubjectOutcome"/> without its series): what
/// <see cref="SubjectRows"/> spills to disk. Doubles are written as their 8 bytes, so a row read back equals the row
/// written to the bit, and every output computed from spilled rows is the one computed from rows in memory (a test holds
/// the files of both equal byte for byte).
/// </summary>
internal static class SubjectRowCodec
{
    /// <summary>Writes <paramref name="row"/>; its series must already be dropped (the reducer drops them).</summary>
    public static void Write(BinaryWriter w, SubjectOutcome row)
    {
        w.Write(row.Subject);
        w.Write((byte)row.Status);
        w.Write(row.Diagnostic);
        w.Write(row.LastDayPlatelets);
        w.Write(row.ScreeningMeanPlatelets);
        WriteBools(w, row.EndpointHits);

        var d = row.Draw;
        w.Write(d.Index);
        w.Write(d.Attempt);
        w.Write(d.Draws);
        w.Write(d.InRange);
        WriteString(w, d.ChildPugh);
        w.Write((sbyte)(d.Splenectomised is { } s ? (s ? 1 : 0) : -1));
        w.Write(d.ModelSeed.HasValue);
        if (d.ModelSeed is { } seed) w.Write(seed);
        w.Write(d.Parameters.Count);
        foreach (var p in d.Parameters) w.Write(p);
        var patient = d.Patient;
        w.Write(patient.BodyWeightKg);
        w.Write((byte)patient.Sex);
        w.Write((byte)patient.AgeGroup);
        w.Write(patient.EastAsian);
        w.Write(patient.ChildPughScore.HasValue);
        if (patient.ChildPughScore is { } score) w.Write(score);

        w.Write(row.Summary is not null);
        if (row.Summary is not { } m) return;
        w.Write(m.BaselinePlatelets);
        w.Write(m.BaselineTpoPgPerMl);
        w.Write(m.Nadir.Value);
        w.Write(m.Nadir.Day);
        w.Write(m.Peak.Value);
        w.Write(m.Peak.Day);
        var r = m.Response;
        w.Write(r.WeeklyResponses);
        w.Write(r.Durable);
        w.Write(r.Transient);
        w.Write(r.RescueWeeks);
        w.Write(r.EverAtLeastThreshold);
        w.Write(r.DaysToThreshold);
        w.Write(r.DaysAtLeastThreshold);
        w.Write(r.TimeInRange);
        w.Write(r.EventsAbove);
        w.Write(r.MeanWeeklyDose);
        w.Write(r.DoseUnit);
    }

    /// <summary>Reads a row <see cref="Write"/> wrote. <paramref name="strings"/> shares equal strings (units, grades, diagnostics) between the rows of one pass.</summary>
    public static SubjectOutcome Read(BinaryReader r, Dictionary<string, string> strings)
    {
        var subject = r.ReadInt32();
        var status = (SubjectStatus)r.ReadByte();
        var diagnostic = Shared(r.ReadString(), strings);
        var lastDay = r.ReadDouble();
        var screeningMean = r.ReadDouble();
        var hits = ReadBools(r);

        var index = r.ReadInt32();
        var attempt = r.ReadInt32();
        var draws = r.ReadInt32();
        var inRange = r.ReadBoolean();
        var childPugh = ReadString(r, strings);
        var spleen = r.ReadSByte();
        int? modelSeed = r.ReadBoolean() ? r.ReadInt32() : null;
        var parameters = new double[r.ReadInt32()];
        for (var i = 0; i < parameters.Length; i++) parameters[i] = r.ReadDouble();
        var weight = r.ReadDouble();
        var sex = (Sex)r.ReadByte();
        var age = (AgeGroup)r.ReadByte();
        var eastAsian = r.ReadBoolean();
        double? score = r.ReadBoolean() ? r.ReadDouble() : null;
        var draw = new SubjectDraw(index, new Patient(weight, sex, age, eastAsian, score), parameters, draws, inRange)
        {
            Attempt = attempt,
            ChildPugh = childPugh,
            Splenectomised = spleen < 0 ? null : spleen == 1,
            ModelSeed = modelSeed,
        };

        SubjectSummary? summary = null;
        if (r.ReadBoolean())
        {
            var baseline = r.ReadDouble();
            var baselineTpo = r.ReadDouble();
            var nadir = new Simulation.DayValue(r.ReadDouble(), r.ReadDouble());
            var peak = new Simulation.DayValue(r.ReadDouble(), r.ReadDouble());
            var response = new SubjectResponse(r.ReadInt32(), r.ReadBoolean(), r.ReadBoolean(), r.ReadInt32(), r.ReadBoolean(), r.ReadDouble(),
                r.ReadDouble(), r.ReadDouble(), r.ReadInt32(), r.ReadDouble(), Shared(r.ReadString(), strings));
            summary = new SubjectSummary(baseline, baselineTpo, nadir, peak, response);
        }
        return new SubjectOutcome(draw, status, diagnostic, summary)
        {
            Subject = subject,
            LastDayPlatelets = lastDay,
            ScreeningMeanPlatelets = screeningMean,
            EndpointHits = hits,
        };
    }

    private static void WriteBools(BinaryWriter w, IReadOnlyList<bool>? values)
    {
        w.Write(values?.Count ?? -1);
        if (values is null) return;
        foreach (var v in values) w.Write(v);
    }

    private static bool[]? ReadBools(BinaryReader r)
    {
        var n = r.ReadInt32();
        if (n < 0) return null;
        var values = new bool[n];
        for (var i = 0; i < n; i++) values[i] = r.ReadBoolean();
        return values;
    }

    private static void WriteString(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        if (s is not null) w.Write(s);
    }

    private static string? ReadString(BinaryReader r, Dictionary<string, string> strings) => r.ReadBoolean() ? Shared(r.ReadString(), strings) : null;

    private static string Shared(string s, Dictionary<string, string> strings)
    {
        if (s.Length == 0) return "";
        if (strings.TryGetValue(s, out var kept)) return kept;
        // Diagnostics can differ from row to row; only a bounded number are shared.
        if (strings.Count < 256) strings[s] = s;
        return s;
    }
}
