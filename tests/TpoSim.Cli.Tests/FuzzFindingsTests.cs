using Xunit;

namespace TpoSim.Cli.Tests;

/// <summary>
/// Each input the fuzzing campaign (bench/TpoSim.Benchmarks/Fuzzing, docs/reliability.md) found ending in an internal
/// error, reduced to its cause: it must now be a clean rejection (exit 2, one line per problem, no stack trace).
/// </summary>
public sealed class FuzzFindingsTests
{
    /// <summary>(what the campaign found, command line with {file} and {dir}, file name, file text).</summary>
    public static TheoryData<string, string, string, string> Findings => new()
    {
        // Seed 1, case 592: a validation case's "population" replaced by a number threw InvalidOperationException.
        { "validation case population given as a number", "validate --cases {file}", "cases.json",
          """{ "cases": [ { "id": "x", "kind": "validation", "title": "t", "source": "s", "population": 1000000, "checks": [ { "metric": "nadir", "published": { "value": 1 }, "tolerance": { "abs": 1 } } ] } ] }""" },
    };

    [Theory]
    [MemberData(nameof(Findings))]
    public void Former_internal_error_is_a_clean_rejection(string finding, string commandLine, string name, string text)
    {
        using var dir = new TempDir();
        var file = dir.Write(name, text);
        var run = CliHarness.Run(commandLine.Replace("{file}", file).Replace("{dir}", dir.Path).Split(' '));
        Assert.True(run.ExitCode == 2, $"{finding}: exit {run.ExitCode}\n{run.Stderr}");
        CliHarness.AssertNoStackTrace(run);
        Assert.NotEmpty(run.ErrorLines);
        Assert.All(run.ErrorLines, l => Assert.Contains(name, l));
    }
}
