using TpoSim.Model;
using TpoSim.Numerics.Ode;
using TpoSim.Numerics.SteadyState;
using TpoSim.Physiology.V2;

namespace TpoSim.Tests.Physiology.V2;

/// <summary>
/// Runs the v2 definition directly: compiled once with <see cref="ModelCompiler"/>, integrated with the registry's
/// Rodas5P and the analytic sparse Jacobian (not through Simulator), observables read from the compiled model.
/// </summary>
internal static class V2Harness
{
    private static readonly Lazy<CompiledModel> s_model = new(() => ModelCompiler.Compile(CoreModelV2Definition.Create()));

    private static readonly Lazy<CompiledModel> s_romiplostim = new(() => ModelCompiler.Compile(CoreModelV2Definition.Create([TpoSiteLigand.Romiplostim])));

    public static CompiledModel Model => s_model.Value;

    /// <summary>The v2 model with romiplostim at TPO's site.</summary>
    public static CompiledModel WithRomiplostim => s_romiplostim.Value;

    private static readonly Lazy<CompiledModel> s_shipped = new(() => ModelCompiler.Compile(TpoSim.Physiology.CoreModel.V2.Create(TpoSim.Physiology.AgeGroup.Adult)));

    /// <summary>The v2 core with the shipped parameter set (validation/parameters-v2.json), as the simulator runs it.</summary>
    public static CompiledModel Shipped => s_shipped.Value;

    public static OdeSolverOptions Options { get; } = new() { RelativeTolerance = 1e-7, AbsoluteTolerance = 1e-9 };

    public static double[] Parameters(IReadOnlyDictionary<string, double>? overrides = null, CompiledModel? model = null) => (model ?? Model).CreateParameters(overrides);

    public static double[] Healthy(double[] p, CompiledModel? model = null)
    {
        model ??= Model;
        var y = new double[model.Dimension];
        model.InitialState(p, y);
        return y;
    }

    public static OdeProblem Problem(double[] p, double[] y0, double tEnd, CompiledModel? model = null)
    {
        model ??= Model;
        return new(model.RightHandSide(p), y0, 0, tEnd) { Jacobian = model.JacobianFunction(p), Structure = model.JacobianPattern.Structure };
    }

    /// <summary>The steady state reached from health with <paramref name="p"/> (Newton, or integration then Newton).</summary>
    public static double[] SteadyState(double[] p, CompiledModel? model = null)
    {
        var result = SteadyStateSolver.Solve(Problem(p, Healthy(p, model), 0, model), new SteadyStateOptions { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-12 });
        Assert.True(result.Converged, result.Diagnostic);
        return result.State.ToArray();
    }

    /// <summary>States at <paramref name="times"/> (days) from <paramref name="y0"/>.</summary>
    public static double[][] Run(double[] p, double[] y0, IReadOnlyList<double> times, CompiledModel? model = null)
    {
        var solution = SolverRegistry.Default.Solve(Problem(p, y0, times[^1], model), Options with { SaveAt = times.ToArray(), KeepSteps = false });
        Assert.True(solution.Succeeded, solution.Diagnostic);
        return Enumerable.Range(0, solution.SavedTimes.Count).Select(i => solution.SavedStateAt(i).ToArray()).ToArray();
    }

    public static double Observable(double[] p, double[] y, string name, CompiledModel? model = null)
    {
        model ??= Model;
        var values = new double[model.ObservableNames.Count];
        model.ComputeObservables(0, y, p, values);
        var k = model.ObservableNames.ToList().IndexOf(name);
        Assert.True(k >= 0, $"no observable {name}");
        return values[k];
    }

    public static double Value(double[] p, string name, CompiledModel? model = null) => p[(model ?? Model).ParameterIndex(name)];

    /// <summary>The central amount (µg) of <paramref name="ligand"/> that makes its free concentration <paramref name="picomolar"/> pM: C·V_c·M.</summary>
    public static double CentralMicrograms(double[] p, TpoSiteLigand ligand, double picomolar, CompiledModel model) =>
        picomolar * 1e-12 * Value(p, ligand.P("CentralVolume"), model) * Value(p, ligand.P("MolarMass"), model) * 1e6;

    /// <summary>An IV TPO dose of <paramref name="microgramsPerKg"/> as free plasma TPO, pM: µg/kg ÷ molar mass ÷ plasma volume per kg.</summary>
    public static double TpoDosePicomolar(double[] p, double microgramsPerKg) =>
        microgramsPerKg * 1e-6 / Value(p, "tpoMolarMass") / (Value(p, "plasmaVolumePerKg") * 1e-3) * 1e12;

    /// <summary>Platelet TPO clearance, mL/h per 10^9 platelets: uptake/T × plasma volume ÷ whole-body platelets.</summary>
    public static double ClearancePerBillionPlatelets(double[] p, double[] y)
    {
        var uptake = Observable(p, y, "plateletTpoUptake");          // pM/day per litre of plasma
        var tpo = y[Model.StateIndex("tpoFree")];
        var litresPerDayPerPlasmaLitre = uptake / tpo;
        var plateletsPerPlasmaLitre = Observable(p, y, "plateletsWholeBody") * Value(p, "bloodVolumePerKg") / Value(p, "plasmaVolumePerKg"); // 10^9/L
        return litresPerDayPerPlasmaLitre / plateletsPerPlasmaLitre * 1000 / 24;
    }
}
