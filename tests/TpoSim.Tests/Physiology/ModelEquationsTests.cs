using TpoSim.Physiology;

namespace TpoSim.Tests.Physiology;

/// <summary>The equations page (docs/equations.md; the CLI test keeps the file current) shows every state with its unit.</summary>
public class ModelEquationsTests
{
    [Fact]
    public void Every_state_has_its_equation_with_unit()
    {
        var page = ModelEquations.Markdown();
        Assert.Contains(@"$$\frac{d\,\mathrm{tpoFree}}{dt} = ", page);
        Assert.Contains("**plateletAge1** [10^9/L]", page);
        Assert.Contains("## Drug module `romiplostim`", page);
        Assert.Contains("`romiplostimSiteKd`", page);
    }
}
