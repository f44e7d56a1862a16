using TpoSim.Output.Files;
using TpoSim.Scenarios;
using TpoSim.Simulation;

namespace TpoSim.Tests.Dosing;

/// <summary>A scenario's <c>doseTable</c> (NONMEM-style CSV) gives exactly the doses written inline.</summary>
public sealed class DoseTableScenarioTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tposim-dosetable-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Patient = """
        "name": "same doses", "patient": { "weightKg": 64, "condition": { "name": "itp", "severity": 0.35 } },
        "simulation": { "days": 30, "outputEveryDays": 0.5 },
        """;

    private Scenario Parse(string json)
    {
        var parsed = ScenarioParser.Parse(json, _dir);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        return parsed.Value!;
    }

    private static (string Csv, string Summary) Outputs(Scenario scenario)
    {
        var r = Simulator.Run(scenario, cancellation: TestContext.Current.CancellationToken);
        Assert.True(r.Succeeded, r.Diagnostic);
        var csv = new StringWriter();
        TimeSeriesCsv.Write(r, csv);
        return (csv.ToString(), SummaryJson.Serialize(r));
    }

    [Fact]
    public void Table_doses_give_byte_identical_outputs_to_the_same_doses_inline()
    {
        // Hours: 0, then every 168 h (7 days) with ADDL 2, and one at 12 h; an observation row and subject 2 are ignored.
        // Every dose lies inside romiplostim's label range (1–10 µg/kg), so neither run carries a warning.
        File.WriteAllText(Path.Combine(_dir, "t.csv"), """
            ID,TIME,AMT,EVID,CMT,II,ADDL,DV
            1,0,.,0,4,.,.,19
            1,0,1,1,2,.,.,.
            1,12,1.5,1,3,.,.,.
            1,168,2,1,2,168,2,.
            2,0,9,1,2,.,.,.
            """);
        var fromTable = Parse($$"""{ {{Patient}} "doseTable": { "file": "t.csv", "drug": "romiplostim", "unit": "ug/kg", "id": 1 } }""");
        var inline = Parse($$"""
            { {{Patient}} "doses": [
                { "drug": "romiplostim", "route": "sc", "amount": 1, "unit": "ug/kg", "day": 0 },
                { "drug": "romiplostim", "route": "iv", "amount": 1.5, "unit": "ug/kg", "day": 0.5 },
                { "drug": "romiplostim", "route": "sc", "amount": 2, "unit": "ug/kg", "day": 7, "everyDays": 7, "count": 3 } ] }
            """);
        Assert.Equal(inline.Doses, fromTable.Doses);
        var (csvTable, summaryTable) = Outputs(fromTable);
        var (csvInline, summaryInline) = Outputs(inline);
        Assert.Equal(csvInline, csvTable);
        Assert.Equal(summaryInline, summaryTable);
    }

    [Fact]
    public void Oral_rows_and_mg_amounts_become_oral_doses()
    {
        File.WriteAllText(Path.Combine(_dir, "e.csv"), "ID,TIME,AMT,EVID,CMT,II,ADDL,DV\n7,24,50,1,1,24,3,.\n");
        var s = Parse($$"""{ {{Patient}} "doseTable": { "file": "e.csv", "drug": "eltrombopag", "unit": "mg" } }""");
        var d = Assert.Single(s.Doses);
        Assert.Equal(new DoseRecord("eltrombopag", Route.Oral, 50, DoseUnit.Milligram, 1, 1, 4), d);
    }

    [Theory]
    [InlineData("ID,TIME,AMT,EVID,CMT,II,ADDL,DV\n1,0,1,1,1,.,.,.\n", "romiplostim cannot be given 'oral' (CMT 1); allowed CMT: 2 (sc), 3 (iv)")]
    [InlineData("ID,TIME,AMT,EVID,CMT,II,ADDL,DV\n1,0,31,1,2,.,.,.\n", "AMT 31 is outside the allowed range (0, 30] ug/kg")]
    [InlineData("ID,TIME,AMT,EVID,CMT,II,ADDL,DV\n1,0,1,1,2,168,5,.\n", "allowed TIME + ADDL·II ≤ 720 h")]
    [InlineData("ID,TIME,AMT,EVID,CMT,II,ADDL,DV\n1,0,-1,1,2,.,.,.\n", "column AMT")]
    public void A_bad_row_is_one_error_naming_the_table_field_row_and_allowed_range(string table, string expected)
    {
        File.WriteAllText(Path.Combine(_dir, "bad.csv"), table);
        var parsed = ScenarioParser.Parse($$"""{ {{Patient}} "doseTable": { "file": "bad.csv", "drug": "romiplostim", "unit": "ug/kg" } }""", _dir);
        var error = Assert.Single(parsed.Errors);
        Assert.Equal("$.doseTable.file", error.Path);
        Assert.Contains(expected, error.Message);
        Assert.Contains("bad.csv", error.Message);
    }
}
