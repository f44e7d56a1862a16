using BenchmarkDotNet.Attributes;
using TpoSim.Fitting;
using TpoSim.Population;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Benchmarks;

/// <summary>
/// The workloads users wait for (issue 18's table), as BenchmarkDotNet benchmarks with allocation. Goals (docs/performance.md):
/// population 100,000 × 26 weeks ≤ 60 s on 2 cores, fit ≤ 0.5 s, forecast ≤ 1 s, validate ≤ 10 s. Run:
/// <c>dotnet run -c Release --project bench/TpoSim.Benchmarks -- --filter '*Workload*'</c>; the quicker
/// <c>-- workloads</c> mode times the same calls without BenchmarkDotNet's statistics.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PopulationWorkloadBenchmarks
{
    private const int Subjects = 50;
    private PopulationDefinition _kuter = null!;

    /// <summary>Worker threads (results are identical for any count).</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Parses the Kuter 2008 population once.</summary>
    [GlobalSetup]
    public void Setup() => _kuter = Workloads.Kuter2008();

    /// <summary>One Kuter 2008 subject (24 weeks of weekly romiplostim titration), averaged over a 50-subject run.</summary>
    [Benchmark(OperationsPerInvoke = Subjects)]
    public int Kuter2008Subject() => Workloads.Population(_kuter, Subjects, Threads).Succeeded;
}

/// <summary>The fits and the forecast of the example patients (what <c>tposim fit</c> and <c>tposim forecast --weeks 8</c> compute).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class FitWorkloadBenchmarks
{
    private FitResult _romiplostim = null!;

    /// <summary>Worker threads (results are identical for any count).</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Fits the romiplostim example once, for the forecast.</summary>
    [GlobalSetup]
    public void Setup() => _romiplostim = Workloads.Fit("romiplostim", 2).Fit;

    /// <summary>MAP fit, Laplace Hessian and the 40-draw band of the romiplostim example patient.</summary>
    [Benchmark]
    public bool FitRomiplostim() => Workloads.Fit("romiplostim", Threads).Fit.Converged;

    /// <summary>The same for the eltrombopag example patient (a daily dose: three events a day).</summary>
    [Benchmark]
    public bool FitEltrombopag() => Workloads.Fit("eltrombopag", Threads).Fit.Converged;

    /// <summary>An 8-week forecast of the romiplostim example: every default regimen × 100 posterior draws.</summary>
    [Benchmark]
    public int Forecast8Weeks() => Workloads.Forecast(_romiplostim, 8, Threads).Recommended;
}

/// <summary>The validation suite and a long single simulation.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SuiteWorkloadBenchmarks
{
    private Scenario _eltrombopag = null!;

    /// <summary>Builds the scenario once.</summary>
    [GlobalSetup]
    public void Setup() => _eltrombopag = Workloads.EltrombopagDailyYear();

    /// <summary>Every case of validation/cases.json, population cases included (what <c>tposim validate</c> runs).</summary>
    [Benchmark]
    public int Validate() => Workloads.Validate().Count(r => r.Pass);

    /// <summary>Eltrombopag 50 mg daily for one year in an ITP patient.</summary>
    [Benchmark]
    public int EltrombopagDailyYear() => Simulator.Run(_eltrombopag).Statistics.AcceptedSteps;
}
