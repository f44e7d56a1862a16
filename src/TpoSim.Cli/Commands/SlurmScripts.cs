using System.Globalization;
using System.Text;

namespace TpoSim.Cli.Commands;

/// <summary>
/// The two batch scripts of a Slurm population run: the shard array (task i runs <c>tposim population --shard i+1/K</c>)
/// and the merge job (run after the array succeeds). Both are plain bash with #SBATCH lines and comments saying what a
/// site may change, so a user can adapt and submit them by hand too.
/// </summary>
internal static class SlurmScripts
{
    /// <summary>A word quoted for bash when it needs it.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c)) ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static void Header(StringBuilder sb, SlurmRun run, string jobName, string output, string what)
    {
        sb.Append("#!/bin/bash\n");
        sb.Append("# ").Append(what).Append('\n');
        sb.Append("# Written by: tposim slurm ").Append(Quote(run.File)).Append(" --subjects ").Append(I(run.Subjects)).Append(" --seed ").Append(I(run.Seed))
          .Append(" --shards ").Append(I(run.Shards)).Append(" --out ").Append(Quote(run.Directory)).Append('\n');
        sb.Append("# 'tposim slurm status ").Append(Quote(run.Directory)).Append("' shows progress; '--resume' resubmits failed shards (docs/scale-out.md).\n");
        sb.Append("#\n");
        sb.Append("# Adapt to your site: add #SBATCH lines (for example --account, --qos, --mem) and module loads below.\n");
        sb.Append("# Keep the tposim command: it must be the same TpoSim build on every node (a shared filesystem path).\n");
        sb.Append("#SBATCH --job-name=").Append(jobName).Append('\n');
        sb.Append("#SBATCH --output=").Append(output).Append('\n');
        if (run.Partition is { } p) sb.Append("#SBATCH --partition=").Append(p).Append('\n');
        if (run.Time is { } t) sb.Append("#SBATCH --time=").Append(t).Append('\n');
        sb.Append("#SBATCH --nodes=1\n");
        sb.Append("#SBATCH --ntasks=1\n");
    }

    private static void Body(StringBuilder sb, SlurmRun run)
    {
        sb.Append("##SBATCH --account=my-project\n");
        sb.Append("##SBATCH --mem=2G\n");
        sb.Append('\n');
        sb.Append("# module load dotnet   # if the tposim command below needs the .NET runtime from a module\n");
        sb.Append("set -euo pipefail\n");
        sb.Append("TPOSIM=(").Append(string.Join(" ", run.Tposim.Select(Quote))).Append(")\n");
    }

    /// <summary>The array script: task i (0…K−1) runs shard i + 1 into DIR/shards/NNN.</summary>
    public static string Shards(SlurmRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var sb = new StringBuilder();
        Header(sb, run, "tposim-shards", Quote(Path.Combine(run.Directory, "logs", "shard-%a.out")),
            $"TpoSim population shards as a Slurm job array: {I(run.Subjects)} subjects of {Path.GetFileName(run.File)}, seed {I(run.Seed)}, in {I(run.Shards)} shards.");
        sb.Append("#SBATCH --array=0-").Append(I(run.Shards - 1)).Append('\n');
        sb.Append("#SBATCH --cpus-per-task=").Append(I(run.CpusPerShard)).Append('\n');
        sb.Append("#\n");
        sb.Append("# Task i runs shard i+1 of K: subject slots floor(i*N/K) to floor((i+1)*N/K)-1 and their screening candidates.\n");
        sb.Append("# A slot's random streams depend only on (seed, slot), so any task can be rerun alone and the merged files\n");
        sb.Append("# equal a one-machine 'tposim population' run byte for byte. --force replaces a failed attempt's folder.\n");
        Body(sb, run);
        sb.Append("i=$((SLURM_ARRAY_TASK_ID + 1))\n");
        sb.Append("printf -v shard '%0").Append(I(run.ShardWidth)).Append("d' \"$i\"\n");
        sb.Append("\"${TPOSIM[@]}\" population ").Append(Quote(run.File)).Append(" --subjects ").Append(I(run.Subjects)).Append(" --seed ").Append(I(run.Seed))
          .Append(" --shard \"$i/").Append(I(run.Shards)).Append("\" --threads \"${SLURM_CPUS_PER_TASK:-1}\"")
          .Append(" --rtol ").Append(run.RelativeTolerance.ToString("R", CultureInfo.InvariantCulture));
        if (run.Solver is { } solver) sb.Append(" --solver ").Append(Quote(solver));
        sb.Append(" \\\n    --out ").Append(Quote(Path.Combine(run.Directory, "shards"))).Append("/\"$shard\" --force --quiet\n");
        return sb.ToString();
    }

    /// <summary>The merge script: combines DIR/shards/* into DIR/result (submitted with --dependency=afterok on the array).</summary>
    public static string Merge(SlurmRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var sb = new StringBuilder();
        Header(sb, run, "tposim-merge", Quote(Path.Combine(run.Directory, "logs", "merge-%j.out")),
            $"Merges the {I(run.Shards)} shards of the TpoSim population run in this folder into result/, the files one machine writes.");
        sb.Append("#SBATCH --cpus-per-task=1\n");
        sb.Append("#\n");
        sb.Append("# Submitted with --dependency=afterok:<array job>, so it runs only when every shard succeeded. The merge\n");
        sb.Append("# refuses (exit 2, one line in the log) shards of another run, a missing shard or one present twice.\n");
        Body(sb, run);
        sb.Append("\"${TPOSIM[@]}\" merge ").Append(Quote(Path.Combine(run.Directory, "shards"))).Append("/* --out ").Append(Quote(run.ResultFolder)).Append(" --force --quiet\n");
        return sb.ToString();
    }
}
