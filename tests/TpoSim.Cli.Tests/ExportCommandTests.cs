using Xunit;

namespace TpoSim.Cli.Tests;

/// <summary><c>tposim export equations</c> prints docs/equations.md, which is kept current.</summary>
public sealed class ExportCommandTests
{
    [Fact]
    public void Export_equations_equals_docs_equations_md()
    {
        var run = CliHarness.Run("export", "equations");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var committed = File.ReadAllText(CliHarness.RepoFile("docs/equations.md"));
        Assert.True(committed == run.Stdout,
            "docs/equations.md is out of date: regenerate it with `dotnet run --project src/TpoSim.Cli -- export equations > docs/equations.md`");
    }
}
