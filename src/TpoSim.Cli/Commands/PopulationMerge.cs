using System.Diagnostics;
using TpoSim.Population;

namespace TpoSim.Cli.Commands;

/// <summary>
/// <c>tposim merge</c> for population shards (<c>tposim population --shard i/K</c>): checks that the folders are the K
/// shards of one run (same file content, seed, N, options and TpoSim build; none missing, none twice), reads them back in
/// slot order and writes exactly the files a one-machine <c>tposim population</c> writes.
/// </summary>
internal static class PopulationMerge
{
    /// <summary>Merges <paramref name="folders"/> (manifest kind "population") into <paramref name="outDir"/>; the exit code.</summary>
    public static int Merge(CliConsole console, IReadOnlyList<(string Directory, string Manifest)> folders, string outDir, bool force, bool png, bool quiet)
    {
        if (png) throw new CliInputException("--png: a population result has no PNG (one-machine 'tposim population' writes none); merge without --png");
        var clock = Stopwatch.StartNew();
        var shards = new List<(string Directory, PopulationManifest Manifest)>();
        foreach (var (dir, text) in folders)
        {
            var path = Path.Combine(dir, PopulationManifest.FileName);
            var (manifest, error) = PopulationManifest.Parse(text, path);
            if (error is not null) throw new CliInputException(error);
            shards.Add((dir, manifest!));
        }
        var (firstDir, first) = shards[0];
        var firstPath = Path.Combine(firstDir, PopulationManifest.FileName);
        foreach (var (dir, m) in shards)
        {
            var path = Path.Combine(dir, PopulationManifest.FileName);
            // Each field that changes results, named, so the user knows which shard came from which run.
            void Same<T>(string field, T value, T reference)
            {
                if (!EqualityComparer<T>.Default.Equals(value, reference))
                    throw new CliInputException($"{path}: {field}: {value?.ToString() ?? "null"} differs from {reference?.ToString() ?? "null"} in {firstPath}; these shards are not of one run");
            }
            Same("sha256 (population file content)", m.Sha256, first.Sha256);
            Same("seed", m.Seed, first.Seed);
            Same("subjects", m.Subjects, first.Subjects);
            Same("shard.count", m.ShardCount, first.ShardCount);
            Same("options.rtol", m.RelativeTolerance, first.RelativeTolerance);
            Same("options.solver", m.Solver, first.Solver);
            Same("tposim (version)", m.TpoSim, first.TpoSim);
        }
        if (first.TpoSim != Output.Files.RunProvenance.TpoSimBuild)
            throw new CliInputException($"{firstPath}: tposim: shards of TpoSim {first.TpoSim} cannot be merged by TpoSim {Output.Files.RunProvenance.TpoSimBuild} (the merge writes the files: use the build that ran the shards)");
        var byIndex = new Dictionary<int, string>();
        foreach (var (dir, m) in shards)
        {
            if (byIndex.TryGetValue(m.ShardIndex, out var other))
                throw new CliInputException($"{Path.Combine(dir, PopulationManifest.FileName)}: shard: {m.ShardIndex}/{m.ShardCount} is also {Path.Combine(other, PopulationManifest.FileName)} (a duplicate shard)");
            byIndex[m.ShardIndex] = dir;
        }
        var missing = Enumerable.Range(1, first.ShardCount).Where(i => !byIndex.ContainsKey(i)).ToArray();
        if (missing.Length > 0)
        {
            var r = TpoSim.Sensitivity.RunRange.Shard(missing[0], first.ShardCount, first.Subjects);
            throw new CliInputException($"shard: {missing.Length} of {first.ShardCount} shards missing: {string.Join(", ", missing.Take(10).Select(i => $"{i}/{first.ShardCount}"))}{(missing.Length > 10 ? ", …" : "")} (shard {missing[0]} holds slots {r.From}–{r.To - 1})");
        }
        if (!Input.InputFile.TryReadText(first.File, out var fileText, out var problem))
            throw new CliInputException($"{first.File}: cannot read the population file the shards ran ({problem}); it must be readable at the same path");
        if (PopulationManifest.HashOf(fileText) != first.Sha256)
            throw new CliInputException($"{first.File}: sha256: the file changed since the shards ran (manifest {first.Sha256[..12]}…); rerun the shards or restore the file");
        var (definition, _) = PopulationCommand.Load(first.File);
        var partials = new List<PopulationPartial>();
        foreach (var (dir, m) in shards.OrderBy(x => x.Manifest.ShardIndex))
        {
            var (partial, error) = PopulationShardFiles.Read(dir, m, definition);
            if (error is not null) throw new CliInputException(error);
            partials.Add(partial!);
        }
        var result = PopulationRunner.Combine(partials);
        using var folder = Output.Files.OutputFolder.Begin(outDir, force);
        if (!quiet) console.Out.WriteLine($"Merged {shards.Count} shard(s) of '{definition.Name}': {first.Subjects} subject slots, seed {first.Seed}");
        clock.Stop();
        return PopulationCommand.Finish(console, result, folder, quiet, false, clock.Elapsed);
    }
}
