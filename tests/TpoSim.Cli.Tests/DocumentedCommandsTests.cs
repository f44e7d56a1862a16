using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit;

namespace TpoSim.Cli.Tests;

/// <summary>
/// Every shell command of README.md and docs/*.md (fenced <c>bash</c>/<c>sh</c> blocks) runs exactly as written, in
/// order, from a clean copy of the repository in a temporary folder: the README's tool installation puts
/// <c>tposim</c> on the PATH for the lines that use it. The README's own test command (<c>dotnet test</c>) is the one
/// running this test and is not run again. Slow (a Release build, a tool package and the validation suite).
/// </summary>
public sealed class DocumentedCommandsTests
{
    /// <summary>One command line of the docs: where it is written and its text.</summary>
    public sealed record DocumentedCommand(string File, int Line, string Text);

    /// <summary>The documents whose commands run, README first (it installs the tool the others use).</summary>
    public static IReadOnlyList<string> Documents() =>
        ["README.md", .. Directory.GetFiles(CliHarness.RepoFile("docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    /// <summary>The shell command lines of one Markdown text: comments dropped, continuation lines joined.</summary>
    public static IEnumerable<DocumentedCommand> Commands(string file, string markdown)
    {
        foreach (Match block in Regex.Matches(markdown, @"^```(?:bash|sh|shell)[ \t]*\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline))
        {
            var firstLine = markdown[..block.Index].Count(c => c == '\n') + 2;
            var lines = block.Groups[1].Value.Split('\n');
            var pending = "";
            var pendingLine = 0;
            for (var i = 0; i < lines.Length; i++)
            {
                var text = StripComment(lines[i]).Trim();
                if (pending.Length == 0) pendingLine = firstLine + i;
                if (text.EndsWith('\\'))
                {
                    pending += text[..^1].TrimEnd() + " ";
                    continue;
                }
                var command = (pending + text).Trim();
                pending = "";
                if (command.Length > 0) yield return new DocumentedCommand(file, pendingLine, command);
            }
        }
    }

    /// <summary>A '#' that starts a word begins a comment (not inside quotes; the docs' commands quote no '#').</summary>
    private static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c is '\'' or '"') quote = c;
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1]))) return line[..i];
        }
        return line;
    }

    /// <summary>The README's test command is what runs this test: it is checked by CI itself, not re-run here.</summary>
    private static bool IsTheTestCommand(string command) => Regex.IsMatch(command, @"^dotnet test(\s|$)");

    [Fact]
    public void The_docs_hold_the_commands_a_new_user_pastes()
    {
        var all = Documents().SelectMany(d => Commands(d, File.ReadAllText(CliHarness.RepoFile(d)))).ToArray();
        Assert.Contains(all, c => c.File == "README.md" && c.Text.StartsWith("dotnet tool install", StringComparison.Ordinal));
        Assert.Contains(all, c => c.File == "README.md" && c.Text.StartsWith("dotnet run -c Release --project src/TpoSim.Cli -- simulate", StringComparison.Ordinal));
        Assert.Contains(all, c => c.File == "README.md" && IsTheTestCommand(c.Text));
        // The main job and every documented 'dotnet run' of the CLI are Release builds (the docs say so).
        Assert.All(all.Where(c => c.Text.Contains("--project src/TpoSim.Cli", StringComparison.Ordinal)),
            c => Assert.True(c.Text.StartsWith("dotnet run -c Release ", StringComparison.Ordinal), $"{c.File}:{c.Line}: {c.Text}"));
        // The tool is installed before any line that uses it.
        var install = Array.FindIndex(all, c => c.Text.StartsWith("dotnet tool install", StringComparison.Ordinal));
        var firstUse = Array.FindIndex(all, c => c.Text.StartsWith("tposim ", StringComparison.Ordinal));
        Assert.True(install < firstUse, "the README installs tposim before the first command that uses it");
    }

    [Fact]
    public void Continuation_lines_and_comments_are_read_as_a_shell_reads_them()
    {
        const string md = "text\n```bash\ntposim a --x 1 \\\n       --y 2   # two\n# only a comment\ndotnet test\n```\n```json\n{ }\n```\n";
        var commands = Commands("x.md", md).ToArray();
        Assert.Equal(["tposim a --x 1 --y 2", "dotnet test"], commands.Select(c => c.Text));
        Assert.Equal(3, commands[0].Line);
    }

    // Not in CI yet: the docs also hold commands that never end (`tposim serve`), need a server (`curl`) or run for
    // tens of minutes (bench/compare.sh, 100,000-subject trials). Run it by hand with --filter Category=DocsCommands
    // until the docs mark such lines.
    [Fact]
    [Trait("Category", "DocsCommands")]
    public void Every_documented_command_runs_as_written_from_a_clean_copy()
    {
        using var copy = new TempDir();
        CopyRepository(copy.Path);
        var home = Path.Combine(copy.Path, ".home");
        Directory.CreateDirectory(home);
        var commands = Documents().SelectMany(d => Commands(d, File.ReadAllText(Path.Combine(copy.Path, d)))).Where(c => !IsTheTestCommand(c.Text)).ToArray();
        Assert.NotEmpty(commands);
        var failures = new List<string>();
        foreach (var c in commands)
        {
            var (code, output) = Shell(c.Text, copy.Path, home);
            if (code != 0) failures.Add($"{c.File}:{c.Line}: `{c.Text}` exited {code}:\n{Tail(output, 1500)}");
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>The repository's files as git knows them (committed and new, not ignored): what a clean clone has, plus the change under test.</summary>
    private static void CopyRepository(string target)
    {
        var root = CliHarness.RepoRoot;
        var (code, list) = Run("git", ["-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"], root, null);
        IEnumerable<string> files = code == 0
            ? list.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            : Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f))
                .Where(f => !Regex.IsMatch(f, @"(^|/)(bin|obj|TestResults|\.git|out)(/|$)"));
        foreach (var relative in files)
        {
            var source = Path.Combine(root, relative);
            if (!File.Exists(source)) continue; // deleted in the working tree
            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination);
        }
    }

    /// <summary>
    /// Runs one line with bash in the copy. DOTNET_CLI_HOME is a folder of the copy, so a global tool install lands
    /// there (and on the PATH given here), never in the user's home; the NuGet package cache stays the user's.
    /// </summary>
    private static (int Code, string Output) Shell(string command, string directory, string home)
    {
        var nugetCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                         ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var env = new Dictionary<string, string>
        {
            ["DOTNET_CLI_HOME"] = home,
            ["NUGET_PACKAGES"] = nugetCache,
            ["PATH"] = $"{Path.Combine(home, ".dotnet", "tools")}:{Environment.GetEnvironmentVariable("PATH")}",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        return Run("bash", ["-o", "pipefail", "-c", command], directory, env);
    }

    private static (int Code, string Output) Run(string file, IEnumerable<string> args, string directory, IReadOnlyDictionary<string, string>? env)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        // The test host's own MSBuild settings must not leak into the commands (a nested build would inherit them).
        foreach (var key in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "DOTNET_HOST_PATH", "VSTEST_HOST_DEBUG" })
            start.Environment.Remove(key);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out after 20 minutes");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string Tail(string text, int chars) => text.Length <= chars ? text : "…" + text[^chars..];
}
