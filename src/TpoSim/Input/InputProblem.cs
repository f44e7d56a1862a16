namespace TpoSim.Input;

/// <summary>
/// One problem in an input file, the same record for every reader (scenario, population, validation cases, calibration
/// setup, regimens, patient history, dose table, interpretation batch): the file, where in it, and what is wrong with
/// what is allowed.
/// </summary>
/// <param name="File">The file, as the user named it; empty while a reader of text does not know it (<see cref="In"/> sets it).</param>
/// <param name="Path">Where: a JSON path (<c>$.variability[1].cv</c>), or a CSV place (<c>row 3 (line 4), column AMT</c>,
/// <c>header weightKg</c>); empty for the file as a whole.</param>
/// <param name="Message">What is wrong and what is allowed (the range with its unit, or the allowed values).</param>
public sealed record InputProblem(string File, string Path, string Message)
{
    /// <summary>A problem whose file the caller names later.</summary>
    public InputProblem(string path, string message) : this("", path, message) { }

    /// <summary>This problem, placed in <paramref name="file"/> when it names no file yet.</summary>
    public InputProblem In(string file) => File.Length == 0 ? this with { File = file } : this;

    /// <summary>The problem's one printed line, "FILE: PATH: MESSAGE" (control characters escaped, so it never spills).</summary>
    public string Line => InputText.OneLine(string.Join(": ", new[] { File, Path, Message }.Where(s => s.Length > 0)));

    /// <summary>The printed line with <paramref name="file"/> as the file when the problem names none.</summary>
    public string Format(string file) => In(file).Line;

    /// <summary>The printed line (<see cref="Line"/>).</summary>
    public override string ToString() => Line;
}
