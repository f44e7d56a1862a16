using System.CommandLine;
using System.Text.Json.Nodes;
using TpoSim.Cli.Commands.Sensitivity;
using TpoSim.Sensitivity;

namespace TpoSim.Cli.Commands;

/// <summary>
/// <c>tposim merge DIR... --out DIR</c>: combines shard folders into the result one machine would have written. Each folder
/// holds a manifest.json whose "kind" picks the merger, so other sharded jobs (populations) can join the table.
/// </summary>
public static class MergeCommand
{
    /// <summary>One mergeable kind: combines folders (all of this kind) and writes into the output folder; returns the exit code.</summary>
    private delegate int Merger(CliConsole console, IReadOnlyList<(string Directory, string Manifest)> folders, string outDir, bool force, bool png, bool quiet);

    /// <summary>The kinds <c>merge</c> understands, by manifest kind.</summary>
    private static readonly IReadOnlyDictionary<string, Merger> Mergers = new Dictionary<string, Merger>
    {
        [GlobalManifest.Kind] = MergeGlobalSensitivity,
        [Population.PopulationManifest.Kind] = PopulationMerge.Merge,
    };

    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var dirs = new Argument<string[]>("folders") { Description = "Shard folders (each with manifest.json), written by 'tposim sensitivity global --shard i/K' or 'tposim population --shard i/K', in any order.", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out") { Description = "Directory for the merged result.", DefaultValueFactory = _ => "out-merged" };
        var force = OutputOptions.Force();
        var png = new Option<bool>("--png") { Description = "Also write each plot as PNG." };
        var quiet = new Option<bool>("--quiet") { Description = "Print only errors." };
        var command = new Command("merge", $"Combine shard folders into one result, byte-identical to a one-machine run. Kinds: {string.Join(", ", Mergers.Keys)}. {OutputOptions.ExistingFolderRule}") { dirs, outDir, force, png, quiet };
        command.SetAction(parse =>
        {
            var folders = new List<(string, string)>();
            string? kind = null;
            foreach (var dir in parse.GetValue(dirs)!)
            {
                var path = Path.Combine(dir, GlobalManifest.FileName);
                var text = CliInputFiles.ReadText(path, "manifest");
                string? k;
                try { k = CliInputFiles.ReadObject(path, "manifest")["kind"]?.GetValue<string>(); }
                catch (InvalidOperationException e) { throw new CliInputException($"{path}: kind: not text: {e.Message}"); }
                if (k is null || !Mergers.ContainsKey(k)) throw new CliInputException($"{path}: kind: '{k}' cannot be merged; allowed: {string.Join(", ", Mergers.Keys)}");
                if (kind is not null && k != kind) throw new CliInputException($"{path}: kind: '{k}' differs from the first folder's '{kind}'");
                kind = k;
                folders.Add((dir, text));
            }
            return Mergers[kind!](console, folders, parse.GetValue(outDir)!, parse.GetValue(force), parse.GetValue(png), parse.GetValue(quiet));
        });
        return command;
    }

    private static int MergeGlobalSensitivity(CliConsole console, IReadOnlyList<(string Directory, string Manifest)> folders, string outDir, bool force, bool png, bool quiet)
    {
        var manifests = new List<(string, GlobalManifest)>();
        foreach (var (dir, text) in folders)
        {
            var (manifest, error) = GlobalManifest.Parse(text, Path.Combine(dir, GlobalManifest.FileName));
            if (error is not null) throw new CliInputException(error);
            manifests.Add((dir, manifest!));
        }
        var (result, mergeError) = GlobalMerge.Merge(manifests);
        if (mergeError is not null) throw new CliInputException(mergeError);
        using var folder = Output.Files.OutputFolder.Begin(outDir, force);
        if (!quiet) console.Out.WriteLine($"Merged {folders.Count} folder(s): {result!.Config.Runs} runs of '{result.Config.Title}' ({result.Config.MethodName}, N = {result.Config.Samples}, seed {result.Config.Seed})");
        return GlobalCommand.Finish(console, result!, folder, png, quiet, null);
    }
}
