using System.Diagnostics;
using System.Globalization;
using TpoSim.Physiology;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Benchmarks;

/// <summary>
/// <c>model-run SCENARIO.json --rtol R [--repeat N] --out OUT.csv [--atol-out ATOL.csv]</c>: TpoSim's side of bench/compare.sh. Runs the
/// scenario N times in process (warm: one untimed run first), writes day, circulating platelets (10⁹/L) and free TPO
/// (pM) of the last run, and prints the median wall time with the solver's step and right-hand-side counts in the
/// format the C and Python sides print. <c>--atol-out</c> writes each state's absolute tolerance ("state,atol"), so the
/// other solvers run with the same per-state tolerances.
/// </summary>
public static class ModelRun
{
    /// <summary>Runs the mode; exit 2 on bad arguments, 3 when the solver fails.</summary>
    public static int Run(string[] args)
    {
        string? scenarioPath = null, outPath = null, atolPath = null;
        double rtol = SolverChoice.DefaultRelativeTolerance;
        int repeat = 5;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rtol": rtol = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--repeat": repeat = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--out": outPath = args[++i]; break;
                case "--atol-out": atolPath = args[++i]; break;
                default: scenarioPath = args[i]; break;
            }
        }
        if (scenarioPath is null || outPath is null || repeat < 1)
        {
            Console.Error.WriteLine("usage: model-run SCENARIO.json --rtol R [--repeat N] --out OUT.csv");
            return 2;
        }
        var parsed = ScenarioParser.ParseFile(scenarioPath);
        if (parsed.Value is not { } scenario)
        {
            foreach (var e in parsed.Errors) Console.Error.WriteLine(e);
            return 2;
        }
        var result = Simulator.Run(scenario, relativeTolerance: rtol); // warm-up: JIT, compiled model, patterns
        var walls = new double[repeat];
        for (var r = 0; r < repeat; r++)
        {
            var watch = Stopwatch.StartNew();
            result = Simulator.Run(scenario, relativeTolerance: rtol);
            walls[r] = watch.Elapsed.TotalMilliseconds;
        }
        if (!result.Succeeded)
        {
            Console.Error.WriteLine($"{scenarioPath}: solver failed: {result.Diagnostic}");
            return 3;
        }
        using (var w = new StreamWriter(outPath) { NewLine = "\n" })
        {
            w.WriteLine("time,platelets,tpoFreeObserved");
            for (var i = 0; i < result.Days.Count; i++)
                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Days[i]:R},{result.Outputs[i].PlateletsCirculating:R},{result.Outputs[i].TpoFreePicomolar:R}"));
        }
        if (atolPath is not null) WriteAbsoluteTolerances(scenario, atolPath);
        Array.Sort(walls);
        var s = result.Statistics;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wall_ms_median={walls[repeat / 2]:F4} steps={s.TotalSteps} rhs={s.FunctionEvaluations}"));
        return 0;
    }

    // The simulator's own per-state absolute tolerances, by the compiled model's state names (the SBML file's ids).
    private static void WriteAbsoluteTolerances(Scenario scenario, string path)
    {
        var pkModels = Simulator.CoupledDrugs(scenario).Select(scenario.PkModelOf).ToArray();
        var compiled = TpoModelAssembly.Compile(Simulator.PatientFor(scenario).AgeGroup, pkModels);
        var atol = SolverChoice.DefaultOptions(compiled.Dimension, StateLayout.FirstPlatelet).AbsoluteTolerances!.Value.Span;
        using var w = new StreamWriter(path) { NewLine = "\n" };
        w.WriteLine("state,atol");
        for (var i = 0; i < compiled.Dimension; i++)
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{compiled.StateNames[i]},{atol[i]:R}"));
    }
}
