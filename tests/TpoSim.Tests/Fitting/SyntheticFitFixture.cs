using TpoSim.Fitting;
using TpoSim.Physiology;
using TpoSim.Policies;

namespace TpoSim.Tests.Fitting;

/// <summary>
/// One synthetic chronic-ITP patient treated with romiplostim by the label rule for 12 weeks (weekly counts with 10%
/// assay noise), with known parameters, fitted once and shared by the recovery, sampling and forecast tests.
/// </summary>
public sealed class SyntheticFitFixture
{
    /// <summary>True extraRemovalRate (1/day), emax, mkMaturationDays.</summary>
    public static readonly double[] Truth = [3.5, 5.5, 6.5];

    public SyntheticFitFixture()
    {
        Spec = new SyntheticPatientSpec(Truth, TitrationCatalog.RomiplostimItp, 12, 0.1, 3, new Patient(72));
        History = SyntheticPatient.Generate(Spec, FitPrior.ChronicItp);
        Fit = MapEstimator.Fit(new FitProblem(History, FitPrior.ChronicItp));
    }

    public SyntheticPatientSpec Spec { get; }
    public PatientHistory History { get; }
    public FitResult Fit { get; }
}
