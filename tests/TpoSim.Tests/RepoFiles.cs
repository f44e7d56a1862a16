using TpoSim.Population;

namespace TpoSim.Tests;

/// <summary>The repository's own files the tests read (populations/, examples/, validation/), found from the test binaries.</summary>
internal static class RepoFiles
{
    /// <summary>The repository root (the folder holding TpoSim.slnx).</summary>
    public static string Root => Validation.SuiteFixture.RepoRoot;

    /// <summary>The path of <paramref name="parts"/> below the repository root.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The shipped population file <paramref name="file"/> of populations/, parsed; fails the test if it does not parse.</summary>
    public static PopulationDefinition Population(string file)
    {
        var parsed = PopulationParser.ParseFile(PathOf("populations", file));
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        return parsed.Value!;
    }
}
