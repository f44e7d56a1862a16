using System.Globalization;
using TpoSim.Population;

namespace TpoSim.Tests.Population;

/// <summary>Endpoints defined as data (issue 15): count on day X ≥ T, ever ≥ T, doubling, rise ≥ p% from baseline.</summary>
public class EndpointKindsTests
{
    /// <summary>A hand-made series: days 0–4, counts 100, 150, 210, 190, 80 ×10⁹/L, baseline 100.</summary>
    private static readonly SubjectSeries Series = new([0, 1, 2, 3, 4], [100, 150, 210, 190, 80], 100);

    private static bool Meets(EndpointKind kind, params double[] arguments) => new DefinedEndpoint("e", kind, arguments).Meets(Series);

    private const double End = double.PositiveInfinity;

    [Fact]
    public void Each_kind_meets_exactly_the_hand_computed_thresholds()
    {
        // Day 2.5 reads (210 + 190)/2 = 200, linear between output points.
        Assert.True(Meets(EndpointKinds.CountOnDay, 2.5, 200));
        Assert.False(Meets(EndpointKinds.CountOnDay, 2.5, 200.001));
        Assert.True(Meets(EndpointKinds.CountOnDay, 4, 80));
        // Ever ≥ T: the highest output count in the window (210 overall; 150 up to day 1; 190 from day 3).
        Assert.True(Meets(EndpointKinds.EverAtLeast, 210, 0, End));
        Assert.False(Meets(EndpointKinds.EverAtLeast, 210.001, 0, End));
        Assert.True(Meets(EndpointKinds.EverAtLeast, 150, 0, 1));
        Assert.False(Meets(EndpointKinds.EverAtLeast, 151, 0, 1));
        Assert.False(Meets(EndpointKinds.EverAtLeast, 200, 3, End));
        // Doubling: 210 ≥ 2 × 100, but not from day 3 on (190).
        Assert.True(Meets(EndpointKinds.Doubling, 0, End));
        Assert.False(Meets(EndpointKinds.Doubling, 3, End));
        // Rise ≥ p%: 210 = (1 + 110/100) × 100 exactly; day 0 alone never rises.
        Assert.True(Meets(EndpointKinds.RiseFromBaseline, 50, 0, End));
        Assert.True(Meets(EndpointKinds.RiseFromBaseline, 110, 0, End));
        Assert.False(Meets(EndpointKinds.RiseFromBaseline, 111, 0, End));
        Assert.False(Meets(EndpointKinds.RiseFromBaseline, 50, 0, 0));
        Assert.Equal("rise ≥ 50% from baseline on days 7–end", new DefinedEndpoint("r", EndpointKinds.RiseFromBaseline, [50, 7, End]).Description);
    }

    /// <summary>
    /// A tiny population (8 subjects, one romiplostim dose, 21 days of daily output): each defined endpoint's share
    /// equals the one counted here from the subjects' own series files (--keep-series), read back from CSV.
    /// </summary>
    [Fact]
    public void Defined_endpoints_on_a_tiny_population_equal_the_shares_counted_from_its_series()
    {
        const string json = """
            { "scenario": { "simulation": { "days": 21, "outputEveryDays": 1 },
                            "doses": [ { "drug": "romiplostim", "amount": 2, "unit": "ug/kg", "route": "sc", "day": 0 } ] },
              "variability": [ { "parameter": "emax", "cv": 0.6 }, { "parameter": "plateletsReference", "cv": 0.3 } ],
              "endpoints": [
                "meanBaselinePlatelets",
                { "name": "atLeast400OnDay10", "kind": "countOnDay", "day": 10.5, "atLeast": 400 },
                { "name": "everAtLeast500ByDay8", "kind": "everAtLeast", "atLeast": 500, "toDay": 8 },
                { "name": "doubled", "kind": "doubling" },
                { "name": "rise150", "kind": "riseFromBaseline", "percent": 150, "fromDay": 7 } ] }
            """;
        var parsed = PopulationParser.Parse(json, "tiny.json", ".");
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        var dir = Path.Combine(Path.GetTempPath(), "tposim-endpoints-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = PopulationRunner.Run(parsed.Value!, new PopulationOptions(8, 1, 2) { SeriesDirectory = dir });
            Assert.Equal(8, result.Succeeded);
            var series = Enumerable.Range(0, 8).Select(i => File.ReadAllLines(Path.Combine(dir, PopulationRunner.SeriesFileName(i))).Skip(1)
                .Select(l => l.Split(',')).Select(c => (Day: double.Parse(c[0], CultureInfo.InvariantCulture), Count: double.Parse(c[1], CultureInfo.InvariantCulture))).ToArray()).ToArray();
            double Share(Func<(double Day, double Count)[], bool> meets) => series.Count(meets) / 8.0;
            var expected = new Dictionary<string, double>
            {
                ["atLeast400OnDay10"] = Share(s => (s[10].Count + s[11].Count) / 2 >= 400),
                ["everAtLeast500ByDay8"] = Share(s => s.Where(x => x.Day <= 8).Max(x => x.Count) >= 500),
                ["doubled"] = Share(s => s.Max(x => x.Count) >= 2 * s[0].Count),
                ["rise150"] = Share(s => s.Where(x => x.Day >= 7).Max(x => x.Count) >= 2.5 * s[0].Count),
            };
            var reported = PopulationMetrics.Reported(result).ToDictionary(r => r.Statistic.Name, r => r.Statistic);
            foreach (var (name, share) in expected)
            {
                Assert.Equal(share, reported[name].Value, 1e-12);
                Assert.Equal("fraction", reported[name].Unit);
                Assert.Equal(Math.Sqrt(share * (1 - share) / 8), reported[name].StandardError, 1e-12);
            }
            // Not a test that cannot fail: the shares are neither all 0 nor all 1.
            Assert.Contains(expected.Values, v => v is > 0 and < 1);
            Assert.Contains("\"doubled\": { \"value\": ", PopulationMetrics.Json(result));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("""{ "name": "x", "kind": "tripling" }""", "t.json: $.endpoints[0].kind: \"tripling\" is not an endpoint kind; allowed: countOnDay, everAtLeast, doubling, riseFromBaseline, transfusion, noTransfusion, nadirPerCycle")]
    [InlineData("""{ "name": "x", "kind": "countOnDay", "day": 5 }""", "t.json: $.endpoints[0].atLeast: required number is missing; allowed [0, 5000] ×10⁹/L")]
    [InlineData("""{ "name": "x", "kind": "countOnDay", "day": 15, "atLeast": 50 }""", "t.json: $.endpoints[0].day: 15 is outside the allowed range [0, 14] days (the simulated span)")]
    [InlineData("""{ "name": "x", "kind": "doubling", "fromDay": 8, "toDay": 3 }""", "t.json: $.endpoints[0].toDay: 3 is before fromDay 8")]
    [InlineData("""{ "name": "x", "kind": "riseFromBaseline", "percent": -5 }""", "t.json: $.endpoints[0].percent: -5 is outside the allowed range [0, 1000] %")]
    [InlineData("""{ "name": "x", "kind": "doubling", "atLeast": 50 }""", "t.json: $.endpoints[0].atLeast: unknown field")]
    [InlineData("""{ "name": "durableResponseFraction", "kind": "doubling" }""", "t.json: $.endpoints[0].name: \"durableResponseFraction\" is a statistic's name")]
    [InlineData("""{ "kind": "doubling" }""", "t.json: $.endpoints[0].name: required")]
    [InlineData("""{ "name": "x", "kind": "doubling", "published": { "value": 47.4, "text": "47.4%" } }""", "t.json: $.endpoints[0].published: a fraction is a share in [0, 1]")]
    public void Bad_defined_endpoints_get_one_line_errors(string endpoint, string expected)
    {
        var json = $$"""{ "scenario": { "simulation": { "days": 14 } }, "variability": [ { "parameter": "emax", "cv": 0.2 } ], "endpoints": [ {{endpoint}} ] }""";
        var errors = PopulationParser.Parse(json, "t.json", ".").Errors.Select(e => e.ToString()).ToArray();
        Assert.True(errors.Any(e => e.Contains(expected, StringComparison.Ordinal)), string.Join("\n", errors));
    }
}
