using System.Text.Json;
using Xunit;

namespace TpoSim.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void Validate_passes_every_runnable_case_and_lists_pending_ones()
    {
        var run = CliHarness.Run("validate", "--cases", CliHarness.RepoFile("validation/cases.json"));
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("V1", run.Stdout);
        Assert.Contains("pending", run.Stdout);
        Assert.Contains("0 failed", run.Stdout);
        CliHarness.AssertNoStackTrace(run);
    }

    [Fact]

    [Trait("Category", "Slow")]
    public void Validate_json_is_an_array_with_the_agreed_fields()
    {
        var run = CliHarness.Run("validate", "--json", "--cases", CliHarness.RepoFile("validation/cases.json"));
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal(JsonValueKind.Array, doc.RootElement.ValueKind);
        var ids = new List<string>();
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            foreach (var field in new[] { "id", "title", "published", "simulated", "tolerance", "pass", "source" })
                Assert.True(item.TryGetProperty(field, out _), $"missing {field}");
            Assert.True(item.GetProperty("pass").ValueKind is JsonValueKind.True or JsonValueKind.False);
            ids.Add(item.GetProperty("id").GetString()!);
        }
        foreach (var id in Enumerable.Range(1, 14).Select(i => $"V{i}")) Assert.Contains(id, ids);
    }

    [Fact]
    public void Validate_with_a_missing_case_file_exits_2_with_one_line()
    {
        var run = CliHarness.Run("validate", "--cases", "no-such-cases.json");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Single(run.ErrorLines);
        CliHarness.AssertNoStackTrace(run);
    }
}
