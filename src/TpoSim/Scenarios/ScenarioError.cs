namespace TpoSim.Scenarios;

/// <summary>One problem in a scenario: where (JSON path) and what, with the allowed values or range.</summary>
/// <param name="Path">JSON path, e.g. <c>$.events[1].day</c>.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record ScenarioError(string Path, string Message)
{
    /// <summary>One line: "FILE: PATH: MESSAGE".</summary>
    public string Format(string source) => Input.InputText.OneLine($"{source}: {Path}: {Message}");
}

/// <summary>The outcome of parsing: a scenario, or every error found.</summary>
/// <param name="Scenario">The scenario when there are no errors.</param>
/// <param name="Errors">All problems found (empty on success).</param>
/// <param name="Warnings">What an override (<c>--days</c>) changed, one line each; null when none.</param>
public sealed record ScenarioParseResult(Scenario? Scenario, IReadOnlyList<ScenarioError> Errors, IReadOnlyList<string>? Warnings = null)
{
    /// <summary>True when a scenario was produced.</summary>
    public bool Succeeded => Scenario is not null && Errors.Count == 0;
}
