using Spectre.Console;

namespace TpoSim.Cli.Commands.Sensitivity;

/// <summary>Runs a long job with a progress bar on a terminal, plain "progress: N%" lines otherwise, nothing when quiet.</summary>
internal static class ProgressLines
{
    /// <summary>Runs <paramref name="job"/> with a progress sink.</summary>
    public static T Run<T>(CliConsole console, bool quiet, string label, Func<IProgress<double>?, T> job)
    {
        if (quiet) return job(null);
        if (console.IsInteractive)
        {
            T result = default!;
            console.Ansi.Progress().AutoClear(true).Start(ctx =>
            {
                var task = ctx.AddTask(label, maxValue: 1.0);
                result = job(new Sink(f => task.Value = f));
                task.Value = 1.0;
            });
            return result;
        }
        var last = -1;
        var gate = new object();
        return job(new Sink(f =>
        {
            var pct = (int)Math.Floor(f * 100);
            lock (gate)
            {
                if (pct <= last || f >= 1) return;
                last = pct;
                console.Out.WriteLine($"progress: {pct}%");
            }
        }));
    }

    private sealed class Sink(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
