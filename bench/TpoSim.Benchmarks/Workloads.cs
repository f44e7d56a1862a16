using System.Diagnostics;
using System.Globalization;
using TpoSim.Fitting;
using TpoSim.Forecasting;
using TpoSim.Population;
using TpoSim.Scenarios;
using TpoSim.Simulation;
using TpoSim.Validation;

namespace TpoSim.Benchmarks;

/// <summary>
/// The workloads users wait for (issue 18's table), built once from the repository's own files so the
/// BenchmarkDotNet classes and the quick <c>workloads</c> mode time exactly the same calls.
/// </summary>
public static class Workloads
{
    /// <summary>The repository root (the folder holding TpoSim.slnx), searched upwards from the working folder and the binary.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "TpoSim.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("run from inside the repository (TpoSim.slnx not found above the current folder)");
    }

    /// <summary>A file of the repository.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>The Kuter 2008 virtual trial (romiplostim titration, 24 weeks + follow-up).</summary>
    public static PopulationDefinition Kuter2008() =>
        PopulationParser.ParseFile(PathOf("populations/itp-kuter2008.json")).Value
        ?? throw new InvalidOperationException("populations/itp-kuter2008.json does not parse");

    /// <summary>
    /// A population run of <paramref name="subjects"/> subjects on <paramref name="threads"/> threads, at
    /// <paramref name="rtol"/> or else the population default (what <c>tposim population</c> uses).
    /// </summary>
    public static PopulationResult Population(PopulationDefinition definition, int subjects, int threads, long seed = 1, double? rtol = null) =>
        PopulationRunner.Run(definition, new PopulationOptions(subjects, seed, threads) { RelativeTolerance = rtol ?? PopulationOptions.DefaultRelativeTolerance });

    /// <summary>
    /// <c>population-memory --subjects N [--threads K] [--rtol R]</c>: one Kuter 2008 run of N subjects (after a 20-subject warm-up),
    /// printing CPU ms and bytes allocated per subject, the managed heap still held by the result per subject, and the
    /// process's peak working set. Run each N in its own process: the peak working set is the process's lifetime peak.
    /// </summary>
    public static int PopulationMemory(string[] args)
    {
        int subjects = 1000, threads = 1;
        double? rtol = null;
        var types = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--subjects") subjects = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--threads") threads = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--rtol") rtol = double.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--types") types = true;
            else { Console.Error.WriteLine($"population-memory: unknown argument '{args[i]}'"); return 2; }
        }
        var kuter = Kuter2008();
        Population(kuter, 20, threads); // warm-up: JIT, tiered compilation
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(true);
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        using var sampler = types ? new AllocationSampler() : null;
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        var clock = Stopwatch.StartNew();
        var result = Population(kuter, subjects, threads, 1, rtol);
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
        if (sampler is not null)
        {
            // Sampled by type (≈ every 100 KB), in KB a subject.
            foreach (var (type, share) in sampler.Top(40))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{share * allocated / 1024.0 / subjects,8:F1} KB  {type}"));
        }
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        // What the result keeps (rows, bands) once the run's garbage is collected.
        var retained = GC.GetTotalMemory(true) - heapBefore;
        GC.KeepAlive(result);
        process.Refresh();
        Console.WriteLine($"# {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Trim()}, rtol {rtol ?? PopulationOptions.DefaultRelativeTolerance:0e+0}");
        Console.WriteLine("subjects,threads,ok,screened,wall_s,cpu_ms_per_subject,alloc_KB_per_subject,retained_KB,retained_B_per_subject,peak_working_set_MB");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{subjects},{threads},{result.Succeeded},{result.Screened},{clock.Elapsed.TotalSeconds:F1},{cpu / subjects:F2},{allocated / 1024.0 / subjects:F1},{retained / 1024.0:F0},{retained / (double)subjects:F0},{process.PeakWorkingSet64 / 1048576.0:F0}"));
        return 0;
    }

    /// <summary>
    /// <c>tolerance-cost [--subjects N] [--threads K]</c>: the Kuter 2008 trial at several relative tolerances, each trial
    /// statistic against rtol 1e-8 (same seed, so the same subjects), with CPU time per subject.
    /// </summary>
    public static int ToleranceCost(string[] args)
    {
        int subjects = 500, threads = Environment.ProcessorCount;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--subjects") subjects = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--threads") threads = int.Parse(args[++i], CultureInfo.InvariantCulture);
        }
        var kuter = Kuter2008();
        var rtols = new[] { 1e-8, 1e-6, 1e-4, 1e-3 };
        var results = new List<(double Rtol, IReadOnlyList<PopulationStatistic> Stats, double CpuMs, double MaxBandError)>();
        PopulationResult? reference = null;
        var process = Process.GetCurrentProcess();
        Population(kuter, 20, threads); // warm-up
        foreach (var rtol in rtols)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            var r = Population(kuter, subjects, threads, 1, rtol);
            process.Refresh();
            var cpu = (process.TotalProcessorTime - before).TotalMilliseconds / subjects;
            reference ??= r;
            // Largest relative difference of the 5–95% platelet bands from the reference, over all grid points and percentiles.
            var band = 0.0;
            for (var q = 0; q < r.PlateletBands.Count; q++)
                for (var i = 0; i < r.PlateletBands[q].Length; i++)
                    band = Math.Max(band, Math.Abs(r.PlateletBands[q][i] / reference.PlateletBands[q][i] - 1));
            results.Add((rtol, PopulationMetrics.All(r), cpu, band));
        }
        Console.WriteLine($"# Kuter 2008, {subjects} subjects, seed 1, {threads} threads; differences against rtol 1e-8");
        Console.WriteLine("statistic," + string.Join(",", rtols.Select(r => $"rtol {r:0e+0}")) + ",MC SE");
        var names = results[0].Stats.Select(s => s.Name).ToArray();
        for (var k = 0; k < names.Length; k++)
        {
            var refValue = results[0].Stats[k].Value;
            var cells = results.Select((r, i) => i == 0
                ? r.Stats[k].Value.ToString("G6", CultureInfo.InvariantCulture)
                : (r.Stats[k].Value - refValue).ToString("+0.####;-0.####;0", CultureInfo.InvariantCulture));
            Console.WriteLine($"{names[k]},{string.Join(",", cells)},{results[0].Stats[k].StandardError.ToString("G3", CultureInfo.InvariantCulture)}");
        }
        Console.WriteLine("max relative platelet-band difference," + string.Join(",", results.Select(r => r.MaxBandError.ToString("G3", CultureInfo.InvariantCulture))) + ",");
        Console.WriteLine("CPU ms per subject," + string.Join(",", results.Select(r => r.CpuMs.ToString("F1", CultureInfo.InvariantCulture))) + ",");
        return 0;
    }

    /// <summary>
    /// <c>forecast-tolerance [--drug romiplostim|eltrombopag] [--threads K]</c>: the 8-week forecast of an example patient
    /// (the fit once, then every default regimen × 100 draws) at rtol 1e-8, 1e-6, 1e-4 and 1e-3, each regimen's time in
    /// range, P(&gt; 400) and mean weekly dose as differences from rtol 1e-8 beside their Monte-Carlo standard errors, the
    /// largest relative band difference and the wall and CPU time of the draws (the forecast's tolerance policy).
    /// </summary>
    public static int ForecastTolerance(string[] args)
    {
        var drug = "romiplostim";
        var threads = Environment.ProcessorCount;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--drug") drug = args[++i];
            else if (args[i] == "--threads") threads = int.Parse(args[++i], CultureInfo.InvariantCulture);
        }
        var fit = Fit(drug, threads).Fit;
        var rtols = new[] { 1e-8, 1e-6, 1e-4, 1e-3 };
        Forecast(fit, 8, threads, 1e-4); // warm-up
        var process = Process.GetCurrentProcess();
        var runs = new List<(double Rtol, ForecastResult Result, double WallMs, double CpuMs)>();
        foreach (var rtol in rtols)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var result = Forecast(fit, 8, threads, rtol);
            watch.Stop();
            process.Refresh();
            runs.Add((rtol, result, watch.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu).TotalMilliseconds));
        }
        var reference = runs[0].Result;
        Console.WriteLine($"# forecast, {drug} example, 8 weeks, {reference.Regimens[0].Draws.Count} draws per regimen, {threads} threads; load {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("regimen,statistic," + string.Join(",", rtols.Select(r => $"rtol {r:0e+0}")) + ",MC SE");
        static string D(double v) => v.ToString("+0.#####;-0.#####;0", CultureInfo.InvariantCulture);
        for (var g = 0; g < reference.Regimens.Count; g++)
        {
            var name = reference.Regimens[g].Regimen.Name;
            var n = reference.Regimens[g].Draws.Count;
            var tir = reference.Regimens[g].TimeInTarget;
            var risk = reference.Regimens[g].RiskAbove;
            // The MC standard error of a share over n draws; of the mean time in range from the draws' own spread.
            var tirs = reference.Regimens[g].Draws.Select(c => c.Skip(1).Count(v => v >= 50 && v <= 150) / (double)Math.Max(1, c.Length - 1)).ToArray();
            var tirSe = Math.Sqrt(tirs.Select(t => (t - tir) * (t - tir)).Sum() / Math.Max(1, n - 1) / n);
            Console.WriteLine($"{name},time in range,{tir.ToString("G5", CultureInfo.InvariantCulture)},{string.Join(",", runs.Skip(1).Select(r => D(r.Result.Regimens[g].TimeInTarget - tir)))},{tirSe.ToString("G3", CultureInfo.InvariantCulture)}");
            Console.WriteLine($"{name},P(> 400),{risk.ToString("G5", CultureInfo.InvariantCulture)},{string.Join(",", runs.Skip(1).Select(r => D(r.Result.Regimens[g].RiskAbove - risk)))},{Math.Sqrt(risk * (1 - risk) / n).ToString("G3", CultureInfo.InvariantCulture)}");
            Console.WriteLine($"{name},mean weekly dose,{reference.Regimens[g].MeanWeeklyDose.ToString("G5", CultureInfo.InvariantCulture)},{string.Join(",", runs.Skip(1).Select(r => D(r.Result.Regimens[g].MeanWeeklyDose - reference.Regimens[g].MeanWeeklyDose)))},");
        }
        // Largest relative difference of any band point of any regimen from the reference.
        var bands = runs.Select(r =>
        {
            var worst = 0.0;
            for (var g = 0; g < r.Result.Regimens.Count; g++)
                for (var q = 0; q < r.Result.Regimens[g].Bands.Length; q++)
                    for (var i = 0; i < r.Result.Regimens[g].Bands[q].Length; i++)
                        worst = Math.Max(worst, Math.Abs(r.Result.Regimens[g].Bands[q][i] / reference.Regimens[g].Bands[q][i] - 1));
            return worst;
        });
        Console.WriteLine("all,max relative band difference," + string.Join(",", bands.Select(b => b.ToString("G3", CultureInfo.InvariantCulture))) + ",");
        Console.WriteLine("all,recommended," + string.Join(",", runs.Select(r => r.Result.Regimens[r.Result.Recommended].Regimen.Name)) + ",");
        Console.WriteLine("all,wall ms," + string.Join(",", runs.Select(r => r.WallMs.ToString("F0", CultureInfo.InvariantCulture))) + ",");
        Console.WriteLine("all,CPU ms," + string.Join(",", runs.Select(r => r.CpuMs.ToString("F0", CultureInfo.InvariantCulture))) + ",");
        return 0;
    }

    /// <summary>The fit problem of an example patient (examples/patient-itp-*.csv).</summary>
    public static FitProblem FitProblemOf(string drug)
    {
        var (history, errors) = PatientFile.Read(PathOf($"examples/patient-itp-{drug}.csv"));
        if (history is null) throw new InvalidOperationException(string.Join("; ", errors));
        return new FitProblem(history, FitPrior.For(history.PriorName)!);
    }

    /// <summary>What <c>tposim fit</c> computes: the MAP fit, then the MAP curve and 40 band draws.</summary>
    public static (FitResult Fit, FitCurves Curves) Fit(string drug, int threads)
    {
        var problem = FitProblemOf(drug);
        var fit = MapEstimator.Fit(problem, new MapOptions(Threads: threads));
        return (fit, FitCurves.Compute(fit, fit.Converged ? 40 : 0, 1, threads));
    }

    /// <summary>What <c>tposim forecast PATIENT --weeks 8 --fit fit.json</c> computes after reading the fit: every default regimen × 100 draws.</summary>
    public static ForecastResult Forecast(FitResult fit, int weeks, int threads, double? rtol = null)
    {
        var history = fit.Problem.History;
        var regimens = new List<Regimen> { Regimen.Label, Regimen.Hold };
        var current = history.CurrentDose(history.LastObservationDay);
        var levels = Policies.TitrationCatalog.StartLevels(Forecaster.LabelPolicy(history.Drug!)) ?? [];
        var below = levels.Where(l => l < current - 1e-9).DefaultIfEmpty(double.NaN).Max();
        var above = levels.Where(l => l > current + 1e-9).DefaultIfEmpty(double.NaN).Min();
        foreach (var d in new[] { below, current, above }.Where(double.IsFinite)) regimens.Add(Regimen.Fixed(d));
        return Forecaster.Run(fit, regimens, new ForecastOptions(weeks, 50, 150, 0.1, Threads: threads) { RelativeTolerance = rtol ?? SolverChoice.DrawRelativeTolerance });
    }

    /// <summary>Every validation case (what <c>tposim validate</c> runs).</summary>
    public static IReadOnlyList<CaseResult> Validate()
    {
        // The suite caches population cases per process (the test run validates several times); a benchmark wants them run.
        var cache = typeof(ValidationSuite).GetField("PopulationCache", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)?.GetValue(null);
        cache?.GetType().GetMethod("Clear")?.Invoke(cache, null);
        return ValidationSuite.Run(CaseFileLoader.LoadFile(PathOf(CaseFileLoader.DefaultRelativePath), Root).Value!);
    }

    /// <summary>Eltrombopag 50 mg daily for one year in an ITP patient (a daily dose with a lag and a rate switch: 3 events a day).</summary>
    public static Scenario EltrombopagDailyYear() => ParseScenario("""
        {
          "name": "Eltrombopag 50 mg daily for one year (ITP)",
          "patient": { "weightKg": 70, "sex": "male", "condition": { "name": "itp", "severity": 0.7 } },
          "simulation": { "days": 365, "outputEveryDays": 1 },
          "doses": [ { "drug": "eltrombopag", "route": "oral", "amount": 50, "unit": "mg", "day": 0, "everyDays": 1, "count": 365 } ]
        }
        """);

    /// <summary>Parses a scenario given as JSON text (relative paths from the repository's scenarios folder).</summary>
    public static Scenario ParseScenario(string json)
    {
        var parsed = ScenarioParser.Parse(json, PathOf("scenarios"));
        return parsed.Succeeded ? parsed.Value! : throw new InvalidOperationException(string.Join("; ", parsed.Errors.Select(e => e.Format("inline"))));
    }

    /// <summary>
    /// The quick mode: each workload warm, in process, repeated, with its median wall time and allocation.
    /// <c>workloads [--only NAME,...] [--repeat N] [--threads K] [--subjects N]</c>.
    /// </summary>
    public static int Run(string[] args)
    {
        string? only = null;
        int repeat = 3, threads = 1, subjects = 100;
        double? rtol = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--only": only = args[++i]; break;
                case "--repeat": repeat = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--subjects": subjects = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rtol": rtol = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"workloads: unknown argument '{args[i]}'"); return 2;
            }
        }
        bool Wanted(string name) => only is null || only.Split(',').Contains(name);
        Console.WriteLine($"# {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Trim()}; threads {threads}; median of {repeat}");
        Console.WriteLine("workload,median_ms,min_ms,cpu_ms,alloc_MB,note");
        var kuter = Kuter2008();
        if (Wanted("kuter")) Time("kuter", repeat, () => { var r = Population(kuter, subjects, threads, 1, rtol); return $"{subjects} subjects, {r.Succeeded} ok; per subject {{0:F2}} CPU-ms"; }, subjects, threads);
        FitResult? romFit = null;
        if (Wanted("fit-romiplostim") || Wanted("forecast")) Time("fit-romiplostim", repeat, () => { var f = Fit("romiplostim", threads); romFit = f.Fit; return $"{f.Fit.Evaluations} simulations, converged {f.Fit.Converged}"; });
        if (Wanted("fit-eltrombopag")) Time("fit-eltrombopag", repeat, () => { var f = Fit("eltrombopag", threads); return $"{f.Fit.Evaluations} simulations, converged {f.Fit.Converged}"; });
        if (Wanted("forecast") && romFit is not null) Time("forecast", repeat, () => { var f = Forecast(romFit, 8, threads); return $"{f.Regimens.Count} regimens, best {f.Regimens[f.Recommended].Regimen.Name}"; });
        if (Wanted("validate")) Time("validate", repeat, () => { var r = Validate(); return $"{r.Count(c => c.Pass)}/{r.Count} pass"; });
        var elt = EltrombopagDailyYear();
        if (Wanted("eltrombopag-year")) Time("eltrombopag-year", repeat, () => { var r = Simulator.Run(elt); return $"{r.Statistics.AcceptedSteps} accepted, {r.Statistics.RejectedSteps} rejected, {r.Status}"; });
        return 0;
    }

    private static void Time(string name, int repeat, Func<string> work, int perUnit = 0, int threads = 1)
    {
        work(); // warm-up: JIT, tiered compilation
        var times = new List<double>();
        var cpu = new List<double>();
        long bytes = 0;
        var process = Process.GetCurrentProcess();
        var note = "";
        for (var i = 0; i < repeat; i++)
        {
            GC.Collect();
            long before = GC.GetTotalAllocatedBytes(true);
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            note = work();
            clock.Stop();
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            bytes = GC.GetTotalAllocatedBytes(true) - before;
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        cpu.Sort();
        var median = times[times.Count / 2];
        var cpuMedian = cpu[cpu.Count / 2];
        // Per-unit figures use CPU time: on a shared machine wall time also counts other processes' turns.
        if (perUnit > 0) note = string.Format(CultureInfo.InvariantCulture, note, cpuMedian / perUnit);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name},{median:F1},{times[0]:F1},{cpuMedian:F1},{bytes / 1e6:F1},{note}"));
    }
}
