using TpoSim.Numerics.Ode;

namespace TpoSim.Simulation;

/// <summary>
/// One scheduled change of (t, y, p): a typed, inspectable edit of the state and the run's parameter vector. The
/// simulator applies it at its event; the SBML writer translates the kinds SBML can hold (<see cref="ScheduledEvent"/>).
/// Edits are immutable and carry indices, not closures over a model, so one plan serves every run and thread.
/// </summary>
public abstract record ModelEdit
{
    /// <summary>Applies the edit in place.</summary>
    public abstract void Apply(double t, Span<double> y, Span<double> p);
}

/// <summary>Adds <paramref name="Amount"/> to each of <paramref name="Count"/> states from <paramref name="First"/> (a dose, a bolus, a transfusion).</summary>
public sealed record AddToStates(int First, int Count, double Amount) : ModelEdit
{
    /// <inheritdoc/>
    public override void Apply(double t, Span<double> y, Span<double> p)
    {
        for (var i = First; i < First + Count; i++) y[i] += Amount;
    }
}

/// <summary>Sets parameter <paramref name="Index"/> to <paramref name="Value"/> (setParameter, an ITP activity week, a dose clock).</summary>
public sealed record SetParameter(int Index, double Value) : ModelEdit
{
    /// <inheritdoc/>
    public override void Apply(double t, Span<double> y, Span<double> p) => p[Index] = Value;
}

/// <summary>
/// Sets parameter <paramref name="Index"/> to <paramref name="Value"/> only while parameter <paramref name="GuardIndex"/> still
/// equals <paramref name="GuardValue"/>: an absorption-rate switch flips the phase only if no later dose restarted it.
/// </summary>
public sealed record SetParameterIfUnchanged(int Index, double Value, int GuardIndex, double GuardValue) : ModelEdit
{
    /// <inheritdoc/>
    public override void Apply(double t, Span<double> y, Span<double> p)
    {
        if (p[GuardIndex] == GuardValue) p[Index] = Value;
    }
}

/// <summary>A procedure's effect (bleeding, splenectomy, a chemotherapy cycle edge, …), named for logs and for what SBML cannot export.</summary>
public sealed record ProcedureEdit(string Procedure, EventAction Action) : ModelEdit
{
    /// <inheritdoc/>
    public override void Apply(double t, Span<double> y, Span<double> p) => Action(t, y, p);
}

/// <summary>Several edits applied in order at one time.</summary>
public sealed record EditSequence(IReadOnlyList<ModelEdit> Edits) : ModelEdit
{
    /// <inheritdoc/>
    public override void Apply(double t, Span<double> y, Span<double> p)
    {
        foreach (var e in Edits) e.Apply(t, y, p);
    }
}

/// <summary>An edit at a known day, with its label and, for the timeline, what a user sees.</summary>
/// <param name="Day">When.</param>
/// <param name="Label">Short text for solver diagnostics.</param>
/// <param name="Edit">What changes.</param>
public sealed record ScheduledEvent(double Day, string Label, ModelEdit Edit);
