namespace TpoSim.Cli;

/// <summary>Process exit codes of <c>tposim</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary>An unexpected internal error (a bug: please report it).</summary>
    public const int InternalError = 1;
    /// <summary>Bad input: arguments, scenario file or values out of range.</summary>
    public const int BadInput = 2;
    /// <summary>The simulation ran but the solver failed (status and diagnostic printed).</summary>
    public const int NumericalFailure = 3;
    /// <summary><c>tposim validate</c>: at least one runnable validation case failed its published tolerance.</summary>
    public const int ValidationFailed = 4;
    /// <summary>Interrupted by SIGINT (Ctrl+C): 128 + 2. No output was written.</summary>
    public const int Interrupted = 130;
    /// <summary>Stopped by SIGTERM: 128 + 15. No output was written.</summary>
    public const int Terminated = 143;
}
