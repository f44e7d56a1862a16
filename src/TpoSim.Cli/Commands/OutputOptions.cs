using System.CommandLine;
using TpoSim.Output.Files;

namespace TpoSim.Cli.Commands;

/// <summary>The <c>--force</c> option every command that writes an <c>--out</c> folder shares, and how it opens the folder.</summary>
internal static class OutputOptions
{
    /// <summary>What an existing folder meets, for every command's help.</summary>
    public const string ExistingFolderRule =
        "An existing --out that holds files is refused unless --force, which replaces it whole; files appear only when the run is complete.";

    /// <summary>A new <c>--force</c> option.</summary>
    public static Option<bool> Force() => new("--force")
    {
        Description = "Replace an existing --out whole. Without it a non-empty --out is refused, so two runs never mix.",
    };

    /// <summary>"Wrote a, b, c to DIR" for the files of a committed folder.</summary>
    public static string Wrote(OutputFolder folder, IEnumerable<string> stagedPaths, string? extra = null) =>
        $"Wrote {string.Join(", ", stagedPaths.Select(Path.GetFileName))}{extra} to {folder.Target}";
}
