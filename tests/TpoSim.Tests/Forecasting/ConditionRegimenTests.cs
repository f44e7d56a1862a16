using TpoSim.Fitting;
using TpoSim.Forecasting;
using TpoSim.Policies;
using TpoSim.Simulation;

namespace TpoSim.Tests.Forecasting;

/// <summary>The regimens of a condition come from its prior's label rules: a CLD course is a new course, limited to its label length.</summary>
public class ConditionRegimenTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PatientHistory Cld(string drug) => PatientFile.Parse(
        $"# condition: chronicLiverDisease\n# drug: {drug}\nID,TIME,AMT,EVID,CMT,II,ADDL,DV\n1,0,3,1,1,24,6,.\n1,0,.,0,4,.,.,35\n1,336,.,0,4,.,.,60\n1,672,.,0,4,.,.,40\n", "cld.csv").Value!;

    [Fact]
    public void A_cld_label_regimen_is_a_new_lplus2_course_and_fixed_doses_stop_after_the_label_course()
    {
        var h = Cld("lusutrombopag");
        var prior = FitPriors.ChronicLiverDisease;
        var values = prior.Parameters.Select(p => p.Typical).ToArray();
        var start = h.LastObservationDay;
        Assert.Equal(TitrationCatalog.LusutrombopagLplus2, Forecaster.LabelPolicy(prior, "lusutrombopag"));
        // Defaults: the label course (with its early stop), none, and the last course's dose as a fixed 7-day course.
        Assert.Equal([Regimen.Label, Regimen.Hold, Regimen.Fixed(3)], Forecaster.DefaultRegimens(h));
        var label = Simulator.Run(Forecaster.ScenarioFor(h, prior, values, Regimen.Label, start, start + 21), cancellation: Ct);
        Assert.True(label.Succeeded, label.Diagnostic);
        // Daily checks over the 7-day course, the first a baseline (a new course, not a continuation), at most 7 doses of 3 mg.
        Assert.Equal(Enumerable.Range(0, 7).Select(k => start + k), label.Titration!.Decisions.Select(d => d.Day));
        Assert.Equal("start", label.Titration.Decisions[0].Action);
        Assert.InRange(label.Titration.Doses.Count, 1, 7);
        Assert.All(label.Titration.Doses, d => Assert.Equal(3, d.Amount));
        var fixedDose = Forecaster.ScenarioFor(h, prior, values, Regimen.Fixed(3), start, start + 21);
        Assert.Equal(7, fixedDose.Doses[^1].Count);
    }

    [Fact]
    public void A_drug_without_a_label_rule_in_the_condition_is_forecast_only_as_hold()
    {
        var itpLusu = PatientFile.Parse("# condition: itp\n# drug: lusutrombopag\nID,TIME,AMT,EVID,CMT,II,ADDL,DV\n1,0,3,1,1,0,0,.\n1,0,.,0,4,.,.,20\n", "x.csv").Value!;
        Assert.Equal([Regimen.Hold], Forecaster.DefaultRegimens(itpLusu));
        Assert.Equal(["x.csv: lusutrombopag has no label rule in itp (rules for romiplostim, eltrombopag, avatrombopag); allowed regimens: hold."],
            Forecaster.Check(itpLusu, [Regimen.Label]));
        Assert.Empty(Forecaster.Check(itpLusu, [Regimen.Hold]));
        // Avatrombopag before a procedure: the CLD rule (dose by baseline), not the ITP ladder.
        Assert.Equal(TitrationCatalog.AvatrombopagCld, Forecaster.LabelPolicy(FitPriors.ChronicLiverDisease, "avatrombopag"));
    }
}
