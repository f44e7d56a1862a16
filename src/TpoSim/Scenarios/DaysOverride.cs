using System.Globalization;
using System.Text.Json.Nodes;

namespace TpoSim.Scenarios;

/// <summary>
/// Sets a scenario document's simulated days from outside it (the CLI's <c>--days</c>, the web API's top-level
/// <c>days</c>), before parsing, so the parser checks the new span like any other (events must still fall inside it).
/// </summary>
public static class DaysOverride
{
    /// <summary>
    /// <paramref name="json"/> with <c>simulation.days</c> set to <paramref name="days"/>. A titration longer than the new
    /// span is cut to it: the caller asked for fewer days, so that is a warning (returned in
    /// <paramref name="titrationCut"/>), not the error the same scenario file would get. A document that is not a JSON
    /// object is returned unchanged, for the parser to report.
    /// </summary>
    public static string Apply(string json, double days, out string? titrationCut, string optionName = "--days")
    {
        titrationCut = null;
        JsonNode? root;
        try { root = JsonNode.Parse(json, documentOptions: JsonInput.Options); }
        catch (System.Text.Json.JsonException) { return json; } // the parser reports the JSON error with its position
        if (root is not JsonObject obj) return json;
        if (obj["simulation"] is not JsonObject sim)
        {
            sim = new JsonObject();
            obj["simulation"] = sim;
        }
        sim["days"] = days;
        if (obj["titration"] is JsonObject titration) titrationCut = CutTitration(titration, days, optionName);
        return obj.ToJsonString();
    }

    /// <summary>Cuts the titration to <paramref name="days"/> when its span (days, weeks or the policy's default course) is longer; returns the warning, or null when it fits.</summary>
    private static string? CutTitration(JsonObject titration, double days, string optionName)
    {
        string text;
        double span;
        if (titration["days"] is JsonValue dv && dv.TryGetValue<double>(out var d0)) (span, text) = (d0, $"titration.days {F(d0)}");
        else if (titration["weeks"] is JsonValue wv && wv.TryGetValue<double>(out var w0)) (span, text) = (w0 * 7, $"titration.weeks {F(w0)} = {F(w0 * 7)} days");
        else if (titration["policy"] is JsonValue pv && pv.TryGetValue<string>(out var policy) && Policies.TitrationCatalog.DefaultDays(policy) is { } def)
            (span, text) = (def, $"the {F(def)}-day course of '{policy}'");
        else return null;
        if (span <= days + 1e-9) return null;
        titration.Remove("weeks");
        titration["days"] = days;
        return $"{optionName} {F(days)} is shorter than the titration ({text}); the titration is cut to {F(days)} days";
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
