using TpoSim.Drugs.Modules;
using TpoSim.Model;
using TpoSim.Physiology.V2;
using TpoSim.Scenarios;

namespace TpoSim.Tests.Physiology.V2;

/// <summary>
/// Every v2 drug module (<see cref="V2DrugModuleCatalog"/>) composes onto the v2 core, passes dimension analysis,
/// compiles with an analytic Jacobian that matches central differences, keeps its drug mass balanced, and reproduces a
/// published PK number where one exists (each test names it).
/// </summary>
public class V2DrugModuleTests(ITestOutputHelper output)
{
    public static TheoryData<string> ModuleNames() => [.. V2DrugModuleCatalog.All.Select(m => m.Name)];

    private static readonly Dictionary<string, CompiledModel> s_compiled = [];

    private static CompiledModel Compiled(string name)
    {
        lock (s_compiled)
        {
            if (!s_compiled.TryGetValue(name, out var model))
                s_compiled[name] = model = ModelCompiler.Compile(V2DrugModuleCatalog.Compose([V2DrugModuleCatalog.Find(name)!]));
            return model;
        }
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Module_composes_onto_the_v2_core_with_consistent_units(string name)
    {
        var module = V2DrugModuleCatalog.Find(name)!;
        var definition = V2DrugModuleCatalog.Compose([module]);
        var errors = DimensionAnalysis.Check(definition);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        var model = Compiled(name);
        Assert.Equal(CoreModelV2Definition.Create().States.Count + module.Definition.States.Count, model.Dimension);
        Assert.Contains(module.ConcentrationVariable, model.ObservableNames);
        Assert.All(module.Routes, r => Assert.True(model.StateIndex(r.State) >= 0, $"{name}: route {r.Route} doses into unknown state {r.State}"));
        Assert.True(model.ParameterIndex(module.LastDoseParameter) >= 0);
        foreach (var p in definition.Parameters)
        {
            Assert.True(p.Allows(p.Value), $"{p.Name} = {p.Value} outside [{p.Minimum}, {p.Maximum}]");
            Assert.False(string.IsNullOrWhiteSpace(p.Source), p.Name);
        }
    }

    [Fact]
    public void All_modules_compose_together_and_names_match_v1()
    {
        var definition = V2DrugModuleCatalog.Compose(V2DrugModuleCatalog.All.Where(m => m.Name != "eltrombopag-itp"));
        Assert.Empty(DimensionAnalysis.Check(definition));
        ModelCompiler.Compile(definition);
        Assert.All(V2DrugModuleCatalog.All.Where(m => m.Name != TpoSim.Drugs.DrugCatalog.RecombinantTpo.Name), m => Assert.NotNull(DrugModuleCatalog.Find(m.Name)));
    }

    /// <summary>A state away from health: core states scaled by e^U(−0.25, 0.25), drug states random and positive.</summary>
    private static double[] RandomState(CompiledModel model, double[] p, int seed)
    {
        var random = new Random(seed);
        var y = V2Harness.Healthy(p, model);
        var units = model.Definition.States.Select(s => s.Unit).ToArray();
        for (var i = 0; i < y.Length; i++)
            y[i] = y[i] != 0 ? y[i] * Math.Exp(0.5 * (random.NextDouble() - 0.5))
                : (units[i] == "µg" ? 10 : 0.5) * Math.Exp(3 * random.NextDouble());
        return y;
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Analytic_jacobian_matches_central_differences_at_random_states(string name)
    {
        var model = Compiled(name);
        var p = model.CreateParameters();
        var n = model.Dimension;
        var jacobian = new double[n * n];
        var f0 = new double[n];
        var f1 = new double[n];
        var f2 = new double[n];
        var f3 = new double[n];
        var f4 = new double[n];
        var worst = 0.0;
        for (var seed = 1; seed <= 3; seed++)
        {
            var y = RandomState(model, p, seed);
            Array.Clear(jacobian);
            model.Jacobian(0, y, p, jacobian);
            model.Derivative(0, y, p, f0);
            for (var j = 0; j < n; j++)
            {
                // Fourth-order central differences, (−f(y+2h) + 8f(y+h) − 8f(y−h) + f(y−2h))/12h: truncation ~h⁴, so a
                // step of 10^-3·|y| keeps both truncation and rounding well below 10^-6 of the entry.
                var h = 1e-3 * Math.Abs(y[j]);
                void At(double step, double[] into) { var yy = (double[])y.Clone(); yy[j] += step; model.Derivative(0, yy, p, into); }
                At(2 * h, f1); At(h, f2); At(-h, f3); At(-2 * h, f4);
                for (var i = 0; i < n; i++)
                {
                    var fd = (-f1[i] + 8 * f2[i] - 8 * f3[i] + f4[i]) / (12 * h);
                    // Relative to the entry, floored at the rounding noise of the quotient, ≈ε·(size of f's terms)/h with
                    // a margin of 10^6 (so 10^-9·terms/h); the outflow term J_ii·y_i stands for the size of the terms when f nearly cancels.
                    var terms = Math.Abs(f0[i]) + Math.Abs(f1[i]) + Math.Abs(jacobian[i * n + i] * y[i]);
                    var scale = Math.Max(Math.Max(Math.Abs(fd), Math.Abs(jacobian[i * n + j])), 1e-9 * terms / h);
                    if (scale == 0) continue;
                    var error = Math.Abs(jacobian[i * n + j] - fd) / scale;
                    worst = Math.Max(worst, error);
                    Assert.True(error <= 1e-6,
                        $"{name}, seed {seed}: ∂f[{model.StateNames[i]}]/∂y[{model.StateNames[j]}] analytic {jacobian[i * n + j]:G10}, differences {fd:G10}");
                }
            }
        }
        output.WriteLine($"{name}: worst relative Jacobian error {worst:G3}");
    }

    public static TheoryData<string> TpoSiteModules() => ["romiplostim", "peg-rhumgdf", "mpl-antagonist"];

    private static TpoSiteLigand LigandOf(string name) => name switch
    {
        "romiplostim" => TpoSiteLigand.Romiplostim,
        "peg-rhumgdf" => TpoSiteLigand.PegRhuMgdf,
        _ => TpoSiteLigand.Antagonist,
    };

    /// <summary>
    /// Drug in depot + central + bound to platelet and marrow c-Mpl changes only by linear elimination, internalisation
    /// and removal with platelets: binding moves drug between compartments and must cancel exactly.
    /// </summary>
    [Theory]
    [MemberData(nameof(TpoSiteModules))]
    public void Tpo_site_ligand_mass_balance_holds_at_random_states(string name)
    {
        var model = Compiled(name);
        var l = LigandOf(name);
        var p = model.CreateParameters();
        var dydt = new double[model.Dimension];
        for (var seed = 1; seed <= 5; seed++)
        {
            var y = RandomState(model, p, seed);
            model.Derivative(0, y, p, dydt);
            double Y(string s) => y[model.StateIndex(s)];
            double R(string s) => dydt[model.StateIndex(s)];
            double Pv(string s) => V2Harness.Value(p, s, model);
            var microgramsPerPicomolar = Pv(l.P("PlasmaVolume")) * Pv(l.P("MolarMass")) * 1e-6;
            var ageing = V2Harness.Observable(p, y, "ageingRate", model);
            var turnover = ageing * Y($"plateletAge{CoreModelV2Definition.PlateletStages}") / V2Harness.Observable(p, y, "plateletsWholeBody", model)
                + V2Harness.Observable(p, y, "plateletRemovalRate", model) - ageing;
            var change = R(l.Depot) + R(l.Central) + (l.HasPeripheral ? R(l.Peripheral) : 0) + (R(l.PlateletComplex) + R(l.MarrowComplex)) * microgramsPerPicomolar;
            var loss = Pv(l.P("Kel")) * Y(l.Central)
                + (Pv(l.P("Kint")) * (Y(l.PlateletComplex) + Y(l.MarrowComplex)) + turnover * Y(l.PlateletComplex)) * microgramsPerPicomolar;
            Assert.Equal(-loss, change, 1e-10 * Math.Abs(loss));
        }
    }

    /// <summary>Runs a single dose of <paramref name="micrograms"/> by <paramref name="route"/> from health; concentration (ng/mL) at <paramref name="hours"/>.</summary>
    private static double[] Concentrations(string name, Route route, double micrograms, double[] hours)
    {
        var module = V2DrugModuleCatalog.Find(name)!;
        var model = Compiled(name);
        var p = model.CreateParameters();
        var y = V2Harness.Healthy(p, model);
        var doseRoute = module.RouteFor(route)!;
        // The bioavailable amount: a constant route fraction, or the parameter it names (romiplostim SC), or 1 for an
        // oral dose without polyvalent cations (eltrombopag's switch at its default).
        var bioavailability = doseRoute.Bioavailability switch
        {
            ConstantExpr c => c.Value,
            SymbolExpr { Kind: SymbolKind.Parameter } s => V2Harness.Value(p, s.Name, model),
            _ => 1,
        };
        y[model.StateIndex(doseRoute.State)] += micrograms * bioavailability;
        var run = V2Harness.Run(p, y, [.. hours.Select(h => h / 24)], model);
        return [.. run.Select(s => V2Harness.Observable(p, s, module.ConcentrationVariable, model))];
    }

    private static double HalfLifeHours(double[] c, double[] hours, int a, int b) => Math.Log(2) * (hours[b] - hours[a]) / Math.Log(c[a] / c[b]);

    /// <summary>Romiplostim SC: median Tmax 14 h, range 7–50 h (Nplate label; drugs.md), for 2 µg/kg in a healthy adult.</summary>
    [Fact]
    public void Romiplostim_sc_tmax_is_in_the_labelled_range()
    {
        var hours = Enumerable.Range(0, 241).Select(i => i * 0.5).ToArray();
        var c = Concentrations("romiplostim", Route.Subcutaneous, 2 * 70, hours);
        var tmax = hours[Array.IndexOf(c, c.Max())];
        output.WriteLine($"romiplostim 2 µg/kg SC: Tmax {tmax} h, Cmax {c.Max():G3} ng/mL");
        Assert.InRange(tmax, 7, 50);
    }

    /// <summary>
    /// PEG-rHuMGDF: terminal half-life 33.3 ± 16.7 h (de Boer RH et al. Growth Factors 2000;18:215), here after 3 µg/kg IV,
    /// days 3–6. A recorded known failure (docs/model-v2.md): with TPO's binding the free drug is cleared by the platelet
    /// and marrow c-Mpl pool on top of its linear elimination (set from that same half-life), so its terminal phase is
    /// shorter than published. Asserted to still fail, so the docs stay true.
    /// </summary>
    [Fact]
    public void Peg_rhumgdf_terminal_half_life_is_a_recorded_known_failure()
    {
        var hours = Enumerable.Range(0, 145).Select(i => (double)i).ToArray();
        var c = Concentrations("peg-rhumgdf", Route.Intravenous, 3 * 70, hours);
        var t = HalfLifeHours(c, hours, 72, 144);
        output.WriteLine($"PEG-rHuMGDF terminal t½ {t:G3} h (days 3–6), {HalfLifeHours(c, hours, 24, 72):G3} h (days 1–3)");
        Assert.False(t >= 33.3 - 16.7 && t <= 33.3 + 16.7, $"PEG-rHuMGDF t½ {t:G3} h now inside 33.3 ± 16.7 h: make this a passing check and update docs/model-v2.md");
        Assert.InRange(t, 1, 33.3 - 16.7); // the failure is a too-fast terminal phase, not a broken run
    }

    /// <summary>Eltrombopag: half-life 21–35 h (drugs.md, label), terminal phase 2–5 days after 50 mg; avatrombopag 16–19 h (drugs.md), 1–3 days after 40 mg.</summary>
    [Theory]
    [InlineData("eltrombopag", 50_000, 48, 120, 21, 35)]
    [InlineData("avatrombopag", 40_000, 24, 72, 16, 19)]
    public void Small_molecule_half_life_is_the_published_one(string name, double micrograms, int fromHour, int toHour, double lower, double upper)
    {
        var hours = Enumerable.Range(0, 121).Select(i => (double)i).ToArray();
        var c = Concentrations(name, Route.Oral, micrograms, hours);
        var t = HalfLifeHours(c, hours, fromHour, toHour);
        output.WriteLine($"{name}: t½ {t:G3} h");
        Assert.InRange(t, lower, upper);
    }

    /// <summary>Lusutrombopag (3-cmt, Katsube 2016): the four amounts change only by elimination ke·A_central.</summary>
    [Fact]
    public void Lusutrombopag_mass_balance_holds_at_random_states()
    {
        var model = Compiled("lusutrombopag");
        var p = model.CreateParameters();
        var dydt = new double[model.Dimension];
        var y = RandomState(model, p, 7);
        model.Derivative(0, y, p, dydt);
        var states = V2DrugModuleCatalog.Find("lusutrombopag")!.Definition.States.Select(s => model.StateIndex(s.Name)).ToArray();
        var change = states.Sum(i => dydt[i]);
        var loss = V2Harness.Value(p, "lusutrombopagKe", model) * y[model.StateIndex("lusutrombopagCentral")];
        Assert.Equal(-loss, change, 1e-10 * loss);
    }

    /// <summary>The small molecules reuse v1's PK as it is: the same state and route lists, and no v1 slot left.</summary>
    [Fact]
    public void Transmembrane_modules_reuse_v1_pk_unchanged()
    {
        foreach (var t in V2DrugModuleCatalog.TransmembraneLigands)
        {
            var v2 = t.Build();
            Assert.Same(t.PkModule.Definition.States, v2.Definition.States);
            Assert.Same(t.PkModule.Routes, v2.Routes);
            Assert.DoesNotContain(v2.Definition.Variables, v => v.Name is "tpoSiteDrugRatio" or "tpoSiteDrugEfficacyRatio" or "transmembraneDrugSignal" or "unblockedMplFraction");
            Assert.Equal(1, v2.Definition.Parameter(t.EfficacyParameter)!.Value);
        }
    }

    /// <summary>
    /// A transmembrane agonist does not compete with TPO (platelet TPO complexes unchanged when its signal is on) but
    /// raises the stimulation through the same Emax: saturating drug gives the same ceiling as saturating TPO-site agonist.
    /// </summary>
    [Fact]
    public void Transmembrane_agonist_adds_to_tpo_without_competing_and_shares_the_emax()
    {
        var model = Compiled("eltrombopag");
        var p = model.CreateParameters();
        var y = V2Harness.Healthy(p, model);
        var dydtWithout = new double[model.Dimension];
        model.Derivative(0, y, p, dydtWithout);
        y[model.StateIndex("eltrombopagCentral")] = 1e14; // µg: occupancy 1 − 2·10^-8
        var dydt = new double[model.Dimension];
        model.Derivative(0, y, p, dydt);
        foreach (var s in new[] { "tpoFree", "plateletTpoComplex", "marrowTpoComplex", "plateletMplFree" })
            Assert.Equal(dydtWithout[model.StateIndex(s)], dydt[model.StateIndex(s)], 1e-12);
        Assert.Equal(V2Harness.Value(p, "emax"), V2Harness.Observable(p, y, "stimulation", model), 1e-6);
    }

    /// <summary>
    /// Eltrombopag's potency in v2 is Farrell 2014's linear PD slope (0.648 mL/µg): at health the stimulation rises with
    /// exactly that slope in total plasma drug (central difference at 1 and 2 ng/mL, within 1%), whatever the Emax.
    /// </summary>
    [Theory]
    [InlineData("eltrombopag", null)]
    [InlineData("eltrombopag-itp", null)]
    [InlineData("eltrombopag", 3.0)]
    public void Eltrombopag_initial_slope_is_farrells(string module, double? emax)
    {
        var model = Compiled(module);
        var p = model.CreateParameters(emax is { } e ? new Dictionary<string, double> { ["emax"] = e } : null);
        var y = V2Harness.Healthy(p, model);
        var central = model.StateIndex("eltrombopagCentral");
        var volumeLitres = V2Harness.Value(p, "eltrombopagCentralVolume", model);
        double Stimulation(double ngPerMl)
        {
            y[central] = ngPerMl * volumeLitres; // µg in Vc litres: µg/L = ng/mL
            return V2Harness.Observable(p, y, "stimulation", model);
        }
        var slope = (Stimulation(2) - Stimulation(0)) / 2;
        Assert.Equal(1, Stimulation(0), 1e-9);
        Assert.Equal(6.48e-4, slope, 6.48e-6);
        Assert.DoesNotContain(model.Definition.Parameters, q => q.Name == "eltrombopagEc50");
    }
}
