using TpoSim.Physiology;
using TpoSim.Policies;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Tests.Policies;

/// <summary>A titration that takes over from fixed past doses on a start day (the forecast's hook).</summary>
public class ContinuationTests
{
    private static Scenario History(double days, TitrationSpec? titration) => new(
        "history", "", new Patient(), [new ConditionChoice("itp", 0.5, new Dictionary<string, double>())], new Dictionary<string, double>(),
        days, 1, null, [new DoseRecord("romiplostim", Route.Subcutaneous, 3, DoseUnit.MicrogramPerKg, 0, 7, 12)], [], titration);

    [Fact]
    public void Check_and_dose_days_start_on_the_start_day()
    {
        var spec = new TitrationSpec(TitrationCatalog.RomiplostimItp, 3, StartDay: 84, Days: 28);
        Assert.Equal([84.0, 91, 98, 105], TitrationCatalog.CheckDays(spec, 200));
        Assert.Equal([84.0, 91, 98, 105], TitrationCatalog.DoseDays(spec, 200));
        var eltrombopag = new TitrationSpec(TitrationCatalog.EltrombopagItp, 50, StartDay: 10, Days: 14);
        Assert.Equal([10.0, 17], TitrationCatalog.CheckDays(eltrombopag, 100));
        Assert.Equal([13.5, 20.5], TitrationCatalog.InterimCheckDays(eltrombopag, 100));
        Assert.Equal(14, TitrationCatalog.DoseDays(eltrombopag, 100).Count);
    }

    [Fact]
    public void A_continuing_ladder_decides_at_its_first_check()
    {
        var fresh = TitrationCatalog.Create(new TitrationSpec(TitrationCatalog.RomiplostimItp, 3));
        Assert.Equal("start", fresh.Decide(84, 20).Action);
        var continuing = TitrationCatalog.Create(new TitrationSpec(TitrationCatalog.RomiplostimItp, 3, StartDay: 84, Continuing: true));
        Assert.Equal(3, continuing.CurrentDose);
        var d = continuing.Decide(84, 20);
        Assert.Equal(("increase", 4.0), (d.Action, d.Dose));
        // Eltrombopag waits 14 days between changes; a continuing dose is already settled.
        var eltrombopag = TitrationCatalog.Create(new TitrationSpec(TitrationCatalog.EltrombopagItp, 25, StartDay: 30, Continuing: true));
        Assert.Equal(("increase", 50.0), (eltrombopag.Decide(30, 20).Action, eltrombopag.CurrentDose));
    }

    [Fact]
    public void The_past_is_untouched_and_the_rule_doses_from_the_start_day()
    {
        var past = Simulator.Run(History(84, null), cancellation: TestContext.Current.CancellationToken);
        var spec = new TitrationSpec(TitrationCatalog.RomiplostimItp, 3, StartDay: 84, Continuing: true);
        var continued = Simulator.Run(History(112, spec), cancellation: TestContext.Current.CancellationToken);
        Assert.True(past.Succeeded && continued.Succeeded, past.Diagnostic + continued.Diagnostic);
        // Same trajectory up to the start day (the solver's steps differ only by the later segment boundaries).
        for (var i = 0; i < past.Days.Count; i++)
            Assert.Equal(past.Outputs[i].PlateletsCirculating, continued.Outputs[i].PlateletsCirculating, 1e-3 * past.Outputs[i].PlateletsCirculating);
        var log = continued.Titration!;
        Assert.Equal([84.0, 91, 98, 105], log.Decisions.Select(d => d.Day));
        Assert.DoesNotContain(log.Decisions, d => d.Action == "start");
        Assert.All(log.Doses, d => Assert.True(d.Day >= 84));
        Assert.Equal(log.Decisions[0].Dose, log.Doses[0].Amount);
    }
}
