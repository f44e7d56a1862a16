using TpoSim.Output.Files;
using Xunit;

namespace TpoSim.Tests.Output.Files;

public sealed class OutputFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tposim-outputfolder-tests", Guid.NewGuid().ToString("N"));

    public OutputFolderTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private string Target => Path.Combine(_root, "out");

    /// <summary>Everything in the parent folder except the target: staging leftovers would show here.</summary>
    private string[] Siblings() => Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName).Where(n => n != "out").ToArray()!;

    [Fact]
    public void Files_appear_only_at_commit_and_the_staging_folder_is_beside_the_target()
    {
        using (var folder = OutputFolder.Begin(Target, replace: false))
        {
            File.WriteAllText(folder.File("a.csv"), "1");
            Assert.False(Directory.Exists(Target));
            Assert.Equal(_root, Path.GetDirectoryName(folder.StagingPath));
            Assert.StartsWith(".out.tposim-partial-", Path.GetFileName(folder.StagingPath));
            folder.Commit(TestContext.Current.CancellationToken);
        }
        Assert.Equal(["a.csv"], Directory.GetFiles(Target).Select(Path.GetFileName));
        Assert.Empty(Siblings());
    }

    [Fact]
    public void A_run_that_fails_before_commit_leaves_the_earlier_folder_untouched_and_no_staging_folder()
    {
        Directory.CreateDirectory(Target);
        File.WriteAllText(Path.Combine(Target, "decisions.csv"), "old");
        try
        {
            using var folder = OutputFolder.Begin(Target, replace: true);
            File.WriteAllText(folder.File("timeseries.csv"), "half");
            throw new IOException("disk full");
        }
        catch (IOException e) when (e.Message == "disk full") { }
        Assert.Equal(["decisions.csv"], Directory.GetFiles(Target).Select(Path.GetFileName));
        Assert.Equal("old", File.ReadAllText(Path.Combine(Target, "decisions.csv")));
        Assert.Empty(Siblings());
    }

    [Fact]
    public void A_folder_holding_an_earlier_run_is_refused_without_replace_and_replaced_whole_with_it()
    {
        Directory.CreateDirectory(Path.Combine(Target, "series"));
        File.WriteAllText(Path.Combine(Target, "decisions.csv"), "old");
        var refused = Assert.Throws<OutputFolderExistsException>(() => OutputFolder.Begin(Target, replace: false));
        Assert.Contains("--force", refused.Message);
        Assert.Empty(Siblings());

        using (var folder = OutputFolder.Begin(Target, replace: true))
        {
            File.WriteAllText(folder.File("summary.json"), "{}");
            folder.Commit(TestContext.Current.CancellationToken);
        }
        // Nothing of the earlier run survives: no decisions.csv, no series/.
        Assert.Equal(["summary.json"], Directory.EnumerateFileSystemEntries(Target).Select(Path.GetFileName));
        Assert.Empty(Siblings());
    }

    [Fact]
    public void An_empty_existing_folder_is_reused_without_replace()
    {
        Directory.CreateDirectory(Target);
        using var folder = OutputFolder.Begin(Target, replace: false);
        File.WriteAllText(folder.File("x"), "1");
        folder.Commit(TestContext.Current.CancellationToken);
        Assert.True(File.Exists(Path.Combine(Target, "x")));
    }

    [Fact]
    public void A_target_that_appears_during_the_run_is_not_overwritten_without_replace()
    {
        using var folder = OutputFolder.Begin(Target, replace: false);
        Directory.CreateDirectory(Target);
        File.WriteAllText(Path.Combine(Target, "theirs"), "1");
        Assert.Throws<OutputFolderExistsException>(() => folder.Commit(TestContext.Current.CancellationToken));
        folder.Dispose();
        Assert.Equal(["theirs"], Directory.GetFiles(Target).Select(Path.GetFileName));
        Assert.Empty(Siblings());
    }

    [Fact]
    public void A_single_file_is_written_atomically_and_an_existing_one_needs_replace()
    {
        var file = Path.Combine(_root, "readings.csv");
        OutputFolder.WriteFile(file, "a\n", replace: false, TestContext.Current.CancellationToken);
        Assert.Equal("a\n", File.ReadAllText(file));
        Assert.Throws<OutputFolderExistsException>(() => OutputFolder.WriteFile(file, "b\n", replace: false, TestContext.Current.CancellationToken));
        OutputFolder.WriteFile(file, "b\n", replace: true, TestContext.Current.CancellationToken);
        Assert.Equal("b\n", File.ReadAllText(file));
        Assert.Equal(["readings.csv"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void A_cancelled_commit_leaves_nothing()
    {
        using var cts = new CancellationTokenSource();
        using (var folder = OutputFolder.Begin(Target, replace: false))
        {
            File.WriteAllText(folder.File("a"), "1");
            cts.Cancel();
            Assert.Throws<OperationCanceledException>(() => folder.Commit(cts.Token));
        }
        Assert.False(Directory.Exists(Target));
        Assert.Empty(Siblings());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a\0b")]
    public void Unusable_paths_are_user_errors(string path) =>
        Assert.Throws<OutputTargetException>(() => OutputFolder.Begin(path, replace: true));

    [Fact]
    public void The_current_folder_is_never_replaced_even_with_force() =>
        Assert.Throws<OutputTargetException>(() => OutputFolder.Begin(Directory.GetCurrentDirectory(), replace: true));
}
