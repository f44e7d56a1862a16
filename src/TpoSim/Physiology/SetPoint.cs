using TpoSim.Parameters;

namespace TpoSim.Physiology;

/// <summary>
/// The healthy reference state and the constants derived from it. Production constants are not free
/// parameters: they follow from requiring that the healthy mechanism sits exactly at the set point
/// (platelets = plateletsReference, free TPO = tpoReference), as Shimizu 2021 derives TPO production from the
/// baseline internalisation flux. Computed from <see cref="ParameterSet.ReferencePhysiology"/>.
/// </summary>
public sealed record SetPoint
{
    /// <summary>Derives the set point for the given parameters (patient controls taken at their defaults).</summary>
    public SetPoint(ParameterSet parameters, AgeGroup ageGroup)
    {
        var p = parameters.ReferencePhysiology();
        var n = StateLayout.PlateletAgeCompartments;
        AgeingRate = n / p[ParameterId.PlateletSenescenceAge];
        var kr = p[ParameterId.RandomPlateletRemovalRate];
        var survivalPerCompartment = AgeingRate / (AgeingRate + kr);
        // Mean residence in the chain: Σ_i q^(i-1)/(ka+kr) (= (1 − q^N)/kr, N/ka without random loss). Summed term by term:
        // the closed form loses every digit when kr is tiny (kr = 1e-16 gives q = 1 and a zero lifespan).
        MeanLifespanDays = TpoPlateletModel.MeanResidenceDays(AgeingRate, kr, n);

        PlateletsCirculating = p[ParameterId.PlateletsReference];
        PlateletsWholeBody = PlateletsCirculating / (1 - p[ParameterId.SplenicFraction]);
        PlateletProduction = PlateletsWholeBody / MeanLifespanDays;
        PlateletCompartments = new double[n];
        var pi = PlateletProduction / (AgeingRate + kr);
        for (var i = 0; i < n; i++)
        {
            PlateletCompartments[i] = pi;
            pi *= survivalPerCompartment;
        }
        SenescentFlux = AgeingRate * PlateletCompartments[n - 1];

        Tpo = p[ParameterId.TpoReference];
        var kon = p[ParameterId.TpoAssociationRate];
        var koff = p[ParameterId.TpoDissociationRate];
        var kint = p[ParameterId.ComplexInternalisationRate];
        var rTot = p[ParameterId.ReceptorTotalReference];
        MegakaryocyteReceptors = rTot * p[ParameterId.MegakaryocyteReceptorShare];
        PlateletReceptors = rTot - MegakaryocyteReceptors;
        // Complex at steady state: kon·T·(R − C) = (koff + kint)·C.
        var occupancy = kon * Tpo / (kon * Tpo + koff + kint);
        PlateletComplex = occupancy * PlateletReceptors;
        MegakaryocyteComplex = occupancy * MegakaryocyteReceptors;
        TissueTpo = p[ParameterId.TpoToTissueRate] / p[ParameterId.TissueToTpoRate] * Tpo;
        // Mass balance: production = receptor-mediated internalisation + non-receptor clearance.
        TpoProduction = kint * (PlateletComplex + MegakaryocyteComplex) + p[ParameterId.NonReceptorClearanceRate] * Tpo;
        Ec50 = (p[ParameterId.DivisionEmax] - 1) * Tpo;

        var kidney = p[ParameterId.KidneyTpoShare];
        var stroma = p[ParameterId.StromaTpoShare];
        if (ageGroup == AgeGroup.Neonate)
        {
            var organs = 1 - stroma;
            var liverShare = p[ParameterId.NeonatalLiverShare];
            LiverShare = organs * liverShare;
            KidneyShare = organs * (1 - liverShare) / 2;
            SpleenShare = organs * (1 - liverShare) / 2;
        }
        else
        {
            LiverShare = 1 - kidney - stroma;
            KidneyShare = kidney;
            SpleenShare = 0;
        }
        StromaShare = stroma;
        if (LiverShare <= 0)
            throw new ArgumentException("kidneyTpoShare + stromaTpoShare must be below 1: the liver makes most TPO.");
    }

    /// <summary>Ageing (transit) rate between platelet age compartments, 1/day.</summary>
    public double AgeingRate { get; }
    /// <summary>Mean platelet lifespan at the set point, days.</summary>
    public double MeanLifespanDays { get; }
    /// <summary>Circulating platelets, 10^9/L.</summary>
    public double PlateletsCirculating { get; }
    /// <summary>Whole-body platelets (circulating + splenic), 10^9 per litre of blood.</summary>
    public double PlateletsWholeBody { get; }
    /// <summary>Platelet production, 10^9/L/day (whole-body platelets per litre of blood, Harker's turnover convention).</summary>
    public double PlateletProduction { get; }
    /// <summary>Healthy content of each platelet age compartment, 10^9/L.</summary>
    public double[] PlateletCompartments { get; }
    /// <summary>Senescent (aged-platelet) clearance flux, 10^9/L/day.</summary>
    public double SenescentFlux { get; }
    /// <summary>Free plasma TPO, pM.</summary>
    public double Tpo { get; }
    /// <summary>c-Mpl on platelets, pM.</summary>
    public double PlateletReceptors { get; }
    /// <summary>c-Mpl on megakaryocytes, pM.</summary>
    public double MegakaryocyteReceptors { get; }
    /// <summary>TPO–c-Mpl complex on platelets, pM.</summary>
    public double PlateletComplex { get; }
    /// <summary>TPO–c-Mpl complex on megakaryocytes, pM.</summary>
    public double MegakaryocyteComplex { get; }
    /// <summary>Tissue-bound TPO, pM.</summary>
    public double TissueTpo { get; }
    /// <summary>Total TPO production, pM/day (= total clearance at the set point).</summary>
    public double TpoProduction { get; }
    /// <summary>Free TPO giving half the maximal stimulation, pM: (Emax − 1)·TPO0 so that stimulation is 1 at the set point (Shimizu 2021).</summary>
    public double Ec50 { get; }
    /// <summary>Liver share of TPO production.</summary>
    public double LiverShare { get; }
    /// <summary>Kidney share of TPO production.</summary>
    public double KidneyShare { get; }
    /// <summary>Spleen share of TPO production (neonates only).</summary>
    public double SpleenShare { get; }
    /// <summary>Marrow-stroma share of TPO production.</summary>
    public double StromaShare { get; }

    /// <summary>The full state vector at the set point.</summary>
    public double[] State()
    {
        var y = new double[StateLayout.Dimension];
        for (var i = StateLayout.FirstProgenitor; i < StateLayout.FirstPlatelet; i++) y[i] = 1.0;
        PlateletCompartments.CopyTo(y, StateLayout.FirstPlatelet);
        y[StateLayout.FreeTpo] = Tpo;
        y[StateLayout.TissueTpo] = TissueTpo;
        y[StateLayout.PlateletComplex] = PlateletComplex;
        y[StateLayout.MegakaryocyteComplex] = MegakaryocyteComplex;
        return y;
    }
}
