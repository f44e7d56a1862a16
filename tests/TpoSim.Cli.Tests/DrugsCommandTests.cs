using TpoSim.Drugs;
using TpoSim.Drugs.Modules;
using Xunit;

namespace TpoSim.Cli.Tests;

public sealed class DrugsCommandTests
{
    [Fact]
    public void Drugs_lists_every_drug_with_its_parameters_and_sources()
    {
        var run = CliHarness.Run("drugs");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var d in DrugCatalog.All) Assert.Contains(d.Name, run.Stdout);
        foreach (var p in DrugModuleCatalog.ParametersOf("eltrombopag").Concat(DrugModuleCatalog.ParametersOf("romiplostim")))
            Assert.Contains(p.Name, run.Stdout);
        Assert.Contains("HYPOTHETICAL", run.Stdout.ToUpperInvariant());
    }

    [Fact]
    public void Drugs_lists_the_pk_variants_a_scenario_can_select()
    {
        var run = CliHarness.Run("drugs");
        foreach (var drug in DrugModuleCatalog.DrugsWithVariants)
        {
            Assert.Contains($"'pk.{drug}'", run.Stdout);
            foreach (var v in DrugModuleCatalog.VariantsOf(drug)) Assert.Contains($"  {v}", run.Stdout);
        }
    }
}
