using TpoSim.Validation;

namespace TpoSim.Tests.Validation;

/// <summary>Loads the repository's validation/cases.json and runs the whole suite once for the tests that need it.</summary>
public sealed class SuiteFixture
{
    public SuiteFixture()
    {
        CaseFilePath = Path.Combine(RepoRoot, CaseFileLoader.DefaultRelativePath);
        var loaded = CaseFileLoader.LoadFile(CaseFilePath);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors.Select(e => e.Format(CaseFilePath))));
        File = loaded.Value!;
        Results = ValidationSuite.Run(File);
    }

    /// <summary>The repository root (the folder holding TpoSim.slnx).</summary>
    public static string RepoRoot { get; } = FindRoot();

    public string CaseFilePath { get; }
    public ValidationCaseFile File { get; }
    public IReadOnlyList<CaseResult> Results { get; }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "TpoSim.slnx"))) return dir.FullName;
        throw new InvalidOperationException("TpoSim.slnx not found above the test binaries");
    }
}
