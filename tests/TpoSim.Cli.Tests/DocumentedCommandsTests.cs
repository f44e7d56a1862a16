using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit;

namespace TpoSim.Cli.Tests;

/// <summary>
/// Every shell command of README.md and docs/*.md (fenced <c>bash</c>/<c>sh</c> blocks) runs exactly as written, in
/// order, from a clean copy of the repository in a temporary folder: the README's tool installation puts
/// <c>tposim</c> on the PATH for the lines that use it. A <c>serve</c> line is started, probed until it answers and stopped at the end of its document;
/// the lines of <see cref="NotRun"/> are not run, each for the reason it gives. Its own category (DocsCommands), run by .ci/run.
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

    /// <summary>A documented line the test does not run, and why (README.md, "Tests", lists the same).</summary>
    /// <param name="Pattern">Regular expression matched against the whole command line.</param>
    /// <param name="Reason">Why it is not run.</param>
    public sealed record Exclusion(string Pattern, string Reason);

    /// <summary>
    /// The explicit exclusion list: every other documented line runs. Each entry must match a documented line
    /// (<see cref="Every_exclusion_matches_a_documented_command"/>), so the list cannot outlive the docs.
    /// </summary>
    public static IReadOnlyList<Exclusion> NotRun { get; } =
    [
        new(@"^(\w+=\S*\s+)*dotnet test(\s|$)",
            "a test command: the README's `dotnet test` is what runs this test, and the tests a narrower `dotnet test` line names run in CI's own test steps"),
        new(@"^sudo apt-get install ",
            "installs Debian packages; .ci/run installs python3-sbml5 and python3-scipy before the tests"),
        new(@"^bash bench/compare\.sh$",
            "a benchmark against CVODE and scipy: it installs libsundials-dev with apt-get and compiles C, and even QUICK=1 integrates three one-year workloads with scipy's BDF in Python (minutes on 2 shared cores)"),
        new(@"^dotnet run -c Release --project bench/TpoSim\.Benchmarks -- --filter ",
            "a BenchmarkDotNet measurement: it generates and builds its own project and times for minutes; its figures, not its exit code, are the result"),
        new(@" --method sobol --samples 10000 ",
            "220,000 simulations (N × (k + 2), N = 10,000, k = 20): hours on 2 cores; the Morris and local commands of the same page run"),
        new(@"^tposim slurm .*/shared/scratch/",
            "a run on a site's Slurm cluster (sbatch on a login node and a filesystem the nodes share); the same page's shard, merge and --no-submit lines run, and SlurmClusterTests submits the same command to a localhost Slurm in CI"),
    ];

    /// <summary>The exclusion that covers a command line, or null when it runs.</summary>
    public static Exclusion? ExcludedBy(string command) => NotRun.FirstOrDefault(e => Regex.IsMatch(command, e.Pattern));

    /// <summary>
    /// The exit codes a documented line may end with. <c>validate</c> exits 4 when a case lies outside its published
    /// tolerance (ExitCodes.ValidationFailed), which docs/validation.md reports as the current result; the line is there
    /// to regenerate that page, which it does either way. The cases themselves are judged by the validation tests.
    /// </summary>
    public static IReadOnlyList<int> AllowedExits(string command) =>
        Regex.IsMatch(command, @"(^tposim|--project src/TpoSim\.Cli --) validate(\s|$)") ? [ExitCodes.Ok, ExitCodes.ValidationFailed] : [ExitCodes.Ok];

    /// <summary>
    /// The address a documented <c>serve</c> line listens on, or null when the line is not one: a server never ends,
    /// so it is started, probed until it answers, left running for the rest of its document (the README's
    /// <c>curl</c> line calls it) and then stopped.
    /// </summary>
    public static string? ServerAddress(string command)
    {
        if (!Regex.IsMatch(command, @"(^tposim|--project src/TpoSim\.Cli --) serve(\s|$)")) return null;
        return Regex.Match(command, @"--urls\s+(\S+)") is { Success: true } m ? m.Groups[1].Value : TpoSim.Web.Hosting.TpoSimServer.DefaultUrl;
    }

    [Fact]
    public void The_docs_hold_the_commands_a_new_user_pastes()
    {
        var all = Documents().SelectMany(d => Commands(d, File.ReadAllText(CliHarness.RepoFile(d)))).ToArray();
        Assert.Contains(all, c => c.File == "README.md" && c.Text.StartsWith("dotnet tool install", StringComparison.Ordinal));
        Assert.Contains(all, c => c.File == "README.md" && c.Text.StartsWith("dotnet run -c Release --project src/TpoSim.Cli -- simulate", StringComparison.Ordinal));
        Assert.Contains(all, c => c.File == "README.md" && c.Text == "dotnet test");
        // The main job and every documented 'dotnet run' of the CLI are Release builds (the docs say so).
        Assert.All(all.Where(c => c.Text.Contains("--project src/TpoSim.Cli", StringComparison.Ordinal)),
            c => Assert.True(c.Text.StartsWith("dotnet run -c Release ", StringComparison.Ordinal), $"{c.File}:{c.Line}: {c.Text}"));
        // The tool is installed before any line that uses it.
        var install = Array.FindIndex(all, c => c.Text.StartsWith("dotnet tool install", StringComparison.Ordinal));
        var firstUse = Array.FindIndex(all, c => c.Text.StartsWith("tposim ", StringComparison.Ordinal));
        Assert.True(install < firstUse, "the README installs tposim before the first command that uses it");
        // A synopsis (placeholders, [optional] parts, a|b choices) is not a command: it belongs in a ```text block.
        Assert.All(all, c => Assert.False(Regex.IsMatch(c.Text, @"\s\[--|\.\.\.|\b[A-Z]{3,}(_[A-Z]+)*\.json\b"), $"{c.File}:{c.Line}: a synopsis in a shell block: {c.Text}"));
    }

    [Fact]
    public void Every_exclusion_matches_a_documented_command()
    {
        var all = Documents().SelectMany(d => Commands(d, File.ReadAllText(CliHarness.RepoFile(d)))).ToArray();
        Assert.All(NotRun, e => Assert.True(all.Any(c => Regex.IsMatch(c.Text, e.Pattern)), $"no documented command matches the exclusion {e.Pattern}"));
        // Lines that must run are not swallowed by a broad pattern.
        Assert.Null(ExcludedBy("dotnet run -c Release --project src/TpoSim.Cli -- serve"));
        Assert.Null(ExcludedBy("tposim sensitivity global scenarios/itp-romiplostim-label.json --method morris --samples 10 --seed 1"));
        Assert.Null(ExcludedBy("dotnet run -c Release --project bench/TpoSim.LoadTest"));
        Assert.NotNull(ExcludedBy("TPOSIM_UPDATE_SCREENSHOTS=1 dotnet test tests/TpoSim.Web.Tests --filter \"X\""));
    }

    [Fact]
    public void Only_validate_may_exit_4()
    {
        Assert.Equal([0, 4], AllowedExits("dotnet run -c Release --project src/TpoSim.Cli -- validate --out docs/images/validation --force --markdown > docs/validation.md"));
        Assert.Equal([0], AllowedExits("tposim simulate scenarios/transfusion.json --out results"));
    }

    [Fact]
    public void A_serve_line_is_recognised_with_its_address()
    {
        Assert.Equal("http://127.0.0.1:5080", ServerAddress("dotnet run -c Release --project src/TpoSim.Cli -- serve"));
        Assert.Equal("http://127.0.0.1:6000", ServerAddress("tposim serve --urls http://127.0.0.1:6000"));
        Assert.Null(ServerAddress("tposim simulate scenarios/default.json --out serve"));
    }

    [Fact]
    public void Continuation_lines_and_comments_are_read_as_a_shell_reads_them()
    {
        const string md = "text\n```bash\ntposim a --x 1 \\\n       --y 2   # two\n# only a comment\ndotnet test\n```\n```json\n{ }\n```\n";
        var commands = Commands("x.md", md).ToArray();
        Assert.Equal(["tposim a --x 1 --y 2", "dotnet test"], commands.Select(c => c.Text));
        Assert.Equal(3, commands[0].Line);
    }

    // Run by .ci/run as its own step (--filter Category=DocsCommands); `dotnet test` leaves it out (Directory.Build.props).
    // Each line's time goes to the test output and, when TPOSIM_DOCS_TIMINGS names a file, to that file.
    [Fact]
    [Trait("Category", "DocsCommands")]
    public void Every_documented_command_runs_as_written_from_a_clean_copy()
    {
        using var copy = new TempDir();
        CopyRepository(copy.Path);
        var home = Path.Combine(copy.Path, ".home");
        Directory.CreateDirectory(home);
        var timings = Environment.GetEnvironmentVariable("TPOSIM_DOCS_TIMINGS");
        void Log(string line)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
            if (!string.IsNullOrEmpty(timings)) File.AppendAllText(timings, line + "\n");
        }
        var failures = new List<string>();
        var ran = 0;
        var total = Stopwatch.StartNew();
        foreach (var document in Documents())
        {
            BackgroundServer? server = null;
            try
            {
                foreach (var c in Commands(document, File.ReadAllText(Path.Combine(copy.Path, document))))
                {
                    if (ExcludedBy(c.Text) is { } excluded)
                    {
                        Log($"skip {c.File}:{c.Line}: {c.Text} ({excluded.Reason})");
                        continue;
                    }
                    var clock = Stopwatch.StartNew();
                    ran++;
                    if (ServerAddress(c.Text) is { } address)
                    {
                        server?.Dispose();
                        // Something else answering there (another server left running) would pass the probe for it.
                        if (BackgroundServer.Answers(address))
                        {
                            failures.Add($"{c.File}:{c.Line}: `{c.Text}`: {address} already answers before the server starts (another process holds it); stop it and run again");
                            continue;
                        }
                        server = new BackgroundServer(c.Text, copy.Path, ShellEnvironment(home));
                        if (server.WaitUntilAnswering(address, TimeSpan.FromMinutes(15)) is { } problem)
                            failures.Add($"{c.File}:{c.Line}: `{c.Text}` never answered on {address}: {problem}");
                    }
                    else
                    {
                        var (code, output) = Run("bash", ["-o", "pipefail", "-c", c.Text], copy.Path, ShellEnvironment(home));
                        if (!AllowedExits(c.Text).Contains(code)) failures.Add($"{c.File}:{c.Line}: `{c.Text}` exited {code}:\n{Tail(output, 1500)}");
                    }
                    Log($"{clock.Elapsed.TotalSeconds,7:0.0} s  {c.File}:{c.Line}: {c.Text}");
                }
            }
            finally
            {
                server?.Dispose(); // a server lives until the end of the document that starts it
            }
        }
        Log($"{total.Elapsed.TotalSeconds,7:0.0} s  in all, {ran} commands");
        Assert.True(ran > 0, "no documented command ran");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>A documented command that never ends (<c>serve</c>): started with bash, stopped with its process tree.</summary>
    private sealed class BackgroundServer : IDisposable
    {
        private readonly Process process;
        private readonly System.Text.StringBuilder output = new();

        public BackgroundServer(string command, string directory, IReadOnlyDictionary<string, string> env)
        {
            var start = StartInfo("bash", ["-o", "pipefail", "-c", command], directory, env);
            process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        /// <summary>Null once any HTTP answer comes from <paramref name="address"/>; else what went wrong.</summary>
        public string? WaitUntilAnswering(string address, TimeSpan limit)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < limit)
            {
                if (process.HasExited) return $"it exited {process.ExitCode} first:\n{Tail(Output, 1500)}";
                if (Answers(address)) return null;
                Thread.Sleep(1000);
            }
            return $"no answer in {limit.TotalMinutes:0} minutes:\n{Tail(Output, 1500)}";
        }

        /// <summary>True when <paramref name="address"/> gives any HTTP answer (any status: the page itself is the web tests' business).</summary>
        public static bool Answers(string address)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = http.GetAsync(address.TrimEnd('/') + "/").GetAwaiter().GetResult();
                return true;
            }
            catch (HttpRequestException) { return false; }
            catch (TaskCanceledException) { return false; }
        }

        private string Output { get { lock (output) return output.ToString(); } }

        public void Dispose()
        {
            try
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(30));
            }
            catch (InvalidOperationException) { }
            process.Dispose();
        }
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
    /// The environment of a documented line. DOTNET_CLI_HOME is a folder of the copy, so a global tool install lands
    /// there (and on the PATH given here), never in the user's home; the NuGet package cache stays the user's.
    /// </summary>
    private static IReadOnlyDictionary<string, string> ShellEnvironment(string home)
    {
        var nugetCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                         ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return new Dictionary<string, string>
        {
            ["DOTNET_CLI_HOME"] = home,
            ["NUGET_PACKAGES"] = nugetCache,
            ["PATH"] = $"{Path.Combine(home, ".dotnet", "tools")}:{Environment.GetEnvironmentVariable("PATH")}",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
    }

    private static ProcessStartInfo StartInfo(string file, IEnumerable<string> args, string directory, IReadOnlyDictionary<string, string>? env)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        // The test host's own MSBuild settings must not leak into the commands (a nested build would inherit them).
        foreach (var key in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "DOTNET_HOST_PATH", "VSTEST_HOST_DEBUG" })
            start.Environment.Remove(key);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) start.Environment[k] = v;
        return start;
    }

    private static (int Code, string Output) Run(string file, IEnumerable<string> args, string directory, IReadOnlyDictionary<string, string>? env)
    {
        var start = StartInfo(file, args, directory, env);
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
