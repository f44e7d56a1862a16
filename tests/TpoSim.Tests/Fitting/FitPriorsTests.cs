using System.Text.Json;
using TpoSim.Conditions;
using TpoSim.Fitting;
using TpoSim.Parameters;
using TpoSim.Scenarios;

namespace TpoSim.Tests.Fitting;

/// <summary>The priors are data derived from the population files, and the patient file selects one.</summary>
public class FitPriorsTests
{
    private const string Table = "ID,TIME,AMT,EVID,CMT,II,ADDL,DV\n1,0,.,0,4,.,.,40\n1,168,.,0,4,.,.,42\n";

    [Fact]
    public void Every_prior_names_estimable_parameters_with_sources()
    {
        Assert.Equal(["itp", "chronicLiverDisease", "chemotherapy"], FitPriors.Names);
        foreach (var prior in FitPriors.All)
        {
            Assert.NotNull(ConditionCatalog.Get(prior.Choice.Name));
            Assert.NotEmpty(prior.Source);
            foreach (var p in prior.Parameters)
            {
                Assert.True(p.Typical > 0 && p.Cv > 0, $"{prior.Condition}.{p.Name}");
                Assert.False(string.IsNullOrWhiteSpace(p.Source));
                if (p.Target == FitTarget.ModelParameter) Assert.True(ParameterCatalog.TryGet(p.Name, out _), p.Name);
            }
            foreach (var policy in prior.LabelPolicies.Values) Assert.Contains(policy, TpoSim.Policies.TitrationCatalog.Names);
        }
        Assert.True(FitPriors.Chemotherapy.NeedsChemotherapy);
        Assert.False(FitPriors.ChronicLiverDisease.NeedsChemotherapy);
    }

    [Fact]
    public void The_cld_prior_is_the_lplus2_population_around_severity_1()
    {
        // populations/cld-lplus2.json: severity 1 and the CV of each varied parameter. The prior's medians are the
        // preset's full-severity values, its CVs the file's (exact).
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoFiles.PathOf("populations", "cld-lplus2.json")));
        var root = doc.RootElement;
        Assert.Equal(root.GetProperty("scenario").GetProperty("patient").GetProperty("condition").GetProperty("severity").GetDouble(), FitPriors.ChronicLiverDisease.Choice.Severity);
        var cv = root.GetProperty("variability").EnumerateArray().ToDictionary(v => v.GetProperty("parameter").GetString()!, v => v.GetProperty("cv").GetDouble());
        var set = ConditionCatalog.ChronicLiverDisease.Apply(ParameterSet.Default, 1, new Dictionary<string, double>());
        foreach (var p in FitPriors.ChronicLiverDisease.Parameters.Where(p => cv.ContainsKey(p.Name)))
        {
            Assert.Equal(cv[p.Name], p.Cv);
            Assert.True(ParameterCatalog.TryGet(p.Name, out var d));
            Assert.Equal(set[d.Id], p.Typical, 12);
        }
        Assert.Equal(2, FitPriors.ChronicLiverDisease.Parameters.Count(p => cv.ContainsKey(p.Name)));
    }

    [Theory]
    [InlineData("# condition: chronicLiverDisease\n# drug: lusutrombopag\n", null, "chronicLiverDisease", "chronicLiverDisease", 1.0)]
    [InlineData("# condition: chemotherapy\n# chemotherapy: carboplatin from day 0, every 21 days, 4 cycles\n", null, "chemotherapy", "healthy", 0.0)]
    [InlineData("", null, "itp", "itp", 0.5)]
    [InlineData("# condition: itp\n", "chronicLiverDisease", "chronicLiverDisease", "chronicLiverDisease", 1.0)]
    public void The_condition_line_or_option_selects_the_prior(string header, string? option, string prior, string condition, double severity)
    {
        var (h, errors) = PatientFile.Parse(header + Table, "p.csv", new PatientFileOverrides(Condition: option));
        Assert.Empty(errors);
        Assert.Equal(prior, h!.PriorName);
        Assert.Equal((condition, severity), (h.Condition.Name, h.Condition.Severity));
        Assert.Same(FitPriors.For(prior), FitPrior.For(h.PriorName));
    }

    [Theory]
    [InlineData("# condition: mds\n", "p.csv: header condition: 'mds' has no fitting prior; allowed: itp, chronicLiverDisease, chemotherapy.")]
    [InlineData("# condition: chemotherapy\n", "p.csv: header chemotherapy: missing: condition 'chemotherapy' needs the cycles; add a header line '# chemotherapy: REGIMEN from day D, every N days, K cycles' (e.g. carboplatin from day 0, every 21 days, 4 cycles).")]
    [InlineData("# chemotherapy: cisplatin from day 0, every 21 days, 4 cycles\n", "p.csv: header chemotherapy: 'cisplatin from day 0, every 21 days, 4 cycles': regimen 'cisplatin' is not known; allowed: carboplatin, gentle.")]
    [InlineData("# chemotherapy: carboplatin from day 0, every 21 days, 40 cycles\n", "p.csv: header chemotherapy: 'carboplatin from day 0, every 21 days, 40 cycles': 40 cycles is out of range; allowed: [1, 20].")]
    [InlineData("# chemotherapy: carboplatin every 3 weeks\n", "p.csv: header chemotherapy: 'carboplatin every 3 weeks': not understood; allowed: 'REGIMEN from day D, every N days, K cycles' with REGIMEN one of carboplatin, gentle.")]
    public void A_bad_condition_or_chemotherapy_line_is_one_error_line(string header, string error)
    {
        var (h, errors) = PatientFile.Parse(header + Table, "p.csv");
        Assert.Null(h);
        Assert.Equal([error], errors.Select(e => e.Line));
    }

    [Fact]
    public void A_chemotherapy_history_writes_and_reads_back_its_cycles()
    {
        var (h, errors) = PatientFile.Parse("# condition: chemotherapy\n# chemotherapy: carboplatin from day 2.5, every 28 days, 3 cycles\n" + Table, "p.csv");
        Assert.Empty(errors);
        Assert.Equal(new Chemotherapy(2.5, TpoSim.Procedures.ChemotherapyRegimen.CarboplatinLike, 3, 28), Assert.Single(h!.Events));
        var (back, again) = PatientFile.Parse(PatientFile.ToText(h), "q.csv");
        Assert.Empty(again);
        Assert.Equal(h.Events, back!.Events);
        Assert.Equal("chemotherapy", back.PriorName);
    }

    [Fact]
    public void The_chemotherapy_sensitivity_scales_the_kill_rate_of_every_cycle()
    {
        var (h, _) = PatientFile.Parse("# condition: chemotherapy\n# chemotherapy: carboplatin from day 0, every 21 days, 2 cycles\n" + Table, "p.csv");
        var prior = FitPriors.Chemotherapy;
        var scenario = PatientScenario.Build(h!, prior, [1.5, 250, 7.5], 42, 1);
        var cycle = Assert.IsType<Chemotherapy>(Assert.Single(scenario.Events));
        Assert.Equal(1.5 * TpoSim.Procedures.ChemotherapyRegimen.CarboplatinLike.KillRatePerDay, cycle.Regimen.KillRatePerDay, 12);
        Assert.False(scenario.ParameterOverrides.ContainsKey("chemoSensitivity"));
        Assert.Equal(250, scenario.ParameterOverrides["plateletsReference"]);
    }
}
