using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TpoSim.Fitting;

namespace TpoSim.Cli.Commands;

/// <summary><c>tposim fit PATIENT.csv [--condition itp] [--out DIR]</c>: MAP Bayes estimates of one patient's parameters.</summary>
public static class FitCommand
{
    /// <summary>Laplace draws behind the band of fit.svg.</summary>
    private const int BandDraws = 40;

    /// <summary>Builds the command.</summary>
    public static Command Create(CliConsole console)
    {
        var input = new PatientInput();
        var outDir = new Option<string>("--out") { Description = "Directory for fit.json and fit.svg. " + OutputOptions.ExistingFolderRule, DefaultValueFactory = _ => "out-fit" };
        var force = OutputOptions.Force();
        var maxIterations = new Option<int>("--max-iterations") { Description = "Optimizer iteration cap (1–1000); the fit exits 3 when it is reached.", DefaultValueFactory = _ => 50 };
        var command = new Command("fit", "Fit the model to one patient's history (MAP Bayes, population prior, log-additive residual error) and print the estimates with 95% Laplace intervals. Writes fit.json and fit.svg. Exit 3 when the fit does not converge.")
        {
            outDir, force, maxIterations,
        };
        input.AddTo(command);
        command.SetAction(parse => Run(console, input, parse, parse.GetValue(outDir)!, parse.GetValue(force), parse.GetValue(maxIterations)));
        return command;
    }

    private static int Run(CliConsole console, PatientInput input, ParseResult parse, string outDir, bool force, int maxIterations)
    {
        if (maxIterations is < 1 or > 1000) throw new CliInputException($"--max-iterations: {maxIterations} is outside the allowed range [1, 1000]");
        var history = input.Load(console, parse);
        if (history is null) return ExitCodes.BadInput;
        var quiet = parse.GetValue(input.Quiet);
        var threads = parse.GetValue(input.Threads);
        var problem = new FitProblem(history, input.Prior(parse, history));
        using var folder = Output.Files.OutputFolder.Begin(outDir, force);
        if (!quiet) console.Out.WriteLine($"Fitting {problem.Dimension} parameters of patient {history.Id} to {problem.ObservationCount} observations and {history.Doses.Count} doses ({history.Drug ?? "no drug"}; prior: {problem.Prior.Title}) ...");
        // Progress: the fit is the first 70%, the band's draws the rest.
        var (fit, curves) = ProgressRun.Run(console, quiet, "fit", progress =>
        {
            var f = MapEstimator.Fit(problem, new MapOptions(MaxIterations: maxIterations, Threads: threads), console.Cancellation, progress: progress is null ? null : new Scaled(progress, 0, 0.7));
            return (f, FitCurves.Compute(f, f.Converged ? BandDraws : 0, 1, threads, progress: progress is null ? null : new Scaled(progress, 0.7, 0.3)));
        });
        console.Cancellation.ThrowIfCancellationRequested();
        var written = FitFiles.WriteAll(fit, curves, folder.StagingPath);
        folder.Commit(console.Cancellation);
        if (!quiet)
        {
            Print(console, fit);
            console.Out.WriteLine(OutputOptions.Wrote(folder, written));
        }
        if (!fit.Converged)
        {
            console.Error.WriteLine($"tposim: the fit did not converge ({fit.Message}); the estimates are not reliable");
            return ExitCodes.NumericalFailure;
        }
        return ExitCodes.Ok;
    }

    private sealed class Scaled(IProgress<double> inner, double offset, double span) : IProgress<double>
    {
        public void Report(double value) => inner.Report(offset + span * value);
    }

    private static void Print(CliConsole console, FitResult fit)
    {
        static string G(double v) => v.ToString("G3", CultureInfo.InvariantCulture);
        var h = fit.Problem.History;
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]MAP estimates, patient {Markup.Escape(h.Id)}[/]");
        table.AddColumn("Parameter");
        table.AddColumn("Unit");
        table.AddColumn(new TableColumn("Prior median (CV)").RightAligned());
        table.AddColumn(new TableColumn("Estimate").RightAligned());
        table.AddColumn(new TableColumn("95% interval").RightAligned());
        table.AddColumn(new TableColumn("Post./prior SD").RightAligned());
        foreach (var e in fit.Estimates)
        {
            table.AddRow(Markup.Escape($"{e.Parameter.Name} ({e.Parameter.Meaning})"), Markup.Escape(e.Parameter.Unit),
                $"{G(e.Parameter.Typical)} ({(100 * e.Parameter.Cv).ToString("0", CultureInfo.InvariantCulture)}%)", G(e.Value),
                fit.Covariance is null ? "–" : $"{G(e.Lower)}–{G(e.Upper)}", fit.Covariance is null ? "–" : e.PosteriorToPriorSd.ToString("0.00", CultureInfo.InvariantCulture));
        }
        table.Caption(Markup.Escape($"{fit.Message}; {fit.Evaluations} simulations; residual σ {G(fit.Problem.Prior.Error.PlateletSd)} (platelets), {G(fit.Problem.Prior.Error.TpoSd)} (TPO) on the log scale"));
        console.Ansi.Write(table);
    }
}
