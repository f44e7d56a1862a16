using System.Diagnostics;
using System.Globalization;
using TpoSim.Numerics.LinearAlgebra;
using TpoSim.Population;
using TpoSim.Simulation;

namespace TpoSim.Benchmarks;

/// <summary>
/// <c>kuter-profile [--subjects N] [--rtol R] [--no-units] [--pattern]</c>: where a Kuter 2008 subject's time goes. Runs N enrolled-like subjects
/// (every in-range draw, no screening) one after another and prints per subject: the days with events (each restarts the method),
/// accepted and rejected steps, f and J evaluations, LU factorisations and solves, and the CPU time; then the cost of one
/// f, J, factorisation and solve of the romiplostim model measured in isolation, and so the share of each.
/// </summary>
public static class KuterProfile
{
    /// <summary>Prints the profile.</summary>
    public static int Run(string[] args)
    {
        int subjects = 100;
        double rtol = SolverChoice.DefaultRelativeTolerance;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--subjects") subjects = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--rtol") rtol = double.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] is "--pattern" or "--no-units" or "--steps" or "--compile-parts") { }
            else { Console.Error.WriteLine($"kuter-profile: unknown argument '{args[i]}'"); return 2; }
        }
        var kuter = Workloads.Kuter2008();
        var sampler = new SubjectSampler(kuter, 1);
        var plans = new List<SimulationPlan>();
        for (var k = 0; plans.Count < subjects; k++)
        {
            var draw = sampler.Draw(k);
            if (!draw.InRange) continue;
            var plan = Simulator.Compile(draw.ScenarioFor(kuter));
            if (plan.DayZeroFailure is null) plans.Add(plan);
        }
        foreach (var plan in plans.Take(10)) Simulator.Run(plan, null, null, default, rtol); // warm-up
        {
            // Allocation of each stage of a subject before its run: the draw, its scenario, the compiled plan (day-0 steady state).
            long drawBytes = 0, scenarioBytes = 0, compileBytes = 0;
            for (var k = 0; k < 50; k++)
            {
                var a0 = GC.GetAllocatedBytesForCurrentThread();
                var draw = sampler.Draw(k);
                var a1 = GC.GetAllocatedBytesForCurrentThread();
                var scenario = draw.ScenarioFor(kuter);
                var a2 = GC.GetAllocatedBytesForCurrentThread();
                Simulator.Compile(scenario);
                var a3 = GC.GetAllocatedBytesForCurrentThread();
                if (args.Contains("--compile-parts") && k == 49)
                {
                    // The parts of Compile, for the allocation breakdown.
                    long b0 = GC.GetAllocatedBytesForCurrentThread();
                    var set = Simulator.ParametersFor(scenario);
                    long b1 = GC.GetAllocatedBytesForCurrentThread();
                    var patient = Simulator.PatientFor(scenario);
                    var assembled = Simulator.Assemble(scenario, patient);
                    long b2 = GC.GetAllocatedBytesForCurrentThread();
                    var pv = Simulator.ParameterVector(assembled, scenario, set, patient);
                    long b3 = GC.GetAllocatedBytesForCurrentThread();
                    Simulator.InitialState(assembled, pv);
                    long b4 = GC.GetAllocatedBytesForCurrentThread();
                    Console.WriteLine($"compile parts (bytes): parameter set {b1 - b0}, patient+assemble {b2 - b1}, parameter vector {b3 - b2}, steady state {b4 - b3}, rest (events, grid, plan) {a3 - a2 - (b4 - b0)}");
                }
                drawBytes += a1 - a0; scenarioBytes += a2 - a1; compileBytes += a3 - a2;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"allocated per subject before the run: draw {drawBytes / 50.0 / 1024:F1} KB, scenario {scenarioBytes / 50.0 / 1024:F1} KB, compile (steady state, events) {compileBytes / 50.0 / 1024:F1} KB"));
        }
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var alloc0 = GC.GetAllocatedBytesForCurrentThread();
        var full0 = RankOneSparseLu.FullFactorisationsInProcess;
        long accepted = 0, rejected = 0, f = 0, j = 0, lu = 0, solves = 0;
        foreach (var plan in plans)
        {
            var r = Simulator.Run(plan, null, null, default, rtol);
            var s = r.Statistics;
            accepted += s.AcceptedSteps; rejected += s.RejectedSteps; f += s.FunctionEvaluations; j += s.JacobianEvaluations;
            lu += s.LuDecompositions; solves += s.LinearSolves;
        }
        process.Refresh();
        var fullLu = RankOneSparseLu.FullFactorisationsInProcess - full0;
        var cpu = (process.TotalProcessorTime - cpu0).TotalMilliseconds / subjects;
        var alloc = (GC.GetAllocatedBytesForCurrentThread() - alloc0) / 1024.0 / subjects;
        var eventDays = plans[0].Events.Select(e => e.Day).Where(d => d > 0 && d < plans[0].Scenario.Days).Distinct().Count();
        Console.WriteLine($"# Kuter 2008 simulations (day-0 state given), {subjects} subjects, rtol {rtol:0e+0}, load {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"per subject: {cpu:F2} CPU-ms, {alloc:F0} KB allocated (Simulator.Run only), ≥ {eventDays} event days (restarts), {accepted / (double)subjects:F0} accepted + {rejected / (double)subjects:F0} rejected steps, {f / (double)subjects:F0} f, {j / (double)subjects:F0} J, {lu / (double)subjects:F0} LU ({fullLu / (double)subjects:F1} of them full, the rank-one check failing), {solves / (double)subjects:F0} solves"));

        if (args.Contains("--steps"))
        {
            // One week after a 1 µg/kg romiplostim dose from the day-0 state: the step sizes the solver takes.
            var m = plans[0].Model;
            var y1 = plans[0].CopyState();
            var p1 = plans[0].CopyParameters();
            var input = m.DoseInputOf("romiplostim", Scenarios.Route.Subcutaneous, p1);
            y1[input.State] += 70 * input.Bioavailability;
            var sol = Numerics.Ode.SolverRegistry.Default.Solve(m.Problem(p1, y1, 0, 7),
                SolverChoice.DefaultOptions(m.Dimension, m.FirstPlatelet) with { RelativeTolerance = rtol });
            Console.WriteLine("step ends (days): " + string.Join(" ", sol.Times.Select(t => t.ToString("G3", CultureInfo.InvariantCulture))));
        }
        if (args.Contains("--no-units")) return 0; // for a sampling profiler: the simulations only
        // Unit costs on the model at the day-0 state.
        var model = plans[0].Model;
        int n = model.Dimension;
        var p = plans[0].CopyParameters();
        var y = plans[0].CopyState();
        var problem = model.Problem(p, y, 0, 1);
        var dydt = new double[n];
        var jac = new double[n * n];
        var matrix = IterationMatrix.Create(problem.Structure, n);
        var rhs = new double[n];
        // CPU time, not wall time: on the shared machine a thread waits for a core much of the time.
        double Time(Action a)
        {
            for (var w = 0; w < 5000; w++) a();
            const int reps = 100_000;
            process.Refresh();
            var before = process.TotalProcessorTime;
            for (var w = 0; w < reps; w++) a();
            process.Refresh();
            return (process.TotalProcessorTime - before).TotalMicroseconds / reps;
        }
        var tf = Time(() => problem.F(0.5, y, dydt));
        var tj = Time(() => { Array.Clear(jac); problem.Jacobian!(0.5, y, jac); });
        matrix.Factor(1 / (0.1 * 0.2119), -1, jac);
        var tlu = Time(() => matrix.Factor(1 / (0.1 * 0.2119), -1, jac));
        var ts = Time(() => { rhs.AsSpan().Fill(1); matrix.Solve(rhs); });
        var rankOne = IterationMatrix.Create(problem.Structure, n, rankOne: true);
        rankOne.Factor(1 / (0.1 * 0.2119), -1, jac);
        var tlu1 = Time(() => rankOne.Factor(1 / (0.1 * 0.2119), -1, jac));
        var ts1 = Time(() => { rhs.AsSpan().Fill(1); rankOne.Solve(rhs); });
        var full = rankOne is RankOneSparseLu r1 ? (r1.UsedFullFactorisation ? "full LU used" : "rank one held") : "no rank-one block";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"unit costs (µs): f {tf:F2}, J (clear + analytic) {tj:F2}, sparse LU {tlu:F2}, its solve {ts:F2}; rank-one LU {tlu1:F2}, its solve {ts1:F2} ({full})"));
        double perSubject(double count, double us) => count / subjects * us / 1000;
        (tlu, ts) = (tlu1, ts1); // the estimate below uses the factorisation the solver uses
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"estimated CPU-ms per subject: f {perSubject(f, tf):F2}, J {perSubject(j, tj):F2}, LU {perSubject(lu, tlu):F2}, solves {perSubject(solves, ts):F2}; rest (stage sums, error norm, dense output, events, outputs) {cpu - perSubject(f, tf) - perSubject(j, tj) - perSubject(lu, tlu) - perSubject(solves, ts):F2}"));
        if (args.Contains("--pattern") && SparsityPattern.For(problem.Structure, n).RankOne is { } blk)
        {
            Console.WriteLine($"block rows {string.Join(",", blk.Rows)} cols {string.Join(",", blk.Columns)}; L+U entries: full {new SparseLu(SparsityPattern.For(problem.Structure, n)).StoredEntries}, without the block {new SparseLu(blk.Remainder).StoredEntries} (declared {blk.Remainder.RowColumns.Length})");
            var rem = blk.Remainder;
            for (var i = 0; i < n; i++)
                Console.WriteLine($"{i}: " + string.Join(" ", Enumerable.Range(rem.RowStart[i], rem.RowStart[i + 1] - rem.RowStart[i]).Select(q => rem.RowColumns[q])));
        }
        if (args.Contains("--pattern"))
        {
            var names = model.Compiled.StateNames;
            var pattern = SparsityPattern.For(problem.Structure, n);
            for (var i = 0; i < n; i++)
                Console.WriteLine($"{i} {names[i]}: " + string.Join(" ", Enumerable.Range(pattern.RowStart[i], pattern.RowStart[i + 1] - pattern.RowStart[i]).Select(q => pattern.RowColumns[q])));
        }
        return 0;
    }
}
