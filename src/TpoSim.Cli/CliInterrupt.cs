using System.Runtime.InteropServices;
using TpoSim.Output.Files;

namespace TpoSim.Cli;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM: the run stops cleanly with exit 130 or 143 (128 + signal number, the shell's
/// convention), one line on stderr and no partial output. The signal cancels <see cref="Token"/>, which the solver and
/// the writers observe; work that cannot observe it is given <see cref="GraceMilliseconds"/> before every staging
/// folder is deleted and the process ends.
/// </summary>
public sealed class CliInterrupt : IDisposable
{
    /// <summary>How long a cancelled run may take to unwind before the process is ended.</summary>
    public const int GraceMilliseconds = 1500;

    private readonly CancellationTokenSource _source = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly TextWriter _stderr;
    private int _signalled;

    private CliInterrupt(TextWriter stderr) => _stderr = stderr;

    /// <summary>An interrupt that no signal reaches (in-process runs; tests call <see cref="Raise"/>).</summary>
    public static CliInterrupt Detached() => new(TextWriter.Null);

    /// <summary>Registers the SIGINT and SIGTERM handlers of this process.</summary>
    public static CliInterrupt Install(TextWriter stderr)
    {
        var interrupt = new CliInterrupt(stderr);
        interrupt._registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, interrupt.Handle));
        interrupt._registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, interrupt.Handle));
        return interrupt;
    }

    /// <summary>Cancelled when a signal arrives.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>The signal received (SIGINT or SIGTERM), or null.</summary>
    public PosixSignal? Signal { get; private set; }

    /// <summary>130 after SIGINT, 143 after SIGTERM.</summary>
    public int ExitCode => Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;

    /// <summary>The one line printed when the run stops.</summary>
    public string Message => $"tposim: interrupted by {(Signal == PosixSignal.SIGTERM ? "SIGTERM" : "SIGINT")}; no output was written";

    /// <summary>Acts as if <paramref name="signal"/> had arrived (the handler's body, also used by tests).</summary>
    public void Raise(PosixSignal signal)
    {
        if (Interlocked.Exchange(ref _signalled, 1) == 1) return;
        Signal = signal;
        _source.Cancel();
        // The main thread normally unwinds (OperationCanceledException) and prints the message itself; if it is busy in
        // code that cannot observe the token, end the process after the grace period without leaving a staging folder.
        if (_registrations.Count == 0) return;
        new Thread(() =>
        {
            Thread.Sleep(GraceMilliseconds);
            OutputFolder.AbandonAll();
            _stderr.WriteLine(Message);
            _stderr.Flush();
            Environment.Exit(ExitCode);
        }) { IsBackground = true, Name = "tposim-interrupt" }.Start();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true; // the default would end the process at once, mid-write
        Raise(context.Signal);
    }

    /// <summary>Removes the signal handlers.</summary>
    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _registrations.Clear();
    }
}
