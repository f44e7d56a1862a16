using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using TpoSim.Population;
using TpoSim.Scenarios;

namespace TpoSim.Cli.Commands;

/// <summary><c>tposim population SCENARIO_OR_POPULATION --subjects N --seed S --out DIR [--threads K]</c>.</summary>
public static class PopulationCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var fileArg = new Argument<string>("scenario-or-population")
        {
            Description = "A population definition (docs/population.md) or a scenario file, which then gets the default variability.",
        };
        fileArg.Validators.Add(result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (token is not null && token.StartsWith('-') && token.Length > 1)
                result.AddError($"unknown option '{token}' for population; options: --subjects, --seed, --shard, --out, --force, --threads, --solver, --rtol, --quiet, --keep-series (see 'tposim population --help')");
        });
        var subjects = new Option<int>("--subjects") { Description = $"Number of virtual subjects (1–{PopulationRunner.MaxSubjects}).", DefaultValueFactory = _ => 100 };
        var seed = new Option<long>("--seed") { Description = "Random seed; the same seed gives the same subjects and files on any number of threads.", DefaultValueFactory = _ => 1 };
        var outDir = new Option<string>("--out") { Description = "Directory for bands.csv, subjects.csv, metrics.json and bands.svg. " + OutputOptions.ExistingFolderRule, DefaultValueFactory = _ => "out-population" };
        var force = OutputOptions.Force();
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: all cores); results do not depend on it.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var solver = new Option<string?>("--solver") { Description = "ODE solver ('tposim solvers' lists them); default: the scenario's." };
        var quiet = new Option<bool>("--quiet") { Description = "Print only errors." };
        var rtol = ToleranceOption.Create("every subject's solve", "the trial statistics");
        var keepSeries = new Option<bool>("--keep-series") { Description = "Also write every subject's series (day, platelets, TPO) to DIR/series/subject-NNNNNN.csv; off by default so memory and disk stay flat as N grows." };
        var shard = new Option<string?>("--shard")
        {
            Description = "Run only shard i of K (i/K, 1 ≤ i ≤ K): subject slots ⌊(i−1)N/K⌋ to ⌊iN/K⌋−1 and their screening candidates, and write a partial result (manifest.json, shard-subjects.csv, shard-histograms.csv); 'tposim merge' combines the K folders into the files one run writes, byte for byte (docs/scale-out.md).",
        };
        var command = new Command("population", "Run a virtual trial: screen candidates (inclusion), simulate N enrolled subjects in parallel, and write percentile bands, one row per subject with response metrics, trial statistics (metrics.json) and a band plot.")
        {
            fileArg, subjects, seed, shard, outDir, force, threads, solver, rtol, quiet, keepSeries,
        };
        command.SetAction(parse => Run(console, parse.GetValue(fileArg)!, parse.GetValue(subjects), parse.GetValue(seed), parse.GetValue(shard),
            parse.GetValue(outDir)!, parse.GetValue(force), parse.GetValue(threads), parse.GetValue(solver), parse.GetValue(rtol), parse.GetValue(quiet), parse.GetValue(keepSeries)));
        return command;
    }

    /// <summary>Reads a population definition, or a scenario given the default variability; its text too (a shard hashes it).</summary>
    internal static (PopulationDefinition Definition, string Text) Load(string path)
    {
        var json = CliInputFiles.ReadText(path);
        if (PopulationParser.LooksLikePopulation(json))
        {
            var parsed = PopulationParser.Parse(json, path, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
            return (CliInputFiles.Value(parsed, path), json);
        }
        var scenario = ScenarioParser.Parse(json, Path.GetDirectoryName(Path.GetFullPath(path)));
        return (PopulationDefinition.DefaultFor(CliInputFiles.Value(scenario, path)), json);
    }

    /// <summary>The one-line error of a run that enrolled nobody because no candidate meets the inclusion rule.</summary>
    internal static string NoneEnrolled(int screened, InclusionCriteria rule) =>
        $"tposim: no candidate of the {screened} screened meets the inclusion ({rule.Text}); screening stopped: the rule admits no one in this population. Widen inclusion.baselinePlatelets or change the condition's severity";

    private static int Run(CliConsole console, string path, int subjects, long seed, string? shardText, string outDir, bool force, int threads, string? solver, double rtol, bool quiet, bool keepSeries)
    {
        if (threads < 1) throw new CliInputException($"--threads: {threads} is outside the allowed range [1, ∞)");
        ToleranceOption.Check(rtol);
        if (solver is not null && !Simulation.SolverChoice.IsKnown(solver))
            throw new CliInputException($"--solver: unknown solver '{solver}'; allowed: {string.Join(", ", Simulation.SolverChoice.Names)}");
        var (shardIndex, shardCount) = shardText is null ? (0, 0) : Sensitivity.GlobalCommand.ParseShard(shardText);
        if (shardText is not null && keepSeries)
            throw new CliInputException("--keep-series: not available with --shard (series files are numbered by enrolment, which only the merge knows); run without --shard to keep series");
        var (definition, json) = Load(path);
        if (PopulationRunner.CheckSize(definition.BaseScenario, subjects) is { } tooBig) throw new CliInputException(tooBig);

        using var folder = Output.Files.OutputFolder.Begin(outDir, force);
        if (shardText is not null) return RunShard(console, path, json, definition, subjects, seed, shardIndex, shardCount, folder, threads, solver, rtol, quiet);
        if (!quiet) console.Out.WriteLine($"Simulating {subjects} subjects of '{definition.Name}' (seed {seed}, {threads} thread{(threads == 1 ? "" : "s")}) ...");
        var clock = Stopwatch.StartNew();
        var options = new PopulationOptions(subjects, seed, threads) { Solver = solver, RelativeTolerance = rtol, SeriesDirectory = keepSeries ? folder.File("series") : null, Cancellation = console.Cancellation };
        var result = RunWithProgress(console, definition, options, quiet);
        clock.Stop();
        console.Cancellation.ThrowIfCancellationRequested();
        // An inclusion rule nobody meets is bad input: one line, and no output folder (the staging folder is dropped).
        return Finish(console, result, folder, quiet, keepSeries, clock.Elapsed);
    }

    /// <summary>
    /// Writes a run's files into <paramref name="folder"/> and commits it, prints the tables and the failed subjects; the
    /// exit code. Shared by a one-machine run and <c>tposim merge</c> of population shards, so both write the same files.
    /// </summary>
    internal static int Finish(CliConsole console, PopulationResult result, Output.Files.OutputFolder folder, bool quiet, bool keepSeries, TimeSpan elapsed)
    {
        // An inclusion rule nobody meets is bad input: one line, and no output folder (the staging folder is dropped).
        if (result.Subjects.Count == 0 && result.Definition.Inclusion is { } rule)
        {
            console.Error.WriteLine(NoneEnrolled(result.Screened, rule));
            return ExitCodes.BadInput;
        }
        var written = PopulationFiles.WriteAll(result, folder.StagingPath);
        folder.Commit(console.Cancellation);
        if (!quiet)
        {
            if (result.Arms is { } arms) PrintArms(console, result, arms, elapsed);
            else Print(console, result, elapsed);
            var armFiles = result.Arms is { } a ? $", arms/{{{string.Join(",", a.Select(x => x.Arm.Name))}}}/{{bands,subjects}}.csv" : "";
            console.Out.WriteLine(OutputOptions.Wrote(folder, written.Take(4), armFiles + (keepSeries ? $" and {result.Subjects.Count(x => x.Status == SubjectStatus.Ok)} series/subject-*.csv" : "")));
        }
        foreach (var failed in result.Subjects.Where(s => s.Status != SubjectStatus.Ok).Take(5))
            console.Error.WriteLine($"tposim: subject {failed.Draw.Index} {PopulationFiles.StatusText(failed.Status)}: {failed.Diagnostic}");
        if (result.Failed > 5) console.Error.WriteLine($"tposim: {result.Failed - 5} more failed subjects are listed in subjects.csv");
        if (result.Subjects.Count < result.Requested)
            console.Error.WriteLine($"tposim: only {result.Subjects.Count} of {result.Requested} subjects enrolled after screening {result.Screened} candidates ({result.Definition.Inclusion?.Text}); widen the inclusion or raise inclusion.maxScreenedPerSubject");
        return result.Succeeded == 0 ? ExitCodes.NumericalFailure : ExitCodes.Ok;
    }

    /// <summary>Runs slots of shard i/K and writes its partial result (no bands or statistics: those need every shard).</summary>
    private static int RunShard(CliConsole console, string path, string json, PopulationDefinition definition, int subjects, long seed, int index, int count,
        Output.Files.OutputFolder folder, int threads, string? solver, double rtol, bool quiet)
    {
        var slots = TpoSim.Sensitivity.RunRange.Shard(index, count, subjects);
        if (!quiet) console.Out.WriteLine($"Shard {index}/{count} of '{definition.Name}': subject slots {slots.From}–{slots.To - 1} of {subjects} (seed {seed}, {threads} thread{(threads == 1 ? "" : "s")}) ...");
        var clock = Stopwatch.StartNew();
        var options = new PopulationOptions(subjects, seed, threads) { Solver = solver, RelativeTolerance = rtol, Cancellation = console.Cancellation };
        var partial = PopulationRunner.RunSlots(definition, options, slots);
        clock.Stop();
        console.Cancellation.ThrowIfCancellationRequested();
        if (partial.RuleImpossible && definition.Inclusion is { } rule)
        {
            // Decided on the leading slots, so every shard of the run stops with this same line.
            console.Error.WriteLine(NoneEnrolled(partial.Screened, rule));
            return ExitCodes.BadInput;
        }
        var manifest = PopulationShardFiles.ManifestFor(partial, index, count, path, json, seed, rtol, solver);
        var written = PopulationShardFiles.Write(partial, manifest, folder.StagingPath);
        folder.Commit(console.Cancellation);
        if (!quiet)
        {
            var seconds = clock.Elapsed.TotalSeconds;
            console.Out.WriteLine($"Shard {index}/{count}: {manifest.Enrolled} enrolled of {slots.Count} slots, {manifest.Screened} screened, in {seconds.ToString("0.0", CultureInfo.InvariantCulture)} s ({(slots.Count / Math.Max(seconds, 1e-9)).ToString("0.0", CultureInfo.InvariantCulture)} slots/s).");
            console.Out.WriteLine(OutputOptions.Wrote(folder, written) + $"; combine all {count} folders with 'tposim merge DIR... --out DIR'");
        }
        return ExitCodes.Ok;
    }

    private static PopulationResult RunWithProgress(CliConsole console, PopulationDefinition definition, PopulationOptions options, bool quiet)
    {
        if (quiet) return PopulationRunner.Run(definition, options);
        if (console.IsInteractive)
        {
            PopulationResult? result = null;
            console.Ansi.Progress().AutoClear(true).Start(ctx =>
            {
                var task = ctx.AddTask("subjects", maxValue: 1.0);
                result = PopulationRunner.Run(definition, options with { Progress = new Reporter(f => task.Value = f) });
                task.Value = 1.0;
            });
            return result!;
        }
        var last = -1;
        return PopulationRunner.Run(definition, options with
        {
            Progress = new Reporter(f =>
            {
                var pct = (int)Math.Floor(f * 100);
                if (pct != last && f < 1) console.Out.WriteLine($"progress: {pct}%");
                last = pct;
            }),
        });
    }

    private static void Print(CliConsole console, PopulationResult r, TimeSpan elapsed)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(r.Definition.Name)}[/]");
        table.AddColumn("Quantity");
        table.AddColumn(new TableColumn("Value").RightAligned());
        var reported = PopulationMetrics.Reported(r);
        var anyPublished = reported.Any(x => x.Published is not null);
        if (anyPublished) table.AddColumn("Published");
        if (r.Definition.Inclusion is { } inclusion)
            table.AddRow("Screened / screen failures", $"{r.Screened} / {r.ScreenFailureCount} ({Markup.Escape(inclusion.Text)})");
        table.AddRow("Subjects enrolled: ok / failed", $"{r.Succeeded} / {r.Failed}");
        if (r.Definition.Measurement is { } measured) table.AddRow("Endpoints read", Markup.Escape(measured.Text));
        foreach (var (m, published) in reported)
        {
            var value = Markup.Escape(Show(m.Value, m.Unit, m.StandardError));
            if (!anyPublished) { table.AddRow(Markup.Escape(m.Description), value); continue; }
            var pub = published is null ? "" : Markup.Escape(Show(published.Value, m.Unit)
                + (published.Low is { } lo && published.High is { } hi ? $" ({Show(lo, m.Unit)}–{Show(hi, m.Unit)})" : "") + $": {published.Text}");
            table.AddRow(Markup.Escape(m.Description), value, pub);
        }
        var rescue = reported.Any(x => x.Statistic.Name == "fractionNeedingRescue") ? "; rescue counted by the assumed rule, not simulated" : "";
        table.Caption($"{r.Days.Count} output days; fractions ± Monte-Carlo SE{rescue}; {elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        console.Ansi.Write(table);
    }

    /// <summary>A value as the tables show it: a fraction in %, ± its standard error when given, "never" for +∞.</summary>
    private static string Show(double v, string unit, double se = double.NaN)
    {
        static string F(double x, string fmt = "0.0") => double.IsFinite(x) ? x.ToString(fmt, CultureInfo.InvariantCulture) : "–";
        return unit == "fraction"
            ? $"{F(100 * v)} %" + (double.IsFinite(se) ? $" ± {F(100 * se)}" : "")
            : double.IsPositiveInfinity(v) ? "never" : $"{F(v, "0.##")}" + (double.IsFinite(se) ? $" ± {F(se, "0.##")}" : "") + $" {unit.Replace("10^9/L", "×10⁹/L")}";
    }

    /// <summary>A number in the table's scale without its unit: a fraction in % (for an interval beside a value).</summary>
    private static string Bare(double v, string unit) =>
        (unit == "fraction" ? 100 * v : v).ToString(unit == "fraction" ? "0.0" : "0.##", CultureInfo.InvariantCulture);

    /// <summary>With arms: the screening counts, then one table per arm with a column per stratum (value ± SE, published below).</summary>
    private static void PrintArms(CliConsole console, PopulationResult r, IReadOnlyList<ArmResult> arms, TimeSpan elapsed)
    {
        var head = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(r.Definition.Name)}[/]");
        head.AddColumn("Quantity");
        head.AddColumn(new TableColumn("Value").RightAligned());
        if (r.Definition.Inclusion is { } inclusion)
            head.AddRow("Screened / screen failures", $"{r.Screened} / {r.ScreenFailureCount} ({Markup.Escape(inclusion.Text)})");
        head.AddRow("Subjects enrolled (every arm)", $"{r.Subjects.Count}");
        if (r.Definition.Measurement is { } measured) head.AddRow("Endpoints read", Markup.Escape(measured.Text));
        console.Ansi.Write(head);
        foreach (var arm in arms)
        {
            var strata = PopulationMetrics.ByStratum(arm, r.Definition);
            var table = new Table().Border(TableBorder.Rounded).Title($"[bold]arm {Markup.Escape(arm.Arm.Name)}[/]: {Markup.Escape(arm.Arm.Regimen)}");
            table.AddColumn("Quantity");
            foreach (var st in strata) table.AddColumn(new TableColumn(Markup.Escape(st.Stratum.Label)).RightAligned());
            table.AddRow(new[] { "Subjects ok / enrolled" }.Concat(strata.Select(st => $"{st.Succeeded} / {st.Subjects}")).ToArray());
            for (var i = 0; i < strata[0].Statistics.Count; i++)
            {
                var m = strata[0].Statistics[i].Statistic;
                table.AddRow(new[] { Markup.Escape(m.Description) }.Concat(strata.Select(st =>
                {
                    var (x, published) = (st.Statistics[i].Statistic, st.Statistics[i].Published);
                    var cell = Show(x.Value, x.Unit, x.StandardError);
                    // The published value and interval only; its text (the source) is in metrics.json.
                    var interval = published is { Low: { } lo, High: { } hi } ? $" ({Bare(lo, x.Unit)}–{Bare(hi, x.Unit)})" : "";
                    return Markup.Escape(published is null ? cell : $"{cell}\npublished {Show(published.Value, x.Unit)}{interval}");
                })).ToArray());
            }
            console.Ansi.Write(table);
        }
        console.Out.WriteLine($"{r.Days.Count} output days; same subjects in every arm; ± Monte-Carlo SE (shares √(p(1 − p)/n), means SD/√n, none for medians); {elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
    }

    private sealed class Reporter(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
