using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TpoSim.Cli.Commands;

/// <summary>
/// A population run on Slurm, as <c>tposim slurm</c> writes it to DIR/slurm.json: what the shards run (file, N, seed, K,
/// options), how (the tposim command line, partition, time, CPUs per shard) and the jobs submitted so far. <c>tposim
/// slurm status</c> and <c>--resume</c> read it back; the paths of its folders and scripts follow from DIR.
/// </summary>
/// <param name="Directory">DIR, absolute.</param>
/// <param name="File">The population file, absolute.</param>
/// <param name="Subjects">N.</param>
/// <param name="Seed">Run seed.</param>
/// <param name="Shards">K, the array's tasks.</param>
/// <param name="Tposim">The command the jobs run tposim with (absolute paths), one argument an entry.</param>
/// <param name="Partition">--partition, or null for the site's default.</param>
/// <param name="Time">--time, or null for the partition's default.</param>
/// <param name="CpusPerShard">CPUs (and threads) per shard.</param>
/// <param name="RelativeTolerance">--rtol of the shards.</param>
/// <param name="Solver">--solver of the shards, or null.</param>
internal sealed record SlurmRun(string Directory, string File, int Subjects, long Seed, int Shards, IReadOnlyList<string> Tposim,
    string? Partition, string? Time, int CpusPerShard, double RelativeTolerance, string? Solver)
{
    /// <summary>One submission: the array job, the tasks it ran (0-based) and its merge job.</summary>
    public sealed record Submission(string ArrayJob, IReadOnlyList<int> Tasks, string MergeJob);

    /// <summary>The submissions, first to last (a --resume adds one).</summary>
    public IReadOnlyList<Submission> Submissions { get; init; } = [];

    /// <summary>File name of the state file.</summary>
    public const string StateFileName = "slurm.json";

    /// <summary>The array script's path.</summary>
    public string ShardScript => Path.Combine(Directory, "shards.sbatch");

    /// <summary>The merge script's path.</summary>
    public string MergeScript => Path.Combine(Directory, "merge.sbatch");

    /// <summary>The folder of shard <paramref name="index"/> (1-based): DIR/shards/NNN.</summary>
    public string ShardFolder(int index) => Path.Combine(Directory, "shards", index.ToString(ShardFormat, CultureInfo.InvariantCulture));

    /// <summary>The merged result's folder.</summary>
    public string ResultFolder => Path.Combine(Directory, "result");

    /// <summary>The log of array task <paramref name="task"/> (0-based).</summary>
    public string ShardLog(int task) => Path.Combine(Directory, "logs", $"shard-{task.ToString(CultureInfo.InvariantCulture)}.out");

    /// <summary>Zero padding of shard folders: three digits, more when K needs them.</summary>
    public int ShardWidth => Math.Max(3, Shards.ToString(CultureInfo.InvariantCulture).Length);

    private string ShardFormat => "D" + ShardWidth.ToString(CultureInfo.InvariantCulture);

    /// <summary>The state as JSON.</summary>
    public string Json()
    {
        var o = new JsonObject
        {
            ["kind"] = "tposim-slurm",
            ["version"] = 1,
            ["file"] = File,
            ["subjects"] = Subjects,
            ["seed"] = Seed,
            ["shards"] = Shards,
            ["tposim"] = new JsonArray(Tposim.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
            ["partition"] = Partition,
            ["time"] = Time,
            ["cpusPerShard"] = CpusPerShard,
            ["rtol"] = RelativeTolerance,
            ["solver"] = Solver,
            ["submissions"] = new JsonArray(Submissions.Select(s => (JsonNode)new JsonObject
            {
                ["arrayJob"] = s.ArrayJob,
                ["tasks"] = new JsonArray(s.Tasks.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()),
                ["mergeJob"] = s.MergeJob,
            }).ToArray()),
        };
        return o.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    /// <summary>Writes slurm.json whole (a temporary file renamed over it, so a reader never sees half of it).</summary>
    public void Save()
    {
        var path = Path.Combine(Directory, StateFileName);
        var temp = path + ".tmp";
        System.IO.File.WriteAllText(temp, Json(), new UTF8Encoding(false));
        System.IO.File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads DIR/slurm.json; a one-line input error when it is missing or not one.</summary>
    public static SlurmRun Load(string directory)
    {
        var path = Path.Combine(Path.GetFullPath(directory), StateFileName);
        var o = CliInputFiles.ReadObject(path, "slurm state");
        try
        {
            if (o["kind"]?.GetValue<string>() != "tposim-slurm") throw new CliInputException($"{path}: kind: not a 'tposim slurm' folder");
            var run = new SlurmRun(Path.GetFullPath(directory), o["file"]!.GetValue<string>(), o["subjects"]!.GetValue<int>(), o["seed"]!.GetValue<long>(),
                o["shards"]!.GetValue<int>(), o["tposim"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray(),
                o["partition"]?.GetValue<string>(), o["time"]?.GetValue<string>(), o["cpusPerShard"]!.GetValue<int>(), o["rtol"]!.GetValue<double>(), o["solver"]?.GetValue<string>())
            {
                Submissions = o["submissions"]!.AsArray().Select(s => new Submission(s!["arrayJob"]!.GetValue<string>(),
                    s["tasks"]!.AsArray().Select(t => t!.GetValue<int>()).ToArray(), s["mergeJob"]!.GetValue<string>())).ToArray(),
            };
            return run;
        }
        catch (Exception e) when (e is InvalidOperationException or NullReferenceException or FormatException)
        {
            throw new CliInputException($"{path}: a field is missing or of the wrong type ({e.Message})");
        }
    }
}
