namespace TpoSim.Procedures;

/// <summary>
/// Where a core keeps what the procedures act on, by name, so that one implementation of each procedure serves every
/// core (<see cref="Physiology.CoreModel.Procedures"/>).
/// </summary>
/// <param name="ProgenitorKillRate">Parameter: extra death rate of dividing MK progenitors (chemotherapy), 1/day.</param>
/// <param name="LiverMass">Parameter: liver mass relative to a whole adult liver (partial hepatectomy lowers it).</param>
/// <param name="LiverRestoredByTransplant">Parameters a liver transplant sets back to 1 (hepatocyte function, mass, intrinsic TPO translation).</param>
/// <param name="SpleenPresent">Parameter: 1 with a spleen, 0 without.</param>
/// <param name="ProgenitorStatePrefix">Name prefix of the dividing-progenitor states (radiation kills them).</param>
public sealed record ProcedureTargets(
    string ProgenitorKillRate,
    string LiverMass,
    IReadOnlyList<string> LiverRestoredByTransplant,
    string SpleenPresent,
    string ProgenitorStatePrefix)
{
    /// <summary>Model v1's names (<see cref="Parameters.ParameterCatalog"/>).</summary>
    public static ProcedureTargets V1 { get; } = new("progenitorKillRate", "liverMass", ["liverFunction", "liverMass", "hepaticTpoMultiplier"], "spleenPresent", "progenitor");

    /// <summary>Model v2's names (<see cref="Physiology.V2.V2Parameters"/>).</summary>
    public static ProcedureTargets V2 { get; } = new("progenitorKillRate", "liverMassRelative", ["hepatocyteFunction", "liverMassRelative", "hepaticTpoTranslation"], "spleenPresent", "progenitor");
}
