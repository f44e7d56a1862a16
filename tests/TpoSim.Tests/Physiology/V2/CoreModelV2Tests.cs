using TpoSim.Model;
using TpoSim.Physiology.V2;

namespace TpoSim.Tests.Physiology.V2;

/// <summary>
/// Model v2 compiles, its units check (every rate in its state's unit per day), its analytic Jacobian matches finite
/// differences, and its healthy state is a steady state at the set point.
/// </summary>
public class CoreModelV2Tests
{
    [Fact]
    public void Definition_with_and_without_drugs_has_consistent_units_and_compiles()
    {
        foreach (var definition in new[] { CoreModelV2Definition.Create(), CoreModelV2Definition.Create([TpoSiteLigand.Romiplostim, TpoSiteLigand.PegRhuMgdf, TpoSiteLigand.Antagonist]) })
        {
            var errors = DimensionAnalysis.Check(definition);
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
            var model = ModelCompiler.Compile(definition);
            Assert.Equal(definition.States.Count, model.Dimension);
        }
    }

    [Fact]
    public void Every_parameter_has_a_unit_a_range_holding_its_value_and_a_source()
    {
        foreach (var p in CoreModelV2Definition.Create([TpoSiteLigand.Romiplostim, TpoSiteLigand.PegRhuMgdf, TpoSiteLigand.Antagonist]).Parameters)
        {
            Assert.True(UnitParser.TryParse(p.Unit, out _), p.Name);
            Assert.True(p.Allows(p.Value), $"{p.Name} = {p.Value} outside [{p.Minimum}, {p.Maximum}]");
            Assert.False(string.IsNullOrWhiteSpace(p.Source), p.Name);
        }
    }

    [Fact]
    public void Analytic_jacobian_matches_central_differences_away_from_health()
    {
        var model = ModelCompiler.Compile(CoreModelV2Definition.Create([TpoSiteLigand.Romiplostim, TpoSiteLigand.Antagonist]));
        var p = model.CreateParameters();
        var y = new double[model.Dimension];
        model.InitialState(p, y);
        var random = new Random(14);
        for (var i = 0; i < y.Length; i++) y[i] = (y[i] == 0 ? 1 : y[i]) * Math.Exp(0.5 * (random.NextDouble() - 0.5));
        var n = model.Dimension;
        var jacobian = new double[n * n];
        model.Jacobian(0, y, p, jacobian);
        var plus = new double[n];
        var minus = new double[n];
        for (var j = 0; j < n; j++)
        {
            var h = 1e-6 * Math.Max(Math.Abs(y[j]), 1e-6);
            var yp = (double[])y.Clone(); yp[j] += h;
            var ym = (double[])y.Clone(); ym[j] -= h;
            model.Derivative(0, yp, p, plus);
            model.Derivative(0, ym, p, minus);
            for (var i = 0; i < n; i++)
            {
                var fd = (plus[i] - minus[i]) / (2 * h);
                var scale = Math.Max(Math.Abs(fd), 1e-6 * (Math.Abs(plus[i]) + Math.Abs(minus[i])) / Math.Max(Math.Abs(y[j]), 1e-9) + 1e-9);
                Assert.True(Math.Abs(jacobian[i * n + j] - fd) <= 1e-4 * scale + 1e-7,
                    $"∂f[{model.StateNames[i]}]/∂y[{model.StateNames[j]}]: analytic {jacobian[i * n + j]:G8}, differences {fd:G8}");
            }
        }
    }

    /// <summary>The set point is derived, so the healthy state must not drift: a numerical check, not a published one.</summary>
    [Fact]
    public void Healthy_state_is_a_steady_state_over_a_year()
    {
        var p = V2Harness.Parameters();
        var y0 = V2Harness.Healthy(p);
        var end = V2Harness.Run(p, y0, [0, 365])[^1];
        Assert.Equal(250, V2Harness.Observable(p, end, "platelets"), 250 * 1e-4);
        Assert.Equal(V2Harness.Value(p, "tpoReference"), end[V2Harness.Model.StateIndex("tpoFree")], 1e-4);
        Assert.Equal(56, V2Harness.Observable(p, end, "plateletMplPerPlatelet"), 56 * 1e-4);
    }

    /// <summary>
    /// The demarcation-membrane c-Mpl of the last MK stage is the sites of the platelets that stage will shed:
    /// share × sites at birth × production × residence (τ/4), in pM of plasma (docs/model-v2.md, mechanism 3).
    /// </summary>
    [Fact]
    public void Demarcation_sites_are_the_sites_of_the_platelets_of_one_stage_residence()
    {
        var p = V2Harness.Parameters();
        var expected = V2Harness.Value(p, "demarcationSiteShare") * V2Harness.Value(p, "sitesAtBirth") * V2Harness.Value(p, "healthyPlateletProduction")
            * V2Harness.Value(p, "bloodVolumePerKg") / V2Harness.Value(p, "plasmaVolumePerKg") * 1e21 / CoreModelV2Definition.Avogadro
            * V2Harness.Value(p, "mkMaturationDays") / CoreModelV2Definition.MkStages;
        Assert.Equal(expected, V2Harness.Value(p, "healthyDemarcationSites"), expected * 1e-12);
        // Kuwaki's surface count (1,933 a mature MK) is under 1% of it: the demarcation membrane is where marrow c-Mpl is.
        var surface = V2Harness.Value(p, "healthyMarrowQuota") - expected;
        Assert.InRange(surface / expected, 0, 0.05);
    }

    /// <summary>
    /// Mechanism direction (Kuter's MK-mass "sponge"): the demarcation sink follows MK mass, which ITP expands and
    /// aplastic anaemia loses, so it lowers ITP's TPO and, with the larger healthy synthesis it implies, raises aplastic TPO.
    /// </summary>
    [Fact]
    public void Demarcation_sink_lowers_itp_tpo_and_raises_aplastic_tpo()
    {
        double Fold(double share, string control, double value)
        {
            var p = V2Harness.Parameters(new Dictionary<string, double> { ["demarcationSiteShare"] = share, [control] = value });
            return V2Harness.SteadyState(p)[V2Harness.Model.StateIndex("tpoFree")] / V2Harness.Value(p, "tpoReference");
        }
        var itpWithout = Fold(0, "antibodyRemovalRate", 3);
        var itpWith = Fold(0.5, "antibodyRemovalRate", 3);
        Assert.True(itpWith < 0.8 * itpWithout, $"ITP TPO fold {itpWith:G4} with the demarcation sink, {itpWithout:G4} without");
        var aaWithout = Fold(0, "marrowInput", 0.02);
        var aaWith = Fold(0.5, "marrowInput", 0.02);
        Assert.True(aaWith > aaWithout, $"aplastic TPO fold {aaWith:G4} with the demarcation sink, {aaWithout:G4} without");
    }

    [Fact]
    public void Drug_at_tpo_site_competes_for_the_pool_and_is_cleared_by_it()
    {
        // Romiplostim in the central volume: it occupies platelet c-Mpl (fewer TPO complexes than without it at the same
        // time), and more platelets clear it faster (target-mediated disposition through the same pool).
        var model = ModelCompiler.Compile(CoreModelV2Definition.Create([TpoSiteLigand.Romiplostim]));
        var p = model.CreateParameters();
        double[] After(double days, double plateletScale, double romiplostimPicomolar)
        {
            var y = new double[model.Dimension];
            model.InitialState(p, y);
            for (var i = 1; i <= CoreModelV2Definition.PlateletStages; i++) y[model.StateIndex($"plateletAge{i}")] *= plateletScale;
            y[model.StateIndex("plateletMplFree")] *= plateletScale;
            y[model.StateIndex("plateletTpoComplex")] *= plateletScale;
            y[model.StateIndex(TpoSiteLigand.Romiplostim.Central)] = V2Harness.CentralMicrograms(p, TpoSiteLigand.Romiplostim, romiplostimPicomolar, model);
            var problem = new TpoSim.Numerics.Ode.OdeProblem(model.RightHandSide(p), y, 0, days) { Jacobian = model.JacobianFunction(p), Structure = model.JacobianPattern.Structure };
            var s = TpoSim.Numerics.Ode.SolverRegistry.Default.Solve(problem, V2Harness.Options);
            Assert.True(s.Succeeded, s.Diagnostic);
            return s.FinalState.ToArray();
        }
        var complex = model.StateIndex("plateletTpoComplex");
        var free = model.StateIndex(TpoSiteLigand.Romiplostim.Central); // free drug amount, ∝ its concentration
        var withDrug = After(0.1, 1, 50);
        var without = After(0.1, 1, 0);
        Assert.True(withDrug[complex] < 0.9 * without[complex], $"TPO–c-Mpl on platelets {withDrug[complex]:G4} pM with romiplostim, {without[complex]:G4} pM without");
        var normal = After(2, 1, 50)[free];
        var high = After(2, 3, 50)[free];
        Assert.True(high < 0.9 * normal, $"free romiplostim after 2 days: {high:G4} pM with 3× platelets, {normal:G4} pM with normal platelets");
    }

    [Fact]
    public void Antagonist_lowers_the_signal_where_an_agonist_of_the_same_binding_raises_it()
    {
        // The antagonist and PEG-rHuMGDF have TPO's binding and differ only in efficacy (0 and 1): the same dose of each
        // displaces TPO from platelets (free TPO rises), but only the agonist's occupancy signals.
        (double Stimulation, double TpoRise) OneDay(TpoSiteLigand ligand)
        {
            var model = ModelCompiler.Compile(CoreModelV2Definition.Create([ligand]));
            var p = model.CreateParameters();
            var y = new double[model.Dimension];
            model.InitialState(p, y);
            y[model.StateIndex(ligand.Central)] = V2Harness.CentralMicrograms(p, ligand, 5000, model); // 5000 pM, ≈30 × Kd
            var problem = new TpoSim.Numerics.Ode.OdeProblem(model.RightHandSide(p), y, 0, 1) { Jacobian = model.JacobianFunction(p), Structure = model.JacobianPattern.Structure };
            var s = TpoSim.Numerics.Ode.SolverRegistry.Default.Solve(problem, V2Harness.Options);
            Assert.True(s.Succeeded, s.Diagnostic);
            var end = s.FinalState.ToArray();
            var observables = new double[model.ObservableNames.Count];
            model.ComputeObservables(1, end, p, observables);
            return (observables[model.ObservableNames.ToList().IndexOf("stimulation")], end[model.StateIndex("tpoFree")] / y[model.StateIndex("tpoFree")]);
        }
        var antagonist = OneDay(TpoSiteLigand.Antagonist);
        var agonist = OneDay(TpoSiteLigand.PegRhuMgdf);
        Assert.True(antagonist.TpoRise > 1.5 && agonist.TpoRise > 1.5, $"free TPO ×{antagonist.TpoRise:G3} (antagonist), ×{agonist.TpoRise:G3} (agonist)");
        Assert.True(antagonist.Stimulation < 1, $"stimulation {antagonist.Stimulation:G3} with the antagonist");
        Assert.True(agonist.Stimulation > 2, $"stimulation {agonist.Stimulation:G3} with PEG-rHuMGDF");
    }
}
