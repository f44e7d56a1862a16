using TpoSim.Drugs;
using TpoSim.Drugs.Pharmacokinetics;

namespace TpoSim.Physiology;

/// <summary>
/// A drug coupled into <see cref="TpoPlateletModel"/>: its PK model, where its states sit in the model's state vector,
/// where it binds c-Mpl and how its concentration acts on c-Mpl signalling.
/// </summary>
public sealed class CoupledDrug
{
    internal CoupledDrug(IPharmacokineticModel pk, int offset, DrugAction action, MplSite site, double ec50NgPerMl, double imax, double efficacy = 1)
    {
        if (action == DrugAction.Agonist && site == MplSite.Unspecified)
            throw new ArgumentException("An agonist must name its c-Mpl site.", nameof(site));
        Pk = pk;
        Offset = offset;
        Action = action;
        Site = site;
        Ec50NgPerMl = ec50NgPerMl;
        Imax = imax;
        Efficacy = efficacy;
    }

    /// <summary>The drug's PK model.</summary>
    public IPharmacokineticModel Pk { get; }

    /// <summary>Index of the drug's first state in the model's state vector.</summary>
    public int Offset { get; }

    /// <summary>Number of drug states.</summary>
    public int StateCount => Pk.StateCount;

    /// <summary>
    /// True if the PK reads the c-Mpl receptor pool (target-mediated disposition: romiplostim), which
    /// <see cref="TpoPlateletModel"/> passes as platelet equivalents of the platelet and megakaryocyte receptors.
    /// </summary>
    public bool ReadsPlatelets => Pk is RomiplostimPk or RomiplostimItpPk;

    /// <summary>Agonist or antagonist.</summary>
    public DrugAction Action { get; }

    /// <summary>Where the drug binds c-Mpl: TPO's site (competes with TPO) or the transmembrane domain (adds to TPO).</summary>
    public MplSite Site { get; }

    /// <summary>
    /// Concentration constant on the concentration the PK model reports, ng/mL: K_d at TPO's site, EC50 at the
    /// transmembrane site, Ki for the antagonist.
    /// </summary>
    public double Ec50NgPerMl { get; }

    /// <summary>Agonist: signal at full occupancy relative to TPO's (ε; 1 = as effective as TPO).</summary>
    public double Efficacy { get; }

    /// <summary>Antagonist: maximal fraction of the signal removed; 0 for agonists.</summary>
    public double Imax { get; }

    /// <summary>Nominal time of the last dose given (−∞ before the first); set by dose events, read by the PK right-hand side.</summary>
    public double LastDoseDay { get; set; } = double.NegativeInfinity;

    /// <summary>
    /// Whether the last dose's absorption-rate switch has happened (set by the dose and switch events); null before any
    /// dose event has set it, when the PK derives it from the time since the dose.
    /// </summary>
    public bool? AfterRateSwitch { get; set; }

    /// <summary>A dose given at <paramref name="day"/>: the dose clock restarts and the absorption phase is the early one.</summary>
    public void StartDose(double day)
    {
        LastDoseDay = day;
        AfterRateSwitch = false;
    }

    /// <summary>
    /// The absorption-rate switch of the dose given at <paramref name="doseDay"/>: takes effect only when that dose is still the
    /// last one (a later dose restarted the clock and has its own switch).
    /// </summary>
    public void SwitchRate(double doseDay)
    {
        if (LastDoseDay == doseDay) AfterRateSwitch = true;
    }

    /// <summary>PK inputs at time <paramref name="t"/> for a c-Mpl receptor pool in platelet equivalents, 10^9/L.</summary>
    public PkInputs Inputs(double t, double receptorPlateletEquivalents) => new(receptorPlateletEquivalents, t - LastDoseDay, AfterRateSwitch);

    /// <summary>Concentration driving the effect, ng/mL, at model state <paramref name="y"/>.</summary>
    public double Concentration(double t, ReadOnlySpan<double> y, double receptorPlateletEquivalents) =>
        Pk.ConcentrationNgPerMl(y.Slice(Offset, StateCount), Inputs(t, receptorPlateletEquivalents));

    /// <summary>C/K: concentration relative to the drug's constant, zero at zero concentration (negative rounding clamped).</summary>
    public double Ratio(double concentration) => Math.Max(concentration, 0) / Ec50NgPerMl;

    /// <summary>Receptor term C/(EC50 + C), zero at zero concentration.</summary>
    public double Occupancy(double concentration)
    {
        var c = Math.Max(concentration, 0);
        return c / (Ec50NgPerMl + c);
    }
}
