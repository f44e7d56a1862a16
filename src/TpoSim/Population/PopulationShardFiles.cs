using System.Globalization;
using System.Text;
using TpoSim.Simulation;

namespace TpoSim.Population;

/// <summary>
/// The mergeable data of a population shard: manifest.json (<see cref="PopulationManifest"/>), shard-subjects.csv (each
/// enrolled subject's reduced outcome per arm, every number round-trip "R") and shard-histograms.csv (the non-zero
/// counters of each arm's platelet and TPO log-histograms). A subject's covariates and parameters are not stored: the
/// merge draws them again from (seed, slot, attempt), which gives the same bits. <see cref="Read"/> gives back the
/// <see cref="PopulationPartial"/> the shard computed, so merged files equal a one-machine run's byte for byte.
/// </summary>
public static class PopulationShardFiles
{
    /// <summary>File name of the subject rows.</summary>
    public const string SubjectsFileName = "shard-subjects.csv";

    /// <summary>File name of the histogram counters.</summary>
    public const string HistogramsFileName = "shard-histograms.csv";

    private const string SubjectsHeader =
        "arm,slot,attempt,status,screeningMean,lastDayPlatelets,endpointHits,hasSummary,baselinePlatelets,baselineTpo,nadir,nadirDay,peak,peakDay," +
        "weeklyResponses,durable,transient,rescueWeeks,everAtLeastThreshold,daysToThreshold,daysAtLeastThreshold,timeInRange,eventsAbove,meanWeeklyDose,doseUnit,diagnostic";

    private static readonly int SubjectColumns = SubjectsHeader.Split(',').Length;

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>The manifest of <paramref name="partial"/> as shard <paramref name="index"/>/<paramref name="count"/> of a run of <paramref name="file"/>.</summary>
    public static PopulationManifest ManifestFor(PopulationPartial partial, int index, int count, string file, string fileText, long seed, double relativeTolerance, string? solver)
    {
        ArgumentNullException.ThrowIfNull(partial);
        ArgumentNullException.ThrowIfNull(fileText);
        var arms = partial.Definition.Arms is { } a ? a.Select(x => x.Name).ToArray() : [""];
        return new PopulationManifest(Output.Files.RunProvenance.TpoSimBuild, Path.GetFullPath(file), PopulationManifest.HashOf(fileText), partial.Definition.Name,
            seed, partial.Subjects, index, count, partial.Slots, relativeTolerance, solver, partial.Screened,
            new Dictionary<string, int>(partial.Reducers[0].ScreenFailures), partial.Reducers[0].Subjects.Count,
            arms.Select((name, k) => (name, partial.Reducers[k].PlateletHistogram.Count)).ToArray());
    }

    /// <summary>Writes manifest.json, shard-subjects.csv and shard-histograms.csv into <paramref name="directory"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(PopulationPartial partial, PopulationManifest manifest, string directory)
    {
        ArgumentNullException.ThrowIfNull(partial);
        ArgumentNullException.ThrowIfNull(manifest);
        Directory.CreateDirectory(directory);
        var subjects = Path.Combine(directory, SubjectsFileName);
        using (var w = new StreamWriter(subjects, false, new UTF8Encoding(false)))
        {
            w.Write(SubjectsHeader);
            w.Write('\n');
            var sb = new StringBuilder();
            for (var a = 0; a < partial.Reducers.Count; a++)
            {
                foreach (var s in partial.Reducers[a].Subjects)
                {
                    sb.Clear();
                    sb.Append(I(a)).Append(',').Append(I(s.Draw.Index)).Append(',').Append(I(s.Draw.Attempt)).Append(',').Append(PopulationFiles.StatusText(s.Status))
                      .Append(',').Append(R(s.ScreeningMeanPlatelets)).Append(',').Append(R(s.LastDayPlatelets))
                      .Append(',').Append(s.EndpointHits is { } hits ? string.Concat(hits.Select(h => h ? '1' : '0')) : "-");
                    if (s.Summary is { } m)
                    {
                        var r = m.Response;
                        sb.Append(",1,").Append(R(m.BaselinePlatelets)).Append(',').Append(R(m.BaselineTpoPgPerMl))
                          .Append(',').Append(R(m.Nadir.Value)).Append(',').Append(R(m.Nadir.Day)).Append(',').Append(R(m.Peak.Value)).Append(',').Append(R(m.Peak.Day))
                          .Append(',').Append(I(r.WeeklyResponses)).Append(',').Append(r.Durable ? '1' : '0').Append(',').Append(r.Transient ? '1' : '0')
                          .Append(',').Append(I(r.RescueWeeks)).Append(',').Append(r.EverAtLeastThreshold ? '1' : '0')
                          .Append(',').Append(R(r.DaysToThreshold)).Append(',').Append(R(r.DaysAtLeastThreshold)).Append(',').Append(R(r.TimeInRange))
                          .Append(',').Append(I(r.EventsAbove)).Append(',').Append(R(r.MeanWeeklyDose)).Append(',').Append(r.DoseUnit);
                    }
                    else sb.Append(",0").Append(',', 17);
                    // The diagnostic is one line (the runner flattens it) and the last column, so it needs no quoting.
                    sb.Append(',').Append(s.Diagnostic).Append('\n');
                    w.Write(sb);
                }
            }
        }
        var histograms = Path.Combine(directory, HistogramsFileName);
        using (var w = new StreamWriter(histograms, false, new UTF8Encoding(false)))
        {
            w.Write("arm,quantity,point,slot,count\n");
            for (var a = 0; a < partial.Reducers.Count; a++)
            {
                foreach (var (name, h) in new[] { ("platelets", partial.Reducers[a].PlateletHistogram), ("tpo", partial.Reducers[a].TpoHistogram) })
                    foreach (var (point, slot, count) in h.NonZeroCounts())
                        w.Write($"{I(a)},{name},{I(point)},{I(slot)},{I(count)}\n");
            }
        }
        var manifestPath = Path.Combine(directory, PopulationManifest.FileName);
        // The manifest last: a folder with a manifest is a complete shard.
        File.WriteAllText(manifestPath, manifest.Json(), new UTF8Encoding(false));
        return [manifestPath, subjects, histograms];
    }

    /// <summary>
    /// Reads the shard in <paramref name="directory"/> (its manifest already parsed) back into the partial result it was
    /// written from, for <paramref name="definition"/> (the manifest's file, checked by hash by the caller); the first
    /// problem as a one-line "file: row n: message".
    /// </summary>
    public static (PopulationPartial? Partial, string? Error) Read(string directory, PopulationManifest manifest, PopulationDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(definition);
        var arms = definition.Arms?.Count ?? 1;
        var manifestPath = Path.Combine(directory, PopulationManifest.FileName);
        var names = definition.Arms is { } a ? a.Select(x => x.Name).ToArray() : [""];
        if (!manifest.ArmSeries.Select(x => x.Arm).SequenceEqual(names)) return (null, $"{manifestPath}: arms: [{string.Join(", ", manifest.ArmSeries.Select(x => x.Arm))}] are not the file's arms");
        var sampler = new SubjectSampler(definition, manifest.Seed);
        var grid = Simulator.Grid(definition.BaseScenario.Days, definition.BaseScenario.OutputStepDays);
        var runs = definition.Arms is { } armList ? armList.Select(definition.ForArm).ToArray() : [definition];

        var subjectsPath = Path.Combine(directory, SubjectsFileName);
        if (!Input.InputFile.TryReadText(subjectsPath, out var csv, out var problem)) return (null, $"{subjectsPath}: cannot read: {problem}");
        var lines = csv.Split('\n');
        if (lines.Length == 0 || lines[0] != SubjectsHeader) return (null, $"{subjectsPath}: row 1: not a population shard's subject table");
        var outcomes = Enumerable.Range(0, arms).Select(_ => new List<SubjectOutcome>()).ToArray();
        var draws = new Dictionary<(int, int), (SubjectDraw, string?)>();
        for (var n = 1; n < lines.Length; n++)
        {
            if (lines[n].Length == 0) continue;
            var c = lines[n].Split(',', SubjectColumns);
            string Where() => $"{subjectsPath}: row {n + 1}";
            if (c.Length != SubjectColumns) return (null, $"{Where()}: expected {SubjectColumns} columns, found {c.Length}");
            if (!int.TryParse(c[0], NumberStyles.None, CultureInfo.InvariantCulture, out var arm) || arm >= arms
                || !int.TryParse(c[1], NumberStyles.None, CultureInfo.InvariantCulture, out var slot) || slot < manifest.Slots.From || slot >= manifest.Slots.To
                || !int.TryParse(c[2], NumberStyles.None, CultureInfo.InvariantCulture, out var attempt))
                return (null, $"{Where()}: arm, slot or attempt is not a whole number in range (slots {manifest.Slots.From}–{manifest.Slots.To - 1})");
            SubjectStatus? status = c[3] switch { "ok" => SubjectStatus.Ok, "out-of-range" => SubjectStatus.OutOfRange, "solver-failure" => SubjectStatus.SolverFailure, "error" => SubjectStatus.Error, _ => null };
            if (status is null) return (null, $"{Where()}: status: '{c[3]}' is not ok, out-of-range, solver-failure or error");
            var bad = false;
            double D(int k) { if (!double.TryParse(c[k], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) bad = true; return v; }
            int W(int k) { if (!int.TryParse(c[k], NumberStyles.None, CultureInfo.InvariantCulture, out var v)) bad = true; return v; }
            bool B(int k) { if (c[k] is not ("0" or "1")) bad = true; return c[k] == "1"; }
            var screeningMean = D(4);
            var lastDay = D(5);
            IReadOnlyList<bool>? hits = c[6] == "-" ? null : c[6].Select(ch => ch == '1').ToArray();
            if (c[6] != "-" && c[6].Any(ch => ch is not ('0' or '1'))) bad = true;
            SubjectSummary? summary = null;
            if (B(7))
            {
                var response = new SubjectResponse(W(14), B(15), B(16), W(17), B(18), D(19), D(20), D(21), W(22), D(23), c[24]);
                summary = new SubjectSummary(D(8), D(9), new DayValue(D(10), D(11)), new DayValue(D(12), D(13)), response);
            }
            if (bad) return (null, $"{Where()}: a number or flag does not parse");
            if (!draws.TryGetValue((slot, attempt), out var drawn)) draws[(slot, attempt)] = drawn = PopulationRunner.DrawCandidate(definition, sampler, slot, attempt);
            outcomes[arm].Add(new SubjectOutcome(drawn.Item1, status.Value, c[25], summary)
            {
                Subject = outcomes[arm].Count,
                ScreeningMeanPlatelets = screeningMean,
                LastDayPlatelets = lastDay,
                EndpointHits = hits,
            });
        }
        if (outcomes.Any(o => o.Count != manifest.Enrolled)) return (null, $"{subjectsPath}: expected {manifest.Enrolled} subjects in every arm, found {string.Join(", ", outcomes.Select(o => o.Count))}");

        var histogramsPath = Path.Combine(directory, HistogramsFileName);
        if (!Input.InputFile.TryReadText(histogramsPath, out var hcsv, out problem)) return (null, $"{histogramsPath}: cannot read: {problem}");
        var counts = Enumerable.Range(0, 2 * arms).Select(_ => new List<(int, int, int)>()).ToArray();
        var hlines = hcsv.Split('\n');
        if (hlines[0] != "arm,quantity,point,slot,count") return (null, $"{histogramsPath}: row 1: not a population shard's histogram table");
        for (var n = 1; n < hlines.Length; n++)
        {
            if (hlines[n].Length == 0) continue;
            var c = hlines[n].Split(',');
            if (c.Length != 5 || !int.TryParse(c[0], NumberStyles.None, CultureInfo.InvariantCulture, out var arm) || arm >= arms || c[1] is not ("platelets" or "tpo")
                || !int.TryParse(c[2], NumberStyles.None, CultureInfo.InvariantCulture, out var point) || !int.TryParse(c[3], NumberStyles.None, CultureInfo.InvariantCulture, out var slot)
                || !int.TryParse(c[4], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                return (null, $"{histogramsPath}: row {n + 1}: expected arm,quantity,point,slot,count");
            counts[2 * arm + (c[1] == "tpo" ? 1 : 0)].Add((point, slot, count));
        }
        var reducers = new PopulationReducer[arms];
        for (var k = 0; k < arms; k++)
        {
            var series = manifest.ArmSeries[k].Series;
            var platelets = LogHistogramQuantiles.FromCounts(grid.Length, series, counts[2 * k]);
            var tpo = LogHistogramQuantiles.FromCounts(grid.Length, series, counts[2 * k + 1]);
            if (platelets is null || tpo is null) return (null, $"{histogramsPath}: arm {k}: counters do not add up to {series} series at each of {grid.Length} output points");
            reducers[k] = PopulationReducer.Restore(runs[k], sampler.Typical, grid, platelets, tpo, outcomes[k], manifest.ScreenFailures);
        }
        return (new PopulationPartial(definition, manifest.Subjects, manifest.Slots, reducers, manifest.Screened), null);
    }
}
