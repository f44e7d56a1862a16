using System.CommandLine;
using Spectre.Console;
using TpoSim.Fitting;

namespace TpoSim.Cli.Commands;

/// <summary>The patient-file argument and options shared by <c>fit</c> and <c>forecast</c>.</summary>
internal sealed class PatientInput
{
    public Argument<string> File { get; } = new("patient")
    {
        Description = "Patient history: NONMEM-style CSV (ID,TIME[h],AMT,EVID,CMT,II,ADDL,DV; CMT 4 platelets 10^9/L, 5 TPO pg/mL) with header lines '# drug: …', '# unit: …', '# weightKg: …' (docs/fit-forecast.md).",
    };
    public Option<string?> Condition { get; } = new("--condition") { Description = $"Condition whose population prior is used (allowed: {string.Join(", ", PatientFile.Conditions)}; default: the file's, else itp)." };
    public Option<string?> Drug { get; } = new("--drug") { Description = $"Drug of the dose rows, replacing the file's '# drug:' line (allowed: {string.Join(", ", PatientFile.Drugs)})." };
    public Option<double?> Weight { get; } = new("--weight") { Description = "Body weight in kg, replacing the file's '# weightKg:' line (default 70)." };
    public Option<int> Threads { get; } = new("--threads") { Description = "Worker threads (default: all cores); results do not depend on it.", DefaultValueFactory = _ => Environment.ProcessorCount };
    public Option<bool> Quiet { get; } = new("--quiet") { Description = "Print only errors." };

    public void AddTo(Command command)
    {
        command.Add(File);
        command.Add(Condition);
        command.Add(Drug);
        command.Add(Weight);
        command.Add(Threads);
        command.Add(Quiet);
    }

    /// <summary>The history, or null after printing each problem on one line to stderr.</summary>
    public PatientHistory? Load(CliConsole console, ParseResult parse)
    {
        var threads = parse.GetValue(Threads);
        if (threads < 1) throw new CliInputException($"--threads: {threads} is outside the allowed range [1, ∞)");
        var (history, errors) = PatientFile.Read(parse.GetValue(File)!, new PatientFileOverrides(parse.GetValue(Drug), parse.GetValue(Weight), parse.GetValue(Condition)));
        foreach (var e in errors) console.Error.WriteLine($"tposim: {e}");
        if (history is not null && PatientFile.TimeUnitWarning(history) is { } warning) console.Error.WriteLine($"tposim: warning: {warning}");
        return history;
    }
}

/// <summary>Runs work with a Spectre progress bar on a terminal, plain <c>progress: N%</c> lines otherwise, nothing when quiet.</summary>
internal static class ProgressRun
{
    public static T Run<T>(CliConsole console, bool quiet, string task, Func<IProgress<double>?, T> work)
    {
        if (quiet) return work(null);
        if (console.IsInteractive)
        {
            T result = default!;
            console.Ansi.Progress().AutoClear(true).Start(ctx =>
            {
                var t = ctx.AddTask(task, maxValue: 1.0);
                result = work(new Reporter(f => t.Value = f));
                t.Value = 1.0;
            });
            return result;
        }
        var last = -1;
        var gate = new object();
        return work(new Reporter(f =>
        {
            var pct = (int)Math.Floor(f * 100);
            lock (gate)
            {
                if (pct > last && f < 1) console.Out.WriteLine($"progress: {pct}%");
                last = Math.Max(last, pct);
            }
        }));
    }

    private sealed class Reporter(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
