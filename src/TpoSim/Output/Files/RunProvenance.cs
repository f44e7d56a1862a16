using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;

namespace TpoSim.Output.Files;

/// <summary>
/// What made a run: the TpoSim version, the command line, the date and the scenario as given, carried by summary.json
/// and report.html so a file found later says how to reproduce it.
/// </summary>
/// <param name="Version">TpoSim version (the assembly's informational version).</param>
/// <param name="CommandLine">The command as typed (<c>tposim simulate …</c>).</param>
/// <param name="Date">UTC date of the run, ISO 8601 (<see cref="DateFrom"/>).</param>
/// <param name="Scenario">The scenario JSON as run (after <c>--days</c>), or null.</param>
public sealed record RunProvenance(string Version, string CommandLine, string Date, JsonNode? Scenario)
{
    /// <summary>
    /// The environment variable of the reproducible-builds convention: when set (seconds since 1970-01-01 UTC) it is the
    /// run's date, so two runs of the same scenario and seed give the same bytes; otherwise the date is the current time.
    /// </summary>
    public const string SourceDateEpochVariable = "SOURCE_DATE_EPOCH";

    /// <summary>TpoSim's version, e.g. "0.1.0".</summary>
    public static string TpoSimVersion { get; } =
        (typeof(RunProvenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0")
            .Split('+')[0];

    /// <summary>
    /// TpoSim's full informational version: the version and, when the build recorded it, "+" and the source commit (what a
    /// population shard's manifest carries, so shards of different builds are not merged).
    /// </summary>
    public static string TpoSimBuild { get; } =
        typeof(RunProvenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";

    /// <summary>A record for a run now (or at <c>SOURCE_DATE_EPOCH</c>) of <paramref name="arguments"/> on <paramref name="scenarioJson"/>.</summary>
    public static RunProvenance For(IEnumerable<string> arguments, string? scenarioJson) => Of(FormatCommandLine(arguments), scenarioJson);

    /// <summary>
    /// A record for a run now (or at <c>SOURCE_DATE_EPOCH</c>) made by <paramref name="commandLine"/> (a CLI command line,
    /// or the web API's request line) on <paramref name="scenarioJson"/>.
    /// </summary>
    public static RunProvenance Of(string commandLine, string? scenarioJson)
    {
        JsonNode? scenario = null;
        if (scenarioJson is not null)
        {
            try { scenario = JsonNode.Parse(scenarioJson); }
            catch (System.Text.Json.JsonException) { scenario = JsonValue.Create(scenarioJson); }
        }
        return new RunProvenance(TpoSimVersion, commandLine, DateFrom(Environment.GetEnvironmentVariable(SourceDateEpochVariable), DateTimeOffset.UtcNow), scenario);
    }

    /// <summary>
    /// The date written: <paramref name="sourceDateEpoch"/> when it is a whole number of seconds, else <paramref name="now"/>;
    /// ISO 8601 UTC, the calendar date only, so reruns on one day give the same bytes.
    /// </summary>
    public static string DateFrom(string? sourceDateEpoch, DateTimeOffset now)
    {
        var when = long.TryParse(sourceDateEpoch, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s <= 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(s) : now;
        return when.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>"tposim simulate 'my file.json' --out out": each argument quoted when it needs it, as a shell would take it back.</summary>
    public static string FormatCommandLine(IEnumerable<string> arguments) =>
        string.Join(" ", new[] { "tposim" }.Concat(arguments.Select(Quote)));

    private static string Quote(string a) =>
        a.Length > 0 && a.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c)) ? a : "'" + a.Replace("'", "'\\''") + "'";

    /// <summary>The record as the <c>run</c> object of summary.json.</summary>
    public JsonObject ToJson() => new()
    {
        ["tposimVersion"] = Version,
        ["commandLine"] = CommandLine,
        ["date"] = Date,
        ["scenario"] = Scenario?.DeepClone(),
    };
}
