namespace TpoSim.Validation;

/// <summary>
/// One generated validation page: the case file it reports, the parameter set it runs with, and the command that
/// regenerates it. v1 (docs/validation.md) and v2 (docs/validation-v2.md) each have one, chosen by the cases' core.
/// </summary>
/// <param name="Title">The page's heading.</param>
/// <param name="CasesPath">The case file, relative to the repository root.</param>
/// <param name="ParametersPath">The shipped parameter set the cases run with (written by <c>tposim calibrate</c>).</param>
/// <param name="ParametersDoc">Where the parameters' values, units and sources are listed (relative to docs/).</param>
/// <param name="ImagesFolder">The figures' folder, relative to the repository root.</param>
/// <param name="PagePath">The page, relative to the repository root.</param>
/// <param name="Introduction">A paragraph that says what this page's model is (empty for v1's page).</param>
public sealed record ValidationPage(string Title, string CasesPath, string ParametersPath, string ParametersDoc, string ImagesFolder, string PagePath, string Introduction = "")
{
    /// <summary>Model v1's page, docs/validation.md.</summary>
    public static ValidationPage V1 { get; } = new("Validation", "validation/cases.json", "validation/parameters.json", "parameters.md",
        "docs/images/validation", "docs/validation.md");

    /// <summary>Model v2's page, docs/validation-v2.md (the receptor-physiology core, issue 14; docs/model-v2.md).</summary>
    public static ValidationPage V2 { get; } = new("Validation of model v2", "validation/cases-v2.json", "validation/parameters-v2.json", "model-v2.md",
        "docs/images/validation-v2", "docs/validation-v2.md",
        "Model v2 is the receptor-physiology core of [model-v2.md](model-v2.md) (one c-Mpl pool with finite platelet capacity, " +
        "expansion by one receptor-level Emax, conditions as data); a scenario runs it with `\"model\": \"v2\"`. Its cases are " +
        "[`validation/cases-v2.json`](../validation/cases-v2.json); its shipped set is written by " +
        "`dotnet run -c Release --project src/TpoSim.Cli -- calibrate --cases validation/cases-v2.json --setup validation/calibration-v2.json --out validation/parameters-v2.json` " +
        "from the literature values in `V2Parameters`, and a test checks that the shipped set is what that command produces.");

    /// <summary>The command that regenerates this page and its figures.</summary>
    public string RegenerateCommand =>
        "dotnet run -c Release --project src/TpoSim.Cli -- validate "
        + (CasesPath == V1.CasesPath ? "" : $"--cases {CasesPath} ")
        + $"--out {ImagesFolder} --force --markdown > {PagePath}";

    /// <summary>The page of a case file: v2's when every runnable case runs model v2, else v1's.</summary>
    public static ValidationPage For(IReadOnlyList<ValidationCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var runnable = cases.Where(c => c.Scenario is not null).ToArray();
        return runnable.Length > 0 && runnable.All(c => c.Scenario!.Model == Physiology.CoreModel.V2.Name) ? V2 : V1;
    }
}
