using System.Globalization;
using BenchmarkDotNet.Running;
using TpoSim.Benchmarks;
using TpoSim.Numerics.ReferenceProblems;

// Modes:
//   work-precision [--csv FILE] [...]   test-set work–precision data (see WorkPrecision.cs)
//   compare --ours A.csv --cvode B.csv  combined table and time ratios against CVODE (see Compare.cs)
//   workloads [--only A,B] [--repeat N] [--threads K] [--subjects N]  the issue-18 workloads, warm, median wall time
//   tolerance-cost [--subjects N]       Kuter 2008 trial statistics at rtol 1e-8 … 1e-3 (the population tolerance policy)
//   forecast-tolerance [--drug D]      the 8-week forecast's statistics at rtol 1e-8 … 1e-3 (the forecast tolerance policy)
//   population-memory --subjects N [--threads K] [--rtol R] [--types]  Kuter 2008: bytes allocated and retained per subject, peak working set; --types: sampled allocation by type
//   alloc-check                         bytes allocated per solve at two tolerances, without BenchmarkDotNet
//   model-run SCENARIO --rtol R --out F one scenario, warm, median wall time (TpoSim's side of bench/compare.sh)
//   kuter-profile [--subjects N] [--rtol R]  Kuter 2008 subject: steps, f, J, LU, solves per subject and their unit costs
//   lu-fill                             L+U entries and factor+solve time of the model pattern, model order vs minimum degree
//   forecast-accuracy [--patients N] [--samples S] [--only NAME]  forecast coverage on held-out synthetic patients (see ForecastAccuracyRun.cs)
//   list                                the solvers found in the registry
//   fuzz [--seed S] [--seconds T] [...]  mutated scenarios and random parameter sets through the CLI (see Fuzzing/)
//   anything else                       BenchmarkDotNet (e.g. --filter '*Allocation*' --job short)
if (args.Length > 0)
{
    switch (args[0])
    {
        case "work-precision": return WorkPrecision.Run(args[1..]);
        case "compare": return Compare.Run(args[1..]);
        case "workloads": return Workloads.Run(args[1..]);
        case "tolerance-cost": return Workloads.ToleranceCost(args[1..]);
        case "forecast-tolerance": return Workloads.ForecastTolerance(args[1..]);
        case "population-memory": return Workloads.PopulationMemory(args[1..]);
        case "alloc-check": return AllocCheck();
        case "lu-fill": return LuFill.Run(args[1..]);
        case "kuter-profile": return KuterProfile.Run(args[1..]);
        case "model-run": return ModelRun.Run(args[1..]);
        case "forecast-accuracy": return ForecastAccuracyRun.Run(args[1..]);
        case "fuzz": return TpoSim.Benchmarks.Fuzzing.FuzzCampaign.Run(args[1..]);
        case "list":
            foreach (var s in SolverCatalog.All)
                Console.WriteLine($"{s.Descriptor.Name,-12} order {s.Descriptor.Order}  stiff={s.Descriptor.ForStiffProblems}  {s.Descriptor.Summary}  [{s.Descriptor.Citation}]");
            return 0;
    }
}
BenchmarkSwitcher.FromAssembly(typeof(SolverAllocationBenchmarks).Assembly).Run(args);
return 0;

static int AllocCheck()
{
    Console.WriteLine("solver,problem,rtol,steps,bytes_per_solve");
    foreach (var solver in SolverCatalog.All)
    {
        foreach (var problem in new[] { TestSet.Hires, TestSet.VanDerPol, TestSet.LinearRotation })
        {
            if (problem.IsStiff && !solver.Descriptor.ForStiffProblems) continue;
            foreach (var rtol in new[] { 1e-4, 1e-8 })
            {
                var ode = problem.ToOdeProblem();
                var options = problem.Options(rtol) with { KeepSteps = false };
                for (int i = 0; i < 3; i++) solver.Solve(ode, options);
                long before = GC.GetAllocatedBytesForCurrentThread();
                var solution = solver.Solve(ode, options);
                long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{solver.Descriptor.Name},{problem.Name},{rtol:0e+0},{solution.Statistics.TotalSteps},{bytes}"));
            }
        }
    }
    return 0;
}
