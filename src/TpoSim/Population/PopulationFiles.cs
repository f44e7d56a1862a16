using System.Globalization;
using System.Text;
using TpoSim.Output.Charts;
using TpoSim.Output.Files;

namespace TpoSim.Population;

/// <summary>Writes bands.csv, subjects.csv, metrics.json and bands.svg for a population run.</summary>
public static class PopulationFiles
{
    private static string F(double v) => InvariantNumber.G10(v);

    /// <summary>
    /// Writes the four files to <paramref name="directory"/> (created if needed) and, with arms, each arm's bands.csv and
    /// subjects.csv to arms/NAME/; returns their paths.
    /// </summary>
    public static IReadOnlyList<string> WriteAll(PopulationResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        var bands = Path.Combine(directory, "bands.csv");
        var subjects = Path.Combine(directory, "subjects.csv");
        var svg = Path.Combine(directory, "bands.svg");
        var metrics = Path.Combine(directory, "metrics.json");
        File.WriteAllText(bands, BandsCsv(result));
        // Row by row to the file: at 100,000 subjects the whole table as one string would be ≈ 60 MB more at the peak.
        using (var writer = new StreamWriter(subjects, false, new UTF8Encoding(false))) WriteSubjectsCsv(result, writer);
        File.WriteAllText(metrics, PopulationMetrics.Json(result));
        SvgChartRenderer.Save(Chart(result), svg);
        if (result.Arms is not { } arms) return [bands, subjects, metrics, svg];
        // With arms the top-level files are the first arm's; every arm's own bands and subjects go to arms/NAME/.
        var written = new List<string> { bands, subjects, metrics, svg };
        foreach (var arm in arms)
        {
            var folder = Path.Combine(directory, "arms", arm.Arm.Name);
            Directory.CreateDirectory(folder);
            var armBands = Path.Combine(folder, "bands.csv");
            var armSubjects = Path.Combine(folder, "subjects.csv");
            File.WriteAllText(armBands, BandsCsv(arm.Result));
            using (var writer = new StreamWriter(armSubjects, false, new UTF8Encoding(false))) WriteSubjectsCsv(arm.Result, writer);
            written.Add(armBands);
            written.Add(armSubjects);
        }
        return written;
    }

    /// <summary>One row per output day: day, platelet p5…p95 (10⁹/L), free TPO p5…p95 (pg/mL), over successful subjects.</summary>
    public static string BandsCsv(PopulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        var ps = PopulationResult.Percentiles.Select(p => p.ToString("0", CultureInfo.InvariantCulture)).ToArray();
        sb.Append("day,").Append(string.Join(",", ps.Select(p => "platelets_p" + p))).Append(',')
          .Append(string.Join(",", ps.Select(p => "tpo_p" + p))).Append('\n');
        for (var i = 0; i < result.Days.Count; i++)
        {
            sb.Append(F(result.Days[i]));
            foreach (var band in result.PlateletBands) sb.Append(',').Append(F(band[i]));
            foreach (var band in result.TpoBands) sb.Append(',').Append(F(band[i]));
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>
    /// One row per enrolled subject: enrolment number, candidate (subject slot) and, with inclusion criteria, the screening
    /// attempt admitted, covariates, sampled parameters, draws, status,
    /// baseline platelets and TPO, nadir, peak, the response metrics and the failure diagnostic.
    /// </summary>
    public static string SubjectsCsv(PopulationResult result)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteSubjectsCsv(result, writer);
        return writer.ToString();
    }

    /// <summary>Writes <see cref="SubjectsCsv"/>'s table to <paramref name="writer"/> one row at a time (the same characters).</summary>
    public static void WriteSubjectsCsv(PopulationResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var sb = new StringBuilder();
        // With inclusion criteria a slot screens several candidates: the attempt admitted is a column then (files without
        // screening keep their bytes, candidate = slot = stream).
        var screened = result.Definition.Inclusion is not null;
        sb.Append("subject,candidate,").Append(screened ? "attempt," : "").Append("sex,weightKg,eastAsian,childPugh,splenectomised");
        foreach (var v in result.Definition.Variability) sb.Append(',').Append(v.Parameter);
        // The screening mean is a column only when the file screens on several counts (other files keep their bytes).
        var screening = result.Definition.Inclusion?.Screening is not null;
        sb.Append(",draws,status,").Append(screening ? "screeningMean," : "").Append("baselinePlatelets,baselineTpo,nadir,nadirDay,peak,peakDay,timeIn50to200,everAtLeast50,daysTo50,daysAtLeast50,")
          .Append("weeklyResponses,durableResponse,overallResponse,rescueWeeks,eventsAbove400,meanWeeklyDose,doseUnit,diagnostic\n");
        foreach (var s in result.Subjects)
        {
            writer.Write(sb);
            sb.Clear();
            var d = s.Draw;
            sb.Append(s.Subject.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(d.Index.ToString(CultureInfo.InvariantCulture)).Append(',');
            if (screened) sb.Append(d.Attempt.ToString(CultureInfo.InvariantCulture)).Append(',');
            sb.Append(d.Patient.Sex == Physiology.Sex.Male ? "male" : "female").Append(',')
              .Append(F(d.Patient.BodyWeightKg)).Append(',')
              .Append(d.Patient.EastAsian ? "1" : "0").Append(',')
              .Append(d.ChildPugh ?? "").Append(',')
              .Append(d.Splenectomised is { } sp ? (sp ? "1" : "0") : "");
            for (var i = 0; i < result.Definition.Variability.Count; i++)
                sb.Append(',').Append(i < d.Parameters.Count ? F(d.Parameters[i]) : "");
            sb.Append(',').Append(d.Draws.ToString(CultureInfo.InvariantCulture)).Append(',').Append(StatusText(s.Status));
            if (screening) sb.Append(',').Append(F(s.ScreeningMeanPlatelets));
            if (s.Summary is { } m)
            {
                var r = m.Response;
                sb.Append(',').Append(F(m.BaselinePlatelets)).Append(',').Append(F(m.BaselineTpoPgPerMl))
                  .Append(',').Append(F(m.Nadir.Value)).Append(',').Append(F(m.Nadir.Day))
                  .Append(',').Append(F(m.Peak.Value)).Append(',').Append(F(m.Peak.Day))
                  .Append(',').Append(F(r.TimeInRange)).Append(',').Append(r.EverAtLeastThreshold ? "1" : "0")
                  .Append(',').Append(F(r.DaysToThreshold)).Append(',').Append(F(r.DaysAtLeastThreshold))
                  .Append(',').Append(r.WeeklyResponses.ToString(CultureInfo.InvariantCulture))
                  .Append(',').Append(r.Durable ? "1" : "0").Append(',').Append(r.Overall ? "1" : "0")
                  .Append(',').Append(r.RescueWeeks.ToString(CultureInfo.InvariantCulture))
                  .Append(',').Append(r.EventsAbove.ToString(CultureInfo.InvariantCulture))
                  .Append(',').Append(F(r.MeanWeeklyDose)).Append(',').Append(r.DoseUnit);
            }
            else sb.Append(',', 17);
            sb.Append(',').Append(Quote(s.Diagnostic)).Append('\n');
        }
        writer.Write(sb);
    }

    /// <summary>The status as written in subjects.csv: ok, out-of-range, solver-failure, error.</summary>
    public static string StatusText(SubjectStatus status) => status switch
    {
        SubjectStatus.Ok => "ok",
        SubjectStatus.OutOfRange => "out-of-range",
        SubjectStatus.SolverFailure => "solver-failure",
        _ => "error",
    };

    /// <summary>Two panels (platelets, free TPO): the median line over the 25–75 and 5–95 percentile bands.</summary>
    public static TimeSeriesChart Chart(PopulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        ChartPanel Panel(string label, IReadOnlyList<double[]> b, string color) =>
            new(label, result.Succeeded == 0 ? [] : [new ChartSeries("median", result.Days, b[2]) { Color = color }])
            {
                FillBands = result.Succeeded == 0 ? [] :
                [
                    new FillBand("5th–95th percentile", result.Days, b[0], b[4]) { Color = color, Opacity = 0.15 },
                    new FillBand("25th–75th percentile", result.Days, b[1], b[3]) { Color = color, Opacity = 0.3 },
                ],
                IncludeZero = true,
            };
        return new TimeSeriesChart(result.Definition.Name, "day",
        [
            Panel("platelets (10⁹/L)", result.PlateletBands, "#1f77b4"),
            Panel("free TPO (pg/mL)", result.TpoBands, "#d62728"),
        ])
        {
            Subtitle = $"{result.Succeeded} of {result.Subjects.Count} subjects simulated; median with 25–75 and 5–95 percentile bands (log-histogram, ≤ 0.5% error)",
        };
    }

    private static string Quote(string text) =>
        text.Length == 0 ? "" : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
