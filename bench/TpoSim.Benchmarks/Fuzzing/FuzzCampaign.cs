using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TpoSim.Cli;
using TpoSim.Parameters;

namespace TpoSim.Benchmarks.Fuzzing;

/// <summary>What one fuzzed input led to.</summary>
public enum FuzzOutcome
{
    /// <summary>Exit 2 with one-line errors and no exception text.</summary>
    CleanRejection,
    /// <summary>Exit 0 and every number in timeseries.csv and summary.json finite and non-negative.</summary>
    Success,
    /// <summary>Exit 3: the solver failed and said why.</summary>
    SolverFailure,
    /// <summary>Exit 1: a bug.</summary>
    InternalError,
    /// <summary>No answer within the time limit (the late run is left to finish in the background).</summary>
    Hang,
    /// <summary>Anything else: exit 0 with a NaN or negative value, exit 2 with exception text, another exit code.</summary>
    Suspicious,
}

/// <summary>
/// The fuzzing campaign: mutated scenarios (from the example corpus, structure- and text-level mutations), random
/// parameter sets (every parameter drawn inside its catalogue range) and mutated files of every other input kind
/// (<see cref="InputKind.All"/>: populations, patient histories, dose and observation tables, interpretation batches,
/// calibration setups, validation cases, forecast regimens), each run through the CLI's own code path
/// (<see cref="CliApp.Run(string[], TextWriter, TextWriter, CliInterrupt)"/>) or the reader its command calls, and
/// classified (a run past the time limit is a hang; it is left to finish in the background). <c>--progress N</c> prints the counts so far to stderr every N inputs. Seeded: the same seed gives the same inputs. <c>--seconds T</c> runs for T seconds instead of the full
/// counts (what CI runs); the exit code is 1 when any internal error, hang or suspicious output was seen.
/// </summary>
public static class FuzzCampaign
{
    /// <summary>Runs the campaign from the command line (see the class summary for the options).</summary>
    public static int Run(string[] args)
    {
        var seed = 1;
        int scenarios = 10_000, parameterSets = 5_000, perKind = 1_000;
        double? seconds = null;
        var timeout = TimeSpan.FromSeconds(60);
        string? root = null;
        string[]? only = null;
        var verbose = false;
        var progress = 0;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--scenarios": scenarios = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--parameter-sets": parameterSets = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--per-kind": perKind = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--kinds": only = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--seconds": seconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--timeout-seconds": timeout = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--repo": root = Next(); break;
                case "--verbose": verbose = true; break;
                case "--progress": progress = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"fuzz: unknown option '{args[i]}'; allowed: --seed S --scenarios N --parameter-sets M --per-kind K --kinds A,B --seconds T --timeout-seconds H --repo DIR --verbose --progress N");
                    return 2;
            }
        }
        root ??= FindRoot();
        var work = Path.Combine(Path.GetTempPath(), $"tposim-fuzz-{Environment.ProcessId}");
        Directory.CreateDirectory(Path.Combine(work, "populations"));
        // The corpus's dose tables sit beside the mutated scenarios, so doseTable.file still resolves; a population's
        // "../scenarios/x.json" resolves from work/populations.
        foreach (var csv in Directory.GetFiles(Path.Combine(root, "scenarios"), "*.csv")) File.Copy(csv, Path.Combine(work, Path.GetFileName(csv)), true);
        Directory.CreateDirectory(Path.Combine(work, "scenarios"));
        foreach (var f in Directory.GetFiles(Path.Combine(root, "scenarios"))) File.Copy(f, Path.Combine(work, "scenarios", Path.GetFileName(f)), true);

        var random = new Random(seed);
        var mutator = new ScenarioMutator(random);
        var kinds = InputKind.All(root, work, random, mutator, new CsvMutator(random, mutator));
        if (only is not null)
        {
            var unknown = only.Where(k => kinds.All(x => x.Name != k)).ToArray();
            if (unknown.Length > 0)
            {
                Console.Error.WriteLine($"fuzz: unknown kind '{unknown[0]}'; allowed: {string.Join(", ", kinds.Select(k => k.Name))}");
                return 2;
            }
            kinds = kinds.Where(k => only.Contains(k.Name)).ToArray();
        }
        // The two scenario kinds keep their own counts; every other kind runs --per-kind cases. The scenario kind comes
        // up twice in each round.
        var rotation = kinds.SelectMany(k => k.Name == "scenario" ? new[] { k, k } : [k]).ToArray();
        int Target(InputKind k) => k.Name switch { "scenario" => scenarios, "parameters" => parameterSets, _ => perKind };

        var counts = new Dictionary<(string Kind, FuzzOutcome Outcome), int>();
        var done = kinds.ToDictionary(k => k.Name, _ => 0);
        var examples = new List<string>();
        var clock = Stopwatch.StartNew();
        try
        {
            for (var n = 0; ; n++)
            {
                if (seconds is { } limit ? clock.Elapsed.TotalSeconds >= limit : kinds.All(k => done[k.Name] >= Target(k))) break;
                var kind = rotation[n % rotation.Length];
                if (seconds is null && done[kind.Name] >= Target(kind)) continue;
                var source = kind.Corpus[random.Next(kind.Corpus.Count)];
                var text = kind.Mutate(source);
                string[] extra = [];
                if (kind.Name == "scenario" && random.NextDouble() < 0.1) extra = ["--days", mutator.RandomNumberText()];
                var file = kind.CasePath(work, n);
                File.WriteAllText(file, text);
                var outDir = Path.Combine(work, $"out-{n}");
                var (outcome, detail) = kind.CommandLine is { } commandLine
                    ? RunOne([.. commandLine(file, outDir), .. extra], outDir, timeout * kind.TimeoutFactor, kind.ChecksOutput)
                    : RunReader(kind.Reader!, text);
                counts[(kind.Name, outcome)] = counts.GetValueOrDefault((kind.Name, outcome)) + 1;
                done[kind.Name]++;
                if (outcome is FuzzOutcome.InternalError or FuzzOutcome.Hang or FuzzOutcome.Suspicious)
                {
                    var keep = Path.Combine(work, $"finding-{n}{Path.GetExtension(file)}");
                    File.Copy(file, keep, true);
                    examples.Add($"{outcome} [{kind.Name}] {keep} {string.Join(' ', extra)}: {detail}");
                    if (verbose) Console.Error.WriteLine(examples[^1]);
                }
                else File.Delete(file);
                TryDelete(outDir);
                if (File.Exists(outDir + ".csv")) File.Delete(outDir + ".csv");
                // A long campaign stopped early (killed, out of time) still leaves its counts so far.
                if (progress > 0 && done.Values.Sum() % progress == 0)
                {
                    Console.Error.WriteLine($"fuzz: {done.Values.Sum()} inputs in {clock.Elapsed.TotalSeconds:0} s; " + string.Join(", ",
                        Enum.GetValues<FuzzOutcome>().Select(o => $"{o} {counts.Where(kv => kv.Key.Outcome == o).Sum(kv => kv.Value)}")));
                }
            }
        }
        finally
        {
            Print(counts, kinds.Select(k => k.Name).ToArray(), done, clock.Elapsed, seed, examples);
        }
        var bad = counts.Where(kv => kv.Key.Outcome is FuzzOutcome.InternalError or FuzzOutcome.Hang or FuzzOutcome.Suspicious).Sum(kv => kv.Value);
        if (bad == 0) TryDelete(work);
        return bad == 0 ? 0 : 1;
    }

    /// <summary>Runs a reader on a case's text and classifies what it returned.</summary>
    public static (FuzzOutcome Outcome, string Detail) RunReader(Func<string, IReadOnlyList<string>> reader, string text)
    {
        IReadOnlyList<string> errors;
        try { errors = reader(text); }
        catch (Exception e) { return (FuzzOutcome.InternalError, $"{e.GetType().Name}: {e.Message.Split('\n')[0]}"); }
        if (errors.FirstOrDefault(l => l.Contains('\n') || l.Contains('\r')) is { } split) return (FuzzOutcome.Suspicious, "error spans lines: " + split.Replace("\n", "\\n"));
        return errors.Count > 0 ? (FuzzOutcome.CleanRejection, errors[0]) : (FuzzOutcome.Success, "");
    }

    /// <summary>Runs one CLI invocation with a time limit and classifies it.</summary>
    public static (FuzzOutcome Outcome, string Detail) RunOne(string[] args, string outDir, TimeSpan timeout, bool checkOutput = true)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var interrupt = CliInterrupt.Detached();
        var task = Task.Run(() => CliApp.Run(args, stdout, stderr, interrupt));
        if (!task.Wait(timeout))
        {
            // Not interrupted: an interruption abandons every output folder of the process (as a real SIGTERM must),
            // which would fail every later case of the campaign. The late run finishes in the background.
            return (FuzzOutcome.Hang, $"no answer in {timeout.TotalSeconds:0} s");
        }
        var code = task.Result;
        var err = stderr.ToString();
        var firstLine = err.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        switch (code)
        {
            case ExitCodes.InternalError:
                return (FuzzOutcome.InternalError, firstLine);
            case ExitCodes.BadInput:
                return err.Contains("   at ", StringComparison.Ordinal) || err.Contains("Exception", StringComparison.Ordinal) || err.Trim().Length == 0
                    ? (FuzzOutcome.Suspicious, "exit 2 with exception text or no message: " + firstLine)
                    : (FuzzOutcome.CleanRejection, firstLine);
            case ExitCodes.NumericalFailure:
                return (FuzzOutcome.SolverFailure, firstLine);
            case ExitCodes.Ok:
                return checkOutput && SaneOutput(outDir) is { } problem ? (FuzzOutcome.Suspicious, problem) : (FuzzOutcome.Success, "");
            default:
                return (FuzzOutcome.Suspicious, $"exit {code}: {firstLine}");
        }
    }

    /// <summary>Null when every number of timeseries.csv and summary.json (but the scenario it echoes) is finite and non-negative; else the first bad one.</summary>
    public static string? SaneOutput(string outDir)
    {
        var csv = Path.Combine(outDir, "timeseries.csv");
        var summary = Path.Combine(outDir, "summary.json");
        if (!File.Exists(csv) || !File.Exists(summary)) return "exit 0 without timeseries.csv and summary.json";
        foreach (var line in File.ReadLines(csv).Skip(1))
        {
            if (line.StartsWith('#') || line.Length == 0) continue;
            foreach (var cell in line.Split(','))
            {
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) continue; // a units row or text
                if (!double.IsFinite(v) || v < 0) return $"timeseries.csv holds {cell}";
            }
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(summary));
        return BadNumber(doc.RootElement, "$");
    }

    private static string? BadNumber(JsonElement e, string path)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    // summary.json's run.scenario is the user's own input echoed back (a "$schema": -1 included), not output.
                    if (path == "$.run" && p.Name == "scenario") continue;
                    if (BadNumber(p.Value, $"{path}.{p.Name}") is { } bad) return bad;
                }
                return null;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray())
                {
                    if (BadNumber(item, $"{path}[{i++}]") is { } bad) return bad;
                }
                return null;
            case JsonValueKind.Number:
                var v = e.GetDouble();
                return double.IsFinite(v) && v >= 0 ? null : $"summary.json {path} = {e.GetRawText()}";
            case JsonValueKind.String:
                var s = e.GetString();
                return s is "NaN" or "Infinity" or "-Infinity" ? $"summary.json {path} = {s}" : null;
            default:
                return null;
        }
    }

    /// <summary>A corpus scenario with a random set of parameter overrides, each drawn inside its catalogue range.</summary>
    public static string RandomParameterSet(Random random, IReadOnlyList<string> corpus)
    {
        var source = corpus[random.Next(corpus.Count)];
        var root = JsonNode.Parse(source, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        var patient = root["patient"] as JsonObject ?? new JsonObject();
        root["patient"] = patient;
        var parameters = new JsonObject();
        var share = 0.1 + 0.5 * random.NextDouble();
        foreach (var d in ParameterCatalog.All)
        {
            if (random.NextDouble() > share) continue;
            parameters[d.Name] = Draw(random, d.Minimum, d.Maximum);
        }
        patient["parameters"] = parameters;
        return root.ToJsonString();
    }

    /// <summary>Uniform, log-uniform across wide positive ranges, and the bounds themselves one time in ten.</summary>
    private static double Draw(Random random, double min, double max)
    {
        var u = random.NextDouble();
        if (u < 0.05) return min;
        if (u < 0.1) return max;
        if (min > 0 && max / min > 100) return Math.Exp(Math.Log(min) + random.NextDouble() * (Math.Log(max) - Math.Log(min)));
        return min + random.NextDouble() * (max - min);
    }

    private static void Print(Dictionary<(string Kind, FuzzOutcome Outcome), int> counts, string[] kinds, Dictionary<string, int> done, TimeSpan elapsed, int seed, List<string> examples)
    {
        Console.WriteLine($"fuzz: seed {seed}, {done.Values.Sum()} inputs in {elapsed.TotalSeconds:0} s ({string.Join(", ", kinds.Select(k => $"{done[k]} {k}"))})");
        Console.WriteLine($"{"outcome",-16}" + string.Concat(kinds.Select(k => $" {k,17}")));
        foreach (var o in Enum.GetValues<FuzzOutcome>())
            Console.WriteLine($"{o,-16}" + string.Concat(kinds.Select(k => $" {counts.GetValueOrDefault((k, o)),17}")));
        foreach (var e in examples.Take(50)) Console.WriteLine(e);
        if (examples.Count > 50) Console.WriteLine($"… and {examples.Count - 50} more findings");
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TpoSim.slnx"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
