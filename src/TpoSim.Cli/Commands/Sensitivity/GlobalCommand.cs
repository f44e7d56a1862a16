using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using TpoSim.Parameters;
using TpoSim.Sensitivity;
using static TpoSim.Cli.Commands.Sensitivity.SensitivityInput;

namespace TpoSim.Cli.Commands.Sensitivity;

/// <summary><c>tposim sensitivity global SCENARIO_OR_TRIAL --method morris|sobol --samples N --seed S [--shard i/K]</c>.</summary>
internal static class GlobalCommand
{
    /// <summary>Largest --samples.</summary>
    public const int MaxSamples = 1 << 20;

    public static Command Create(CliConsole console)
    {
        var file = SensitivityCommand.FileArgument("global", "--method, --samples, --seed, --parameters, --endpoints, --spread, --distributions, --bootstrap, --levels, --threads, --shard, --out, --force, --png, --quiet");
        var method = new Option<string>("--method") { Description = "morris (elementary effects μ*, μ, σ) or sobol (first-order and total indices).", DefaultValueFactory = _ => "sobol" };
        var samples = new Option<int>("--samples") { Description = $"Sobol': base samples N (N·(k+2) runs; a power of 2 keeps the design balanced). Morris: trajectories r (r·(k+1) runs). Allowed 8–{MaxSamples}.", DefaultValueFactory = _ => 256 };
        var seed = new Option<long>("--seed") { Description = "Seed of the design and the bootstrap; the same seed gives the same files on any number of threads or shards.", DefaultValueFactory = _ => 1 };
        var parameters = new Option<string?>("--parameters") { Description = "Comma-separated parameter names; default: a population file's variability parameters, else those of --distributions, else every non-switch parameter > 0." };
        var endpoints = new Option<string?>("--endpoints") { Description = $"Comma-separated endpoints: {EndpointGrammar.SyntaxText}. Default: {ScenarioLocalAnalysis.DefaultEndpoints}." };
        var spread = new Option<double?>("--spread") { Description = "Vary each parameter log-uniformly from nominal/F to nominal·F (within its allowed range) instead of over its whole allowed range; F > 1." };
        var distributions = new Option<string?>("--distributions") { Description = "JSON file of parameter → distribution ({\"kind\": uniform|logUniform|normal|logNormal, …}; docs/sensitivity.md)." };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap resamples for the 95% intervals (0–10000).", DefaultValueFactory = _ => GlobalConfig.DefaultBootstrap };
        var levels = new Option<int>("--levels") { Description = "Morris grid levels p (even, 2–20).", DefaultValueFactory = _ => 4 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: all cores); results do not depend on it.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var shard = new Option<string?>("--shard") { Description = "Run only shard i of K (i/K, 1 ≤ i ≤ K) and write its manifest.json and evaluations.csv; combine the K folders with 'tposim merge'." };
        var outDir = new Option<string>("--out") { Description = "Output directory.", DefaultValueFactory = _ => "out-sensitivity-global" };
        var force = OutputOptions.Force();
        var png = new Option<bool>("--png") { Description = "Also write each plot as PNG." };
        var quiet = new Option<bool>("--quiet") { Description = "Print only errors." };
        var command = new Command("global", "Global sensitivity over parameter distributions: Morris screening or Sobol' indices (Saltelli 2010 design, Jansen total) with bootstrap intervals and a convergence report; parallel and shardable. " + OutputOptions.ExistingFolderRule)
        {
            file, method, samples, seed, parameters, endpoints, spread, distributions, bootstrap, levels, threads, shard, outDir, force, png, quiet,
        };
        command.SetAction(parse =>
        {
            var m = parse.GetValue(method) switch
            {
                "sobol" => GlobalMethod.Sobol,
                "morris" => GlobalMethod.Morris,
                var other => throw new CliInputException($"--method: '{other}' is not a method; allowed: morris, sobol"),
            };
            var n = parse.GetValue(samples);
            if (n < 8 || n > MaxSamples) throw new CliInputException($"--samples: {n} is outside the allowed range [8, {MaxSamples}]");
            var b = parse.GetValue(bootstrap);
            if (b < 0 || b > 10000) throw new CliInputException($"--bootstrap: {b} is outside the allowed range [0, 10000]");
            var p = parse.GetValue(levels);
            if (p < 2 || p > 20 || p % 2 != 0) throw new CliInputException($"--levels: {p} must be even, in [2, 20]");
            var t = parse.GetValue(threads);
            if (t < 1) throw new CliInputException($"--threads: {t} is outside the allowed range [1, ∞)");
            var f = parse.GetValue(spread);
            if (f is { } fv && !(fv > 1 && fv <= 1000)) throw new CliInputException($"--spread: {F(fv)} is outside the allowed range (1, 1000]");
            var shardText = parse.GetValue(shard);
            var (shardIndex, shardCount) = shardText is null ? (1, 1) : ParseShard(shardText);
            var input = Load(console, parse.GetValue(file)!);
            if (input is null) return ExitCodes.BadInput;
            var chosen = input.Endpoints(parse.GetValue(endpoints), ScenarioLocalAnalysis.DefaultEndpoints);
            var distributionsPath = parse.GetValue(distributions);
            var user = Distributions(distributionsPath);
            var names = Names(parse.GetValue(parameters))
                ?? (input.Variability.Count > 0 ? input.Variability.Keys.ToArray()
                    : user.Count > 0 ? user.Select(kv => kv.Key).ToArray()
                    : TpoSim.Sensitivity.ScenarioProblem.DefaultParameterNames(input.Scenario));
            foreach (var (name, _) in user)
            {
                if (!names.Contains(name)) throw new CliInputException($"{distributionsPath}: {name}: not among the analysed parameters ({string.Join(", ", names)})");
            }
            string? distributionError = null;
            var (resolved, error) = TpoSim.Sensitivity.ScenarioProblem.Resolve(input.Scenario, names, (def, nominal) =>
            {
                if (user[def.Name] is { } node)
                {
                    var (d, e) = DistributionJson.Read(node, $"{distributionsPath}: {def.Name}", nominal, def.Minimum, def.Maximum);
                    distributionError ??= e;
                    return d;
                }
                if (input.Variability.TryGetValue(def.Name, out var cv) && nominal > 0)
                    return new LogNormalDistribution(nominal, cv, Math.Max(def.Minimum, double.Epsilon), def.Maximum);
                if (f is { } factor && nominal > 0)
                    return new LogUniformDistribution(Math.Max(def.Minimum, nominal / factor), Math.Min(def.Maximum, nominal * factor)) is var d && d.Minimum > 0 && d.Maximum > d.Minimum
                        ? d : null;
                return null;
            });
            if (error is not null) throw new CliInputException($"--parameters: {error}");
            if (distributionError is not null) throw new CliInputException(distributionError);
            if (resolved.Any(r => r.Distribution is LogUniformDistribution { Minimum: <= 0 }))
                throw new CliInputException("--spread: a log-uniform range needs a minimum > 0");
            if (m == GlobalMethod.Sobol && 2 * resolved.Count > SobolSequence.MaxDimensions)
                throw new CliInputException($"--parameters: Sobol' indices support at most {SobolSequence.MaxDimensions / 2} parameters; {resolved.Count} given");
            var config = new GlobalConfig(input.Scenario.Name, input.Source, m, n, parse.GetValue(seed), b, p, resolved,
                chosen.Select(e => new SensitivityOutput(e.Name, e.Unit)).ToArray());
            var problem = TpoSim.Sensitivity.ScenarioProblem.Create(input.Scenario, resolved, chosen);
            var quietRun = parse.GetValue(quiet);
            using var folder = TpoSim.Output.Files.OutputFolder.Begin(parse.GetValue(outDir)!, parse.GetValue(force));
            var range = RunRange.Shard(shardIndex, shardCount, config.Runs);
            if (!quietRun)
            {
                console.Out.WriteLine($"{(m == GlobalMethod.Sobol ? "Sobol' indices" : "Morris screening")} of {chosen.Count} endpoint(s) over {resolved.Count} parameters of '{input.Scenario.Name}': {config.Runs} runs{(shardCount > 1 ? $", shard {shardIndex}/{shardCount} = runs {range.From}–{range.To - 1}" : "")} (seed {config.Seed}, {t} thread{(t == 1 ? "" : "s")})");
                console.Out.WriteLine($"Source: {input.Source}");
            }
            var clock = Stopwatch.StartNew();
            var design = config.Design();
            var outputs = ProgressLines.Run(console, quietRun, "runs", progress => GlobalEvaluator.Evaluate(problem, design, range, t, progress, console.Cancellation));
            clock.Stop();
            console.Cancellation.ThrowIfCancellationRequested();
            if (shardCount > 1)
            {
                var written = GlobalSensitivityFiles.WriteShard(new GlobalManifest(config, shardIndex, shardCount, range), outputs, folder.StagingPath);
                folder.Commit(console.Cancellation);
                if (!quietRun)
                    console.Out.WriteLine($"Shard {shardIndex}/{shardCount}: {range.Count} runs in {clock.Elapsed.TotalSeconds:0.0} s. {OutputOptions.Wrote(folder, written)}; combine all {shardCount} folders with 'tposim merge DIR... --out DIR'");
                return ExitCodes.Ok;
            }
            var result = GlobalAnalysis.Estimate(config, outputs);
            return Finish(console, result, folder, parse.GetValue(png), quietRun, clock.Elapsed);
        });
        return command;
    }

    /// <summary>Writes the files and prints the tables (shared with <c>tposim merge</c>).</summary>
    public static int Finish(CliConsole console, GlobalSensitivityResult result, TpoSim.Output.Files.OutputFolder folder, bool png, bool quiet, TimeSpan? elapsed)
    {
        var written = GlobalSensitivityFiles.WriteAll(result, folder.StagingPath).ToList();
        if (png) written.AddRange(PngExport.BesideEach(written));
        folder.Commit(console.Cancellation);
        if (!quiet)
        {
            Print(console, result);
            if (elapsed is { } e) console.Out.WriteLine($"{result.Config.Runs} runs in {e.TotalSeconds:0.0} s ({result.Config.Runs / Math.Max(e.TotalSeconds, 1e-9):0.0} runs/s); {result.FailedRuns} failed");
            console.Out.WriteLine(OutputOptions.Wrote(folder, written));
        }
        return ExitCodes.Ok;
    }

    /// <summary>Parses --shard i/K (1 ≤ i ≤ K ≤ 10000); a one-line input error otherwise. Shared by every shardable command.</summary>
    internal static (int, int) ParseShard(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k >= 1 && k <= 10000 && i >= 1 && i <= k)
            return (i, k);
        throw new CliInputException($"--shard: '{text}' must be i/K with 1 ≤ i ≤ K ≤ 10000, e.g. 2/4");
    }

    private static void Print(CliConsole console, GlobalSensitivityResult result)
    {
        var c = result.Config;
        for (var k = 0; k < c.Outputs.Count; k++)
        {
            var t = result.Final(k);
            var table = new Table().Border(TableBorder.Rounded)
                .Title($"[bold]{Markup.Escape(c.Outputs[k].Name)}[/] ({Markup.Escape(c.Outputs[k].Unit)}), {t.UsedSamples} samples{(t.DroppedSamples > 0 ? $", {t.DroppedSamples} dropped" : "")}");
            table.AddColumn("Parameter");
            foreach (var name in t.IndexNames) table.AddColumn(new TableColumn(Markup.Escape(name + " [95% CI]")).RightAligned());
            foreach (var i in GlobalSensitivityFiles.Ranking(result, k).Take(10))
            {
                var cells = new List<string> { Markup.Escape(c.Parameters[i].Name) };
                for (var m = 0; m < t.IndexNames.Count; m++)
                    cells.Add(Markup.Escape(double.IsFinite(t.Lower[i][m]) ? $"{F(t.Values[i][m], "0.000")} [{F(t.Lower[i][m], "0.000")}, {F(t.Upper[i][m], "0.000")}]" : F(t.Values[i][m], "0.000")));
                table.AddRow(cells.ToArray());
            }
            var steps = result.Convergence[k];
            if (steps.Count > 1)
            {
                var column = c.Method == GlobalMethod.Sobol ? 1 : 0;
                var prev = steps[^2].Indices;
                var change = Enumerable.Range(0, c.Parameters.Count).Select(i => Math.Abs(t.Values[i][column] - prev.Values[i][column])).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max();
                table.Caption($"largest change of {t.IndexNames[column]} from N = {steps[^2].Samples} to {steps[^1].Samples}: {F(change, "0.000")} (convergence.csv)");
            }
            console.Ansi.Write(table);
        }
    }
}
