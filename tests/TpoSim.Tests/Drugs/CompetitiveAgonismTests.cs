using TpoSim.Drugs;

namespace TpoSim.Tests.Drugs;

public class CompetitiveAgonismTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(3.0)]
    [InlineData(0.25)]
    public void DrugAtItsKdWithTpoAtItsKGivesOnePlusEfficacyOverThree(double efficacy)
    {
        // Each ligand at its own K: occupancies 1/3 each (Gaddum), response 1/3 + ε/3.
        const double k = 4.9;
        var s = CompetitiveAgonism.SiteSignal(k, k, 1, efficacy);
        Assert.Equal((1 + efficacy) / 3, s, 1e-14);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.37)]
    [InlineData(1.4)]
    [InlineData(250.0)]
    public void WithoutDrugTheSiteSignalIsTposEmaxTermBitForBit(double tpo)
    {
        const double k = 4.928;
        Assert.Equal(tpo / (k + tpo), CompetitiveAgonism.SiteSignal(tpo, k, 0, 0));
    }

    [Fact]
    public void AnAgonistOfTposEfficacyActsAsTheSameMolarAmountOfTpo()
    {
        // ε = 1 and C/K_d = c/K_T: the drug is indistinguishable from extra TPO c.
        const double k = 4.9, tpo = 1.4, c = 2.3;
        Assert.Equal((tpo + c) / (k + tpo + c), CompetitiveAgonism.SiteSignal(tpo, k, c / k, c / k), 1e-14);
    }

    [Fact]
    public void RaisingTpoShrinksTheIncrementOfASiteAgonistAndAPartialAgonistOpposesTpo()
    {
        const double k = 4.9, ratio = 2.0;
        double Increment(double tpo, double efficacy) =>
            CompetitiveAgonism.SiteSignal(tpo, k, ratio, efficacy * ratio) - CompetitiveAgonism.SiteSignal(tpo, k, 0, 0);
        Assert.True(Increment(1.4, 3) > Increment(14, 3));
        Assert.True(Increment(14, 3) > Increment(140, 3));
        // A partial agonist (ε = 0.2) at high TPO displaces it and lowers the signal.
        Assert.True(Increment(140, 0.2) < 0);
        // Saturating drug: the site signal tends to ε whatever TPO is.
        Assert.Equal(3, CompetitiveAgonism.SiteSignal(14, k, 1e9, 3e9), 1e-6);
    }
}
