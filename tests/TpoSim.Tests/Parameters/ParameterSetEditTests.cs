using TpoSim.Conditions;
using TpoSim.Parameters;

namespace TpoSim.Tests.Parameters;

/// <summary>
/// <c>ParameterSet.Edit</c> makes one copy for many changes (a population builds a set per candidate); it must give the
/// set a chain of <c>With</c> gives, check each value as <c>With</c> does, and leave the original untouched.
/// </summary>
public class ParameterSetEditTests
{
    [Fact]
    public void An_edit_gives_the_set_a_chain_of_With_gives_and_leaves_the_original_alone()
    {
        var edit = ParameterSet.Default.Edit();
        edit.Set(ParameterId.SplenicFraction, 0.5);
        edit.Set(ParameterId.ItpActivity, 2);
        edit.Set(ParameterId.SplenicFraction, 0.25); // a later change of the same value wins, as With's would
        var edited = edit.Build();
        var chained = ParameterSet.Default.With(ParameterId.SplenicFraction, 0.5).With(ParameterId.ItpActivity, 2).With(ParameterId.SplenicFraction, 0.25);
        Assert.Equal(chained.ToArray(), edited.ToArray());
        Assert.Equal(1.0 / 3, ParameterSet.Default[ParameterId.SplenicFraction], 1e-15);
        Assert.Throws<InvalidOperationException>(() => edit.Set(ParameterId.ItpActivity, 3)); // used once
    }

    [Fact]
    public void An_edit_refuses_a_value_out_of_range_with_With_s_message()
    {
        var edit = ParameterSet.Default.Edit();
        var fromEdit = Assert.Throws<ArgumentOutOfRangeException>(() => edit.Set(ParameterId.SplenicFraction, 2));
        var fromWith = Assert.Throws<ArgumentOutOfRangeException>(() => ParameterSet.Default.With(ParameterId.SplenicFraction, 2));
        Assert.Equal(fromWith.Message, fromEdit.Message);
    }

    [Fact]
    public void A_condition_applies_its_targets_and_options_on_one_copy_as_before()
    {
        // ITP at severity 0.5, splenectomised, with MK output impaired by 30%: the spleen's entries are 0 and the MK
        // output is 0.7 times the target's value (ConditionCatalog.Itp's options).
        var itp = ConditionCatalog.Itp;
        var set = itp.Apply(ParameterSet.Default, 0.5, new Dictionary<string, double> { ["splenectomised"] = 1, ["mkOutputImpairment"] = 0.3 });
        var targetsOnly = itp.Apply(ParameterSet.Default, 0.5, new Dictionary<string, double>());
        Assert.Equal(0, set[ParameterId.SplenicFraction]);
        Assert.Equal(0, set[ParameterId.SpleenPresent]);
        Assert.Equal(0.7 * targetsOnly[ParameterId.MegakaryocytePlateletOutput], set[ParameterId.MegakaryocytePlateletOutput], 1e-15);
    }
}
