using Xunit;

namespace TpoSim.Cli.Tests;

/// <summary><c>tposim export equations</c> prints docs/equations.md (v1) and docs/equations-v2.md (v2), which are kept current.</summary>
public sealed class ExportCommandTests
{
    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public void Export_equations_equals_its_docs_page(string model)
    {
        var core = TpoSim.Physiology.CoreModel.Get(model)!;
        var run = model == "v1" ? CliHarness.Run("export", "equations") : CliHarness.Run("export", "equations", "--model", model);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var page = TpoSim.Physiology.ModelEquations.PagePath(core);
        var committed = File.ReadAllText(CliHarness.RepoFile(page));
        Assert.True(committed == run.Stdout,
            $"{page} is out of date: regenerate it with `dotnet run --project src/TpoSim.Cli -- {TpoSim.Physiology.ModelEquations.Command(core)["tposim ".Length..]} > {page}`");
    }

    [Fact]
    public void An_unknown_model_is_a_one_line_error_with_exit_2()
    {
        var run = CliHarness.Run("export", "equations", "--model", "v3");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--model: 'v3' is not a model; allowed: v1, v2", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
