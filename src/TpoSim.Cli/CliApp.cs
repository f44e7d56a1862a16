using System.CommandLine;
using System.CommandLine.Parsing;
using TpoSim.Input;
using TpoSim.Cli.Commands;

namespace TpoSim.Cli;

/// <summary>The <c>tposim</c> command tree. Commands only parse, call the library and print.</summary>
public static class CliApp
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns the exit code. Never lets an exception escape.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, CliInterrupt.Detached());

    /// <summary>
    /// As <see cref="Run(string[], TextWriter, TextWriter)"/>, stopping with exit 130/143 and one line when
    /// <paramref name="interrupt"/> fires (no output folder is left behind: see <see cref="Output.Files.OutputFolder"/>).
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CliInterrupt interrupt)
    {
        var root = new RootCommand("TpoSim: a mechanistic simulator of the human thrombopoietin (TPO)–platelet system.\n" +
                                   "Research and teaching tool; not for clinical decisions.");
        var console = new CliConsole(stdout, stderr) { Cancellation = interrupt.Token, Arguments = args };
        root.Add(SimulateCommand.Create(console));
        root.Add(ParametersCommand.Create(console));
        root.Add(ConditionsCommand.Create(console));
        root.Add(DrugsCommand.Create(console));
        root.Add(SolversCommand.Create(console));
        root.Add(ValidateCommand.Create(console));
        root.Add(CalibrateCommand.Create(console));
        root.Add(InterpretCommand.Create(console));
        root.Add(PopulationCommand.Create(console));
        root.Add(SlurmCommand.Create(console));
        root.Add(FitCommand.Create(console));
        root.Add(ForecastCommand.Create(console));
        root.Add(ExportCommand.Create(console));
        root.Add(Commands.Sensitivity.SensitivityCommand.Create(console));
        root.Add(MergeCommand.Create(console));
        root.Add(ServeCommand.Create(console));
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !IsHelpOrVersion(args))
        {
            // One line per problem; the pointer to --help rides on the first so no extra line is printed.
            for (var i = 0; i < parse.Errors.Count; i++)
                stderr.WriteLine(InputText.OneLine(i == 0 ? $"tposim: {parse.Errors[i].Message} (see 'tposim --help')" : $"tposim: {parse.Errors[i].Message}"));
            return ExitCodes.BadInput;
        }
        if (BadPathOption(parse) is { } pathProblem)
        {
            stderr.WriteLine(InputText.OneLine($"tposim: {pathProblem}"));
            return ExitCodes.BadInput;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (interrupt.Signal is not null && e is OperationCanceledException or IOException)
        {
            // An I/O error after the signal is the staging folder vanishing under a writer: still an interruption.
            Output.Files.OutputFolder.AbandonAll();
            stderr.WriteLine(interrupt.Message);
            return interrupt.ExitCode;
        }
        catch (Output.Files.OutputTargetException e)
        {
            stderr.WriteLine($"tposim: --out: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (CliInputException e)
        {
            // A reader's problems print alike for every reader: one "FILE: PATH: MESSAGE" line each.
            if (e.Problems.Count > 0) foreach (var p in e.Problems) stderr.WriteLine(p.Line);
            else stderr.WriteLine(InputText.OneLine($"tposim: {e.Message}"));
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(InputText.OneLine($"tposim: cannot write output: {e.Message}"));
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            stderr.WriteLine(InputText.OneLine($"tposim: internal error ({e.GetType().Name}: {e.Message}); please report it with the scenario file."));
            return ExitCodes.InternalError;
        }
    }

    /// <summary>
    /// Every file or folder option (--out, --fit, --cases, …) and file argument is checked as a path before a command
    /// runs: an empty name or one with a NUL is bad input, not an exception deep in a writer.
    /// </summary>
    private static string? BadPathOption(ParseResult parse)
    {
        foreach (var child in parse.CommandResult.Children)
        {
            var (name, tokens) = child switch
            {
                OptionResult o when PathOptions.Contains(o.Option.Name) => (o.Option.Name, o.Tokens),
                ArgumentResult a when a.Argument.ValueType == typeof(string) => ($"the {a.Argument.Name} argument", a.Tokens),
                _ => ("", (IReadOnlyList<Token>)[]),
            };
            foreach (var t in tokens)
            {
                if (InputFile.CheckPath(t.Value) is { } problem) return $"{name}: {problem}; give a file or folder name";
            }
        }
        return null;
    }

    private static readonly HashSet<string> PathOptions = ["--out", "--fit", "--cases", "--regimen-file", "--batch"];

    private static bool IsHelpOrVersion(string[] args) => args.Any(a => a is "--help" or "-h" or "-?" or "--version");
}

/// <summary>
/// Bad user input detected inside a command, exit code 2: one line "tposim: message", or the problems a reader found,
/// one line each (<see cref="InputProblem.Line"/>).
/// </summary>
public sealed class CliInputException : Exception
{
    /// <summary>Bad input described by one message.</summary>
    public CliInputException(string message) : base(message) { }

    /// <summary>Every problem a reader found.</summary>
    public CliInputException(IReadOnlyList<InputProblem> problems) : base(problems.Count > 0 ? problems[0].Line : "bad input") => Problems = problems;

    /// <summary>The reader's problems; empty for a one-message error.</summary>
    public IReadOnlyList<InputProblem> Problems { get; } = [];
}
