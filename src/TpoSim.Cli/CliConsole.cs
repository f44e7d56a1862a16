using Spectre.Console;

namespace TpoSim.Cli;

/// <summary>Where commands print: Spectre.Console on the given writers, plain when output is redirected.</summary>
public sealed class CliConsole
{
    /// <summary>Wraps the two writers.</summary>
    public CliConsole(TextWriter stdout, TextWriter stderr)
    {
        Out = stdout;
        Error = stderr;
        var interactive = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        IsInteractive = interactive;
        Ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive) Ansi.Profile.Width = 120;
    }

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; }
    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }
    /// <summary>True when stdout is a terminal (progress bars draw; otherwise plain progress lines).</summary>
    public bool IsInteractive { get; }
    /// <summary>Cancelled by SIGINT or SIGTERM (<see cref="CliInterrupt"/>); long work and output writing observe it.</summary>
    public CancellationToken Cancellation { get; init; }
    /// <summary>Spectre console for tables.</summary>
    public IAnsiConsole Ansi { get; }
}
