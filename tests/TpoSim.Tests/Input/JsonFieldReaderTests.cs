using System.Text.Json;
using TpoSim.Input;
using Xunit;

namespace TpoSim.Tests.Input;

/// <summary>
/// The shared field checks (<see cref="JsonFieldReader"/> against a <see cref="FieldSpec"/>): each kind of problem has one
/// wording, naming the JSON path and the allowed range with its unit, and every problem is kept, not only the first.
/// </summary>
public class JsonFieldReaderTests
{
    private static readonly FieldSpec Days = FieldSpec.Num("days", "", 0.01, 7300, "days").Needed();
    private static readonly FieldSpec Amount = FieldSpec.Num("amount", "", 0, double.MaxValue, "mg", exclusiveMin: true);
    private static readonly FieldSpec Count = FieldSpec.Whole("count", "", 1, 10);
    private static readonly FieldSpec Kind = FieldSpec.OneOf("kind", "", ["a", "b"]).Needed();

    private static (JsonFieldReader Reader, JsonElement Root) Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return (new JsonFieldReader("f.json"), doc.RootElement.Clone());
    }

    [Theory]
    [InlineData("""{ "days": 7301 }""", "f.json: $.days: 7301 is outside the allowed range [0.01, 7300] days")]
    [InlineData("""{ "days": "ten" }""", "f.json: $.days: expected a number in [0.01, 7300] days, found the text \"ten\"")]
    [InlineData("""{ }""", "f.json: $.days: required number is missing; allowed [0.01, 7300] days")]
    public void A_number_is_checked_against_its_range_with_its_unit(string json, string expected)
    {
        var (r, root) = Read(json);
        Assert.Null(r.Number(root, "$", Days));
        Assert.Equal(expected, Assert.Single(r.Errors).Line);
    }

    [Fact]
    public void An_exclusive_minimum_refuses_the_minimum_itself()
    {
        var (r, root) = Read("""{ "amount": 0 }""");
        Assert.Null(r.Number(root, "$", Amount));
        Assert.Equal("f.json: $.amount: 0 is outside the allowed range > 0 mg", Assert.Single(r.Errors).Line);
    }

    [Fact]
    public void An_unbounded_number_names_its_type_not_a_range_of_extreme_values()
    {
        var (r, root) = Read("""{ "value": "x" }""");
        Assert.Null(r.Number(root, "$", FieldSpec.Num("value", "", double.MinValue, double.MaxValue)));
        Assert.Equal("f.json: $.value: expected a number in (-∞, ∞), found the text \"x\"", Assert.Single(r.Errors).Line);
    }

    [Theory]
    [InlineData("10", 10)]
    [InlineData("1e1", 10)]
    [InlineData("10.0", 10)]
    public void A_whole_number_may_be_written_any_way_JSON_allows(string written, int expected)
    {
        var (r, root) = Read($$"""{ "count": {{written}} }""");
        Assert.Equal(expected, r.Integer(root, "$", Count));
        Assert.Empty(r.Errors);
    }

    [Theory]
    [InlineData("2.5", "f.json: $.count: expected a whole number in [1, 10], found the number 2.5")]
    [InlineData("11", "f.json: $.count: 11 is outside the allowed range [1, 10]")]
    public void A_whole_number_outside_its_range_or_not_whole_is_named(string written, string expected)
    {
        var (r, root) = Read($$"""{ "count": {{written}} }""");
        Assert.Null(r.Integer(root, "$", Count));
        Assert.Equal(expected, Assert.Single(r.Errors).Line);
    }

    [Fact]
    public void Every_problem_is_kept_in_order()
    {
        var (r, root) = Read("""{ "days": -1, "count": 0, "kind": "c", "extra": 1 }""");
        r.CheckFields(root, "$", ["days", "count", "kind"]);
        r.Number(root, "$", Days);
        r.Integer(root, "$", Count);
        r.Enum(root, "$", Kind);
        Assert.Equal(["$.extra", "$.days", "$.count", "$.kind"], r.Errors.Select(e => e.Path));
        Assert.Equal("unknown value 'c'; allowed: a, b", r.Errors[3].Message);
    }

    [Fact]
    public void A_reader_with_a_callback_hands_each_problem_on()
    {
        var seen = new List<(string, string)>();
        using var doc = JsonDocument.Parse("""{ "kind": 3 }""");
        Assert.Null(new JsonFieldReader((p, m) => seen.Add((p, m))).Enum(doc.RootElement, "$.x", Kind));
        Assert.Equal([("$.x.kind", "expected one of a, b, found the number 3")], seen);
    }
}
