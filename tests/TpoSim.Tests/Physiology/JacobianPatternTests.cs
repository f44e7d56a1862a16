using TpoSim.Numerics.Ode;
using TpoSim.Physiology;

namespace TpoSim.Tests.Physiology;

public class JacobianPatternTests
{
    [Fact]
    public void DeclaredSparsityCoversEveryDependency()
    {
        // The sparse LU and grouped finite differences trust the declared pattern; a missing entry would silently
        // give a wrong Jacobian. Perturb each state of a non-equilibrium state and check which rows move.
        var model = ModelFixture.Healthy();
        var y = model.HealthyState();
        var rng = new Random(7);
        for (var i = 0; i < y.Length; i++) y[i] *= 0.5 + rng.NextDouble();
        ModelFixture.AssertPatternCoversDependencies(model, y);
    }
}
