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
    public Option<string[]> Estimate { get; } = new("--estimate")
    {
        Description = $"Also estimate this parameter, NAME or NAME=CV (repeatable): any parameter of 'tposim parameters' or of the dosed drug ('tposim drugs'), e.g. eltrombopagEc50=1; its prior is log-normal around the model's value with that CV ({FitPrior.MinimumCv}–{FitPrior.MaximumCv}, default {DefaultCv}).",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>CV of an added parameter's prior when none is given: wide, so that the data decide (assumed).</summary>
    public const double DefaultCv = 1.0;

    public void AddTo(Command command)
    {
        command.Add(File);
        command.Add(Condition);
        command.Add(Drug);
        command.Add(Weight);
        command.Add(Threads);
        command.Add(Quiet);
        command.Add(Estimate);
    }

    /// <summary>The condition's population prior, widened by every <c>--estimate</c>.</summary>
    /// <exception cref="CliInputException">A bad --estimate (one line, naming the flag).</exception>
    public FitPrior Prior(ParseResult parse, PatientHistory history)
    {
        var prior = FitPrior.For(history.PriorName)!;
        var extra = new List<(string, double)>();
        foreach (var item in parse.GetValue(Estimate) ?? [])
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            var name = (eq < 0 ? item : item[..eq]).Trim();
            var cv = DefaultCv;
            if (eq >= 0 && !double.TryParse(item[(eq + 1)..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out cv))
                throw new CliInputException($"--estimate: '{Input.InputText.OneLine(item)}' is not NAME or NAME=CV (a number in [{FitPrior.MinimumCv}, {FitPrior.MaximumCv}])");
            extra.Add((name, cv));
        }
        try
        {
            return prior.WithEstimates(extra, history.Drug);
        }
        catch (ArgumentException e)
        {
            throw new CliInputException($"--estimate: {e.Message}");
        }
    }

    /// <summary>The history; a bad file is a <see cref="CliInputException"/> listing every problem.</summary>
    public PatientHistory Load(CliConsole console, ParseResult parse)
    {
        var threads = parse.GetValue(Threads);
        if (threads < 1) throw new CliInputException($"--threads: {threads} is outside the allowed range [1, ∞)");
        var path = parse.GetValue(File)!;
        var history = CliInputFiles.Value(PatientFile.Read(path, new PatientFileOverrides(parse.GetValue(Drug), parse.GetValue(Weight), parse.GetValue(Condition))), path);
        if (PatientFile.TimeUnitWarning(history) is { } warning) console.Error.WriteLine($"tposim: warning: {warning}");
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
