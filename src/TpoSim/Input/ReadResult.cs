namespace TpoSim.Input;

/// <summary>
/// What every reader returns: the value read, or every problem found (not just the first), plus warnings about input
/// that was accepted but changed or doubtful. The CLI prints <see cref="Errors"/> one line each and exits 2.
/// </summary>
/// <typeparam name="T">What is read (a scenario, a population, a case file, …).</typeparam>
/// <param name="Value">The value when there are no problems; null otherwise.</param>
/// <param name="Errors">All problems found (empty on success).</param>
/// <param name="Warnings">One line each, what was accepted but changed or looks doubtful; null when none.</param>
public sealed record ReadResult<T>(T? Value, IReadOnlyList<InputProblem> Errors, IReadOnlyList<string>? Warnings = null) where T : class
{
    /// <summary>True when a value was read without problems.</summary>
    public bool Succeeded => Value is not null && Errors.Count == 0;

    /// <summary>The value and the problems, for <c>var (value, errors) = reader.Read(…)</c>.</summary>
    public void Deconstruct(out T? value, out IReadOnlyList<InputProblem> errors)
    {
        value = Value;
        errors = Errors;
    }

    /// <summary>The value.</summary>
    public static ReadResult<T> Ok(T value, IReadOnlyList<string>? warnings = null) => new(value, [], warnings);

    /// <summary>No value: <paramref name="problems"/> say why.</summary>
    public static ReadResult<T> Fail(IReadOnlyList<InputProblem> problems, IReadOnlyList<string>? warnings = null) => new(null, problems, warnings);

    /// <summary>No value: one problem.</summary>
    public static ReadResult<T> Fail(string file, string path, string message) => new(null, [new InputProblem(file, path, message)]);

    /// <summary>The same result with every problem placed in <paramref name="file"/> when it names none.</summary>
    public ReadResult<T> In(string file) => this with { Errors = Errors.Select(p => p.In(file)).ToArray() };
}
