namespace TpoSim.Sensitivity;

/// <summary>A global sensitivity method.</summary>
public enum GlobalMethod
{
    /// <summary>Morris elementary effects (μ*, μ, σ) on one-at-a-time trajectories: screening.</summary>
    Morris,
    /// <summary>Sobol' first-order and total indices from Saltelli's A/B/A_B^(i) design.</summary>
    Sobol,
}
