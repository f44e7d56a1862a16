namespace TpoSim.Output.Files;

/// <summary>
/// An output folder written atomically. Files go into a hidden staging folder beside the target
/// (<c>.NAME.tposim-partial-PID-N</c>); <see cref="Commit"/> renames it into place only when every file is complete, and
/// disposing without a commit deletes it. So an interrupted or failed run leaves no partial folder, and a reused
/// target never mixes two runs: it is refused (<see cref="OutputFolderExistsException"/>) unless <c>replace</c> is set
/// (the CLI's <c>--force</c>), and then it is swapped whole for the new one. An empty existing folder is reused freely.
/// </summary>
/// <remarks>
/// Every live staging folder is registered, so a signal handler can abandon them all (<see cref="AbandonAll"/>) before it
/// ends the process; commit and abandon take one lock, so a commit is never half done when the process exits.
/// </remarks>
public sealed class OutputFolder : IDisposable
{
    private static readonly object Gate = new();
    private static readonly HashSet<OutputFolder> Live = [];
    private static int _counter;
    private static bool _abandoned;

    private readonly bool _replace;
    private readonly bool _isFile;
    private bool _done;

    private OutputFolder(string target, bool replace, bool isFile)
    {
        Target = FullPath(target);
        _replace = replace;
        _isFile = isFile;
        var parent = Path.GetDirectoryName(Target);
        var name = Path.GetFileName(Target);
        if (parent is null || name.Length == 0 || name is "." or "..")
            throw new OutputTargetException($"'{target}' is not a folder TpoSim can write into (a root or '.'/'..'); give a new folder name");
        CheckTarget(Target, replace, isFile);
        Directory.CreateDirectory(parent);
        lock (Gate)
        {
            if (_abandoned) throw new OperationCanceledException("the run was interrupted");
            StagingPath = Path.Combine(parent, $".{name}.tposim-partial-{Environment.ProcessId}-{++_counter}");
            if (isFile) System.IO.File.WriteAllBytes(StagingPath, []);
            else Directory.CreateDirectory(StagingPath);
            Live.Add(this);
        }
    }

    /// <summary>Starts writing the folder <paramref name="target"/>; throws <see cref="OutputFolderExistsException"/> when it holds files and <paramref name="replace"/> is false.</summary>
    public static OutputFolder Begin(string target, bool replace) => new(target, replace, isFile: false);

    /// <summary>
    /// Writes one output file atomically (for commands whose <c>--out</c> is a file): the text goes to a staging file beside it,
    /// renamed into place when complete; an existing file is refused unless <paramref name="replace"/>.
    /// </summary>
    public static void WriteFile(string target, string text, bool replace, CancellationToken cancellation = default)
    {
        using var staged = new OutputFolder(target, replace, isFile: true);
        System.IO.File.WriteAllText(staged.StagingPath, text, new System.Text.UTF8Encoding(false));
        staged.Commit(cancellation);
    }

    /// <summary>Where the run finally appears (full path).</summary>
    public string Target { get; }

    /// <summary>The staging folder the files are written into until <see cref="Commit"/>.</summary>
    public string StagingPath { get; }

    /// <summary>Path of <paramref name="name"/> inside the staging folder.</summary>
    public string File(string name) => Path.Combine(StagingPath, name);

    /// <summary>The final path of a staged path (for messages: the file as it will be after the commit).</summary>
    public string FinalPath(string stagedPath) => Path.Combine(Target, Path.GetRelativePath(StagingPath, stagedPath));

    /// <summary>
    /// Renames the staging folder into place. With <c>replace</c>, an existing target is first renamed aside and deleted
    /// after the swap, so at no moment does the target hold files of two runs.
    /// </summary>
    public void Commit(CancellationToken cancellation = default)
    {
        lock (Gate)
        {
            if (_done) throw new InvalidOperationException("The output folder was already committed or abandoned.");
            cancellation.ThrowIfCancellationRequested();
            if (_abandoned) throw new OperationCanceledException("the run was interrupted");
            CheckTarget(Target, _replace, _isFile); // the target may have appeared while the run was computing
            string? aside = null;
            if (Exists(Target))
            {
                aside = StagingPath + ".old";
                if (_isFile) System.IO.File.Move(Target, aside);
                else if (System.IO.File.Exists(Target)) System.IO.File.Move(Target, aside);
                else Directory.Move(Target, aside);
            }
            if (_isFile) System.IO.File.Move(StagingPath, Target);
            else Directory.Move(StagingPath, Target);
            _done = true;
            Live.Remove(this);
            if (aside is not null) Delete(aside);
        }
    }

    /// <summary>Deletes the staging folder unless it was committed.</summary>
    public void Dispose()
    {
        lock (Gate)
        {
            if (_done) return;
            _done = true;
            Live.Remove(this);
            Delete(StagingPath);
        }
    }

    /// <summary>
    /// Deletes every uncommitted staging folder of this process and refuses any later commit or new folder: called when
    /// the process is interrupted, right before it exits.
    /// </summary>
    public static void AbandonAll()
    {
        lock (Gate)
        {
            _abandoned = true;
            foreach (var folder in Live.ToArray())
            {
                folder._done = true;
                Delete(folder.StagingPath);
            }
            Live.Clear();
        }
    }

    /// <summary>Throws when <paramref name="target"/> holds an earlier run and may not be replaced.</summary>
    public static void CheckTarget(string target, bool replace, bool isFile = false)
    {
        target = FullPath(target);
        var here = FullPath(Directory.GetCurrentDirectory());
        if (here == target || here.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new OutputTargetException($"{target} holds the current folder; TpoSim replaces an output folder whole, so give a folder of its own");
        if (replace) return;
        if (isFile ? Exists(target) : System.IO.File.Exists(target) || (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()))
            throw new OutputFolderExistsException(target, isFile);
    }

    private static string FullPath(string target)
    {
        if (string.IsNullOrWhiteSpace(target)) throw new OutputTargetException("the path is empty; give a folder name");
        if (target.Contains('\0')) throw new OutputTargetException("the path contains a NUL character");
        try { return Path.GetFullPath(target.TrimEnd('/', '\\') is { Length: > 0 } t ? t : target); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new OutputTargetException($"'{target}' is not a valid path: {e.Message}");
        }
    }

    private static bool Exists(string path) => System.IO.File.Exists(path) || Directory.Exists(path);

    private static void Delete(string path)
    {
        // A writer on another thread may still add a file while the folder is deleted: retry a few times.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (System.IO.File.Exists(path)) System.IO.File.Delete(path);
                else if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
                return;
            }
            catch (IOException) { Thread.Sleep(20); }
            catch (UnauthorizedAccessException) { return; }
        }
    }
}

/// <summary>The output target cannot be used as given (bad path, or an earlier run there): user input, exit 2 in the CLI.</summary>
public class OutputTargetException(string message) : IOException(message);

/// <summary>The output target already holds an earlier run and replacing it was not asked for.</summary>
public sealed class OutputFolderExistsException(string target, bool isFile)
    : OutputTargetException(isFile
        ? $"{target} already exists; add --force to replace it, or choose another --out"
        : $"{target} already holds files (an earlier run?); add --force to replace the whole folder, or choose another --out")
{
    /// <summary>The folder or file that exists.</summary>
    public string Target { get; } = target;
}
