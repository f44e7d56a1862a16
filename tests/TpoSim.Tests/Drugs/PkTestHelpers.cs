using TpoSim.Dosing;
using TpoSim.Drugs.Modules;
using TpoSim.Physiology;
using TpoSim.Scenarios;

namespace TpoSim.Tests.Drugs;

/// <summary>A PK model for a patient: the module name, the covariates, and optional PK/PD overrides.</summary>
internal sealed record PkCase(string Model, Patient Patient, IReadOnlyDictionary<string, double>? Overrides = null, bool WithCations = false);

internal static class PkTestHelpers
{
    public const double HealthyPlatelets = 250;

    /// <summary>The published PK papers' reference subject: a 70 kg man without covariates.</summary>
    public static Patient Reference { get; } = new(BodyWeightKg: 70, Sex: Sex.Male);

    public static PkCase Pk(string model, Patient? patient = null, IReadOnlyDictionary<string, double>? overrides = null) => new(model, patient ?? Reference, overrides);

    public static PkProfile Single(PkCase pk, double amount, DoseUnit unit, Route route, double endDay, double platelets = HealthyPlatelets) =>
        Check(PkOnlySimulation.Simulate(pk.Model, pk.Patient, [new Dose(0, amount, unit, route)], platelets, endDay, 0.25, pk.Overrides, pk.WithCations));

    public static PkProfile Check(PkProfile profile)
    {
        Assert.True(profile.Succeeded, profile.Diagnostic);
        return profile;
    }

    /// <summary>AUC from 0 to ∞: the integrated AUC to the end plus the log-linear tail C(T)/λz.</summary>
    public static double AucToInfinity(PkProfile profile)
    {
        var end = profile.Times[^1];
        var lambda = Math.Log(2) / profile.HalfLifeBetween(0.8 * end, end);
        return profile.AucNgDayPerMl + profile.ConcentrationAt(end) / lambda;
    }

    /// <summary>The parameter vector of a PK-only model for <paramref name="pk"/>.</summary>
    public static double[] ParametersOf(PkCase pk) =>
        TpoModelAssembly.Parameters(PkOnlySimulation.Model(pk.Model).Compiled, TpoSim.Parameters.ParameterSet.Default, pk.Patient, pk.Overrides);
}
