namespace TpoSim.Sensitivity;

/// <summary>One input of a sensitivity analysis: its name, unit, nominal value, allowed range and global distribution.</summary>
/// <param name="Name">Name (for a scenario: the parameter's catalog name, as in patient.parameters).</param>
/// <param name="Unit">Unit of the value ("1" for dimensionless).</param>
/// <param name="Nominal">Value the local analysis differentiates at (for a scenario: after condition and overrides).</param>
/// <param name="Minimum">Smallest allowed value.</param>
/// <param name="Maximum">Largest allowed value.</param>
/// <param name="Distribution">How the global analysis varies it.</param>
public sealed record SensitivityParameter(string Name, string Unit, double Nominal, double Minimum, double Maximum, ParameterDistribution Distribution);
