using System.CommandLine;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using TpoSim.Population;

namespace TpoSim.Cli.Commands;

/// <summary>
/// <c>tposim slurm FILE --subjects N --seed S --shards K --out DIR</c>: writes a Slurm job array of population shards and
/// a dependent merge job into DIR and submits both with sbatch; <c>tposim slurm status DIR</c> reports each shard;
/// <c>--resume</c> resubmits only the shards that failed or never ran. Slurm does the scheduling: TpoSim only writes
/// the scripts, calls sbatch/squeue/scancel and reads the shard folders' manifests.
/// </summary>
public static class SlurmCommand
{
    /// <summary>Builds the command and its <c>status</c> subcommand.</summary>
    public static Command Create(CliConsole console)
    {
        var fileArg = new Argument<string>("population") { Description = "A population definition (docs/population.md) or a scenario file, as for 'tposim population'." };
        var subjects = new Option<int>("--subjects") { Description = $"Number of virtual subjects N (1–{PopulationRunner.MaxSubjects}).", DefaultValueFactory = _ => 100 };
        var seed = new Option<long>("--seed") { Description = "Random seed; the merged files equal 'tposim population' with the same seed, byte for byte.", DefaultValueFactory = _ => 1 };
        var shards = new Option<int>("--shards") { Description = "K, the number of array tasks (1–10000); task i runs shard i+1 of K (docs/scale-out.md, sizing K).", Required = true };
        var outDir = new Option<string>("--out") { Description = "Folder of the run on a filesystem the nodes share: the scripts, slurm.json, logs/, shards/NNN/ and the merged result/. " + OutputOptions.ExistingFolderRule, Required = true };
        var force = OutputOptions.Force();
        var partition = new Option<string?>("--partition") { Description = "Slurm partition of both jobs (default: the site's default partition)." };
        var time = new Option<string?>("--time") { Description = "Time limit of each job, in Slurm's format (e.g. 01:00:00; default: the partition's)." };
        var cpus = new Option<int>("--cpus-per-shard") { Description = "CPUs of each array task, used as its --threads (default 1).", DefaultValueFactory = _ => 1 };
        var rtol = ToleranceOption.Create("every subject's solve, as for 'tposim population'", "the trial statistics");
        var solver = new Option<string?>("--solver") { Description = "ODE solver of every subject ('tposim solvers'); default: the scenario's." };
        var tposim = new Option<string?>("--tposim") { Description = "The tposim command the jobs run (default: the absolute path of this tposim, which the nodes must see at the same path)." };
        var resume = new Option<bool>("--resume") { Description = "In an existing DIR of the same run: resubmit only the shards that failed or never ran, and a new merge job after them." };
        var noSubmit = new Option<bool>("--no-submit") { Description = "Only write the scripts and slurm.json (and print the sbatch commands); submit nothing." };
        var command = new Command("slurm", "Run a population on a Slurm cluster: a job array of 'tposim population --shard' tasks and a merge job after them ('--dependency=afterok'), submitted with sbatch; prints the job ids. 'tposim slurm status DIR' shows progress.")
        {
            fileArg, subjects, seed, shards, outDir, force, partition, time, cpus, rtol, solver, tposim, resume, noSubmit,
        };
        command.SetAction(parse => Submit(console, parse.GetValue(fileArg)!, parse.GetValue(subjects), parse.GetValue(seed), parse.GetValue(shards), parse.GetValue(outDir)!,
            parse.GetValue(force), parse.GetValue(partition), parse.GetValue(time), parse.GetValue(cpus), parse.GetValue(rtol), parse.GetValue(solver), parse.GetValue(tposim),
            parse.GetValue(resume), parse.GetValue(noSubmit)));

        var statusDir = new Argument<string>("folder") { Description = "The --out folder of 'tposim slurm'." };
        var status = new Command("status", "Show each shard of a 'tposim slurm' run (done, pending, running, failed or missing, from the shard folders and squeue) and the merge job.") { statusDir };
        status.SetAction(parse => Status(console, parse.GetValue(statusDir)!));
        command.Add(status);
        return command;
    }

    /// <summary>The command line that runs this tposim: the apphost's path, or dotnet and this assembly's path.</summary>
    internal static IReadOnlyList<string> ThisTposim()
    {
        var process = Environment.ProcessPath ?? "tposim";
        var name = Path.GetFileNameWithoutExtension(process);
        return name == "dotnet" ? [process, typeof(SlurmCommand).Assembly.Location] : [process];
    }

    private static int Submit(CliConsole console, string file, int subjects, long seed, int shards, string outDir, bool force, string? partition, string? time,
        int cpus, double rtol, string? solver, string? tposim, bool resume, bool noSubmit)
    {
        if (shards < 1 || shards > 10000) throw new CliInputException($"--shards: {shards} is outside the allowed range [1, 10000]");
        if (shards > subjects && subjects >= 1) throw new CliInputException($"--shards: {shards} is more than the {subjects} subjects (a shard holds at least one subject slot); use --shards {subjects} or fewer");
        if (cpus < 1 || cpus > 1024) throw new CliInputException($"--cpus-per-shard: {cpus} is outside the allowed range [1, 1024]");
        ToleranceOption.Check(rtol);
        if (solver is not null && !Simulation.SolverChoice.IsKnown(solver))
            throw new CliInputException($"--solver: unknown solver '{solver}'; allowed: {string.Join(", ", Simulation.SolverChoice.Names)}");
        foreach (var (name, value) in new[] { ("--partition", partition), ("--time", time) })
            if (value is not null && (value.Length == 0 || value.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '\\' or '$' or '`')))
                throw new CliInputException($"{name}: '{value}' must be one word without quotes, '$' or '\\'");
        // The file must run before anything is submitted: a bad file fails here, not in K jobs.
        var (definition, _) = PopulationCommand.Load(file);
        if (PopulationRunner.CheckSize(definition.BaseScenario, subjects) is { } tooBig) throw new CliInputException(tooBig);
        var dir = Path.GetFullPath(outDir);
        var command = tposim is null ? ThisTposim() : [tposim];
        var run = new SlurmRun(dir, Path.GetFullPath(file), subjects, seed, shards, command, partition, time, cpus, rtol, solver);
        if (resume) return Resume(console, run);

        using (var folder = Output.Files.OutputFolder.Begin(dir, force))
        {
            var staged = run with { Directory = folder.StagingPath };
            Directory.CreateDirectory(Path.Combine(folder.StagingPath, "logs"));
            Directory.CreateDirectory(Path.Combine(folder.StagingPath, "shards"));
            // The scripts name the final folder, not the staging one.
            File.WriteAllText(staged.ShardScript, SlurmScripts.Shards(run));
            File.WriteAllText(staged.MergeScript, SlurmScripts.Merge(run));
            File.WriteAllText(Path.Combine(folder.StagingPath, SlurmRun.StateFileName), run.Json());
            folder.Commit(console.Cancellation);
        }
        if (noSubmit)
        {
            console.Out.WriteLine($"Wrote {run.ShardScript}, {run.MergeScript} and {Path.Combine(dir, SlurmRun.StateFileName)} ({shards} shards of {subjects} subjects); submit with:");
            console.Out.WriteLine($"  id=$(sbatch --parsable {SlurmScripts.Quote(run.ShardScript)}) && sbatch --dependency=afterok:$id {SlurmScripts.Quote(run.MergeScript)}");
            return ExitCodes.Ok;
        }
        var array = Sbatch(run.ShardScript, []);
        var merge = Sbatch(run.MergeScript, [$"--dependency=afterok:{array}"], array);
        (run with { Submissions = [new SlurmRun.Submission(array, Enumerable.Range(0, shards).ToArray(), merge)] }).Save();
        console.Out.WriteLine($"Submitted array job {array} ({shards} shards of '{definition.Name}', {subjects} subjects, seed {seed}) and merge job {merge} (after all shards succeed).");
        console.Out.WriteLine($"Follow with: tposim slurm status {SlurmScripts.Quote(dir)}; the merged files appear in {SlurmScripts.Quote(run.ResultFolder)}");
        return ExitCodes.Ok;
    }

    private static int Resume(CliConsole console, SlurmRun asked)
    {
        var run = SlurmRun.Load(asked.Directory);
        foreach (var (field, given, stored) in new[]
        {
            ("population file", asked.File, run.File), ("--subjects", I(asked.Subjects), I(run.Subjects)), ("--seed", I(asked.Seed), I(run.Seed)), ("--shards", I(asked.Shards), I(run.Shards)),
        })
            if (given != stored) throw new CliInputException($"{Path.Combine(run.Directory, SlurmRun.StateFileName)}: {field}: this folder's run has {stored}, not {given}; --resume continues the same run");
        var states = ShardStates(run, out var queue);
        var busy = states.Where(s => s.State is "pending" or "running").Select(s => s.Index).ToArray();
        if (busy.Length > 0)
            throw new CliInputException($"--resume: shard(s) {string.Join(", ", busy.Take(10))} still queued or running; wait for them (tposim slurm status) or scancel them, then resume");
        var todo = states.Where(s => s.State != "done").Select(s => s.Index - 1).ToArray();
        // The previous merge waits on tasks that failed: it would never run (or run on a partial set), so it goes.
        if (run.Submissions.Count > 0 && queue is not null && queue.ContainsKey(run.Submissions[^1].MergeJob)) Tool("scancel", [run.Submissions[^1].MergeJob]);
        if (todo.Length == 0 && File.Exists(Path.Combine(run.ResultFolder, "metrics.json")))
        {
            console.Out.WriteLine($"Nothing to resume: all {run.Shards} shards are done and merged into {run.ResultFolder}");
            return ExitCodes.Ok;
        }
        File.WriteAllText(run.ShardScript, SlurmScripts.Shards(run));
        File.WriteAllText(run.MergeScript, SlurmScripts.Merge(run));
        string? array = null;
        if (todo.Length > 0) array = Sbatch(run.ShardScript, [$"--array={string.Join(",", todo)}"]);
        var merge = Sbatch(run.MergeScript, array is null ? [] : [$"--dependency=afterok:{array}"], array);
        (run with { Submissions = [.. run.Submissions, new SlurmRun.Submission(array ?? "", todo, merge)] }).Save();
        console.Out.WriteLine(array is null
            ? $"All {run.Shards} shards are done; submitted merge job {merge}."
            : $"Resubmitted {todo.Length} of {run.Shards} shards as array job {array} (tasks {string.Join(",", todo.Take(20))}{(todo.Length > 20 ? ",…" : "")}) and merge job {merge} after them.");
        return ExitCodes.Ok;
    }

    private static int Status(CliConsole console, string directory)
    {
        var run = SlurmRun.Load(directory);
        var states = ShardStates(run, out var queue);
        var queueNote = queue is null ? " (squeue did not answer: queued and running shards show as missing)" : "";
        console.Out.WriteLine($"{run.Shards} shards of {run.Subjects} subjects of {run.File}, seed {run.Seed}{queueNote}:");
        foreach (var s in states)
            console.Out.WriteLine($"  shard {s.Index.ToString(CultureInfo.InvariantCulture).PadLeft(run.ShardWidth)}  slots {s.Slots.From}–{s.Slots.To - 1}  {s.State}{s.Detail}");
        var done = states.Count(s => s.State == "done");
        var counts = string.Join(", ", states.GroupBy(s => s.State).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
        string merge;
        if (File.Exists(Path.Combine(run.ResultFolder, "metrics.json"))) merge = $"done: {run.ResultFolder}";
        else if (run.Submissions.Count == 0) merge = "not submitted";
        else
        {
            var id = run.Submissions[^1].MergeJob;
            merge = queue is not null && queue.TryGetValue(id, out var state) ? $"{state} (job {id})"
                : File.Exists(Path.Combine(run.Directory, "logs", $"merge-{id}.out")) ? $"failed (job {id}; see logs/merge-{id}.out)" : $"not run (job {id})";
        }
        console.Out.WriteLine($"progress: {done}/{run.Shards} shards done ({(100.0 * done / run.Shards).ToString("0", CultureInfo.InvariantCulture)}%; {counts}); merge: {merge}");
        return ExitCodes.Ok;
    }

    /// <summary>One shard's state: done (a valid manifest of this run), pending or running (squeue), failed (it ran: a log, no manifest) or missing.</summary>
    private sealed record ShardState(int Index, TpoSim.Sensitivity.RunRange Slots, string State, string Detail);

    private static List<ShardState> ShardStates(SlurmRun run, out Dictionary<string, string>? queue)
    {
        queue = Queue();
        var states = new List<ShardState>();
        for (var i = 1; i <= run.Shards; i++)
        {
            var slots = TpoSim.Sensitivity.RunRange.Shard(i, run.Shards, run.Subjects);
            var manifestPath = Path.Combine(run.ShardFolder(i), PopulationManifest.FileName);
            if (File.Exists(manifestPath) && Input.InputFile.TryReadText(manifestPath, out var text, out _)
                && PopulationManifest.Parse(text, manifestPath) is ({ } m, null) && m.Seed == run.Seed && m.Subjects == run.Subjects && m.ShardIndex == i && m.ShardCount == run.Shards)
            {
                states.Add(new ShardState(i, slots, "done", $" ({m.Enrolled} enrolled, {m.Screened} screened)"));
                continue;
            }
            // The latest submission that ran this task owns it.
            var task = i - 1;
            var owner = run.Submissions.LastOrDefault(s => s.Tasks.Contains(task));
            if (owner is not null && queue is not null && queue.TryGetValue($"{owner.ArrayJob}_{task}", out var state))
            {
                states.Add(new ShardState(i, slots, state, $" (job {owner.ArrayJob}_{task})"));
                continue;
            }
            var log = run.ShardLog(task);
            states.Add(File.Exists(log) ? new ShardState(i, slots, "failed", $" (see logs/{Path.GetFileName(log)})") : new ShardState(i, slots, "missing", ""));
        }
        return states;
    }

    /// <summary>squeue's jobs (array tasks one a line) as id → pending/running/…; null when squeue is not there or fails.</summary>
    private static Dictionary<string, string>? Queue()
    {
        var jobs = new Dictionary<string, string>(StringComparer.Ordinal);
        var (code, stdout, _) = Tool("squeue", ["-h", "-r", "-o", "%i %T"]);
        if (code != 0) return null;
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', 2);
            if (parts.Length == 2) jobs[parts[0]] = parts[1].ToLowerInvariant();
        }
        return jobs;
    }

    /// <summary>Submits <paramref name="script"/> with sbatch --parsable; the job id, or a one-line error.</summary>
    private static string Sbatch(string script, IReadOnlyList<string> options, string? submitted = null)
    {
        var (code, stdout, stderr) = Tool("sbatch", ["--parsable", .. options, script]);
        var already = submitted is null ? "" : $" (array job {submitted} was submitted; scancel it or run 'tposim slurm ... --resume')";
        if (code == -1) throw new CliInputException($"sbatch: not found on PATH: run on a Slurm login node, or use --no-submit to write the scripts only{already}");
        // --parsable prints "id" or "id;cluster".
        var id = stdout.Trim().Split(';')[0];
        if (code != 0 || id.Length == 0 || !id.All(char.IsAsciiDigit))
            throw new CliInputException($"sbatch: {Path.GetFileName(script)} was not submitted (exit {code}): {OneLine(stderr.Length > 0 ? stderr : stdout)}{already}");
        return id;
    }

    /// <summary>Runs a Slurm client; (−1, "", "") when it is not installed.</summary>
    private static (int Code, string Stdout, string Stderr) Tool(string name, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(info)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, stdout.Result, stderr);
        }
        catch (Win32Exception)
        {
            return (-1, "", "");
        }
    }

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string OneLine(string text) => string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
