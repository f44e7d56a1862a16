using TpoSim.Dosing;
using TpoSim.Scenarios;

namespace TpoSim.Tests.Dosing;

/// <summary>The NONMEM-style CSV reader: a good file and its round trip; every bad class reported as one line naming file, row, column and the allowed range.</summary>
public class EventTableTests
{
    private const string Header = "ID,TIME,AMT,EVID,CMT,II,ADDL,DV";

    private const string Good = """
        # romiplostim weekly and eltrombopag daily; times in hours
        ID,TIME,AMT,EVID,CMT,II,ADDL,DV,WT
        1,0,.,0,4,.,.,35,70
        1,0,1,1,2,168,3,.,70
        1,0,.,0,5,.,.,250,70
        1,168,.,0,4,.,.,88.5,70
        1,504,.,0,6,.,.,0.012,70
        2,0,50,1,1,24,13,0,80
        2,12,.,0,6,.,.,5100,80
        2,336,.,0,4,.,.,140,80
        3,0,10,1,3,0,0,.,60
        """;

    private static EventTable Read(string text, DoseUnit unit = DoseUnit.Microgram) => EventTableReader.ReadText(text, "table.csv", unit);

    [Fact]
    public void GoodFileIsRead()
    {
        var t = Read(Good);
        Assert.True(t.IsValid, string.Join("\n", t.Errors));
        Assert.Equal(3, t.Doses.Count);
        Assert.Equal(6, t.Observations.Count);
        Assert.Equal(["1", "2", "3"], t.SubjectIds);

        var romi = t.Doses[0];
        Assert.Equal(new DosingRecord(0, 1, DoseUnit.Microgram, Route.Subcutaneous, 7, 3), romi.Record);
        Assert.Equal(2, romi.Row);
        Assert.Equal(Route.Oral, t.Doses[1].Record.Route);
        Assert.Equal(1.0, t.Doses[1].Record.IntervalDays);
        Assert.Equal(Route.Intravenous, t.Doses[2].Record.Route);
        Assert.Equal(14, t.DosesOf("2").Count);

        Assert.Equal(new Observation("1", 7, ObservationKind.Platelets, 88.5, 4), t.Observations[2]);
        Assert.Equal(ObservationKind.Tpo, t.Observations[1].Kind);
        Assert.Equal("pg/mL", t.Observations[1].Unit);
        Assert.Equal(0.5, t.Observations[4].TimeDays);
        Assert.Equal(ObservationKind.DrugConcentration, t.Observations[4].Kind);
    }

    /// <summary>Read → write → read gives the same records (times to 1e-12 day after the hours round trip), and writing again gives the same text.</summary>
    [Fact]
    public void RoundTrip()
    {
        var first = Read(Good);
        var text = EventTableWriter.ToText(first, DoseUnit.Microgram);
        var second = Read(text);
        Assert.True(second.IsValid, string.Join("\n", second.Errors));
        Assert.Equal(first.Doses.Count, second.Doses.Count);
        for (var i = 0; i < first.Doses.Count; i++)
        {
            DosingRecord a = first.Doses[i].Record, b = second.Doses[i].Record;
            Assert.Equal(first.Doses[i].SubjectId, second.Doses[i].SubjectId);
            Assert.Equal(a.TimeDays, b.TimeDays, 1e-12);
            Assert.Equal(a.IntervalDays, b.IntervalDays, 1e-12);
            Assert.Equal((a.Amount, a.Unit, a.Route, a.AdditionalDoses), (b.Amount, b.Unit, b.Route, b.AdditionalDoses));
        }
        Assert.Equal(
            first.Observations.Select(o => (o.SubjectId, Math.Round(o.TimeDays, 12), o.Kind, o.Value)).OrderBy(x => x.SubjectId).ThenBy(x => x.Item2),
            second.Observations.Select(o => (o.SubjectId, Math.Round(o.TimeDays, 12), o.Kind, o.Value)).OrderBy(x => x.SubjectId).ThenBy(x => x.Item2));
        Assert.Equal(text, EventTableWriter.ToText(second, DoseUnit.Microgram));
        Assert.StartsWith(Header + "\n", text);
    }

    [Fact]
    public void UntilIsWrittenAsAddl()
    {
        var table = new EventTable([new SubjectDosingRecord("7", new DosingRecord(0, 3, DoseUnit.Milligram, Route.Oral, 1, UntilDays: 6))], [], []);
        var back = Read(EventTableWriter.ToText(table, DoseUnit.Milligram), DoseUnit.Milligram);
        Assert.Equal(new DosingRecord(0, 3, DoseUnit.Milligram, Route.Oral, 1, 6), back.Doses.Single().Record);
    }

    // Each bad class: the expected fragments of the one-line error.
    [Theory]
    [InlineData("ID,TIME,AMT,EVID,CMT,II,DV\n1,0,5,1,1,0,.", "table.csv: header (line 1), column ADDL: missing; required columns: ID, TIME, AMT, EVID, CMT, II, ADDL, DV")]
    [InlineData(Header + "\n1,abc,5,1,1,0,0,.", "table.csv: row 1 (line 2), column TIME: 'abc' is not a number; allowed: [0, 175200] h")]
    [InlineData(Header + "\n1,0,-5,1,1,0,0,.", "table.csv: row 1 (line 2), column AMT: -5 is out of range; allowed: (0, 1000000] µg")]
    [InlineData(Header + "\n1,0,.,1,1,0,0,.", "table.csv: row 1 (line 2), column AMT: missing on a dose row; allowed: (0, 1000000] µg")]
    [InlineData(Header + "\n1,0,5,4,1,0,0,.", "table.csv: row 1 (line 2), column EVID: 4 is not supported; allowed: 0 (observation), 1 (dose)")]
    [InlineData(Header + "\n1,0,5,x,1,0,0,.", "table.csv: row 1 (line 2), column EVID: 'x' is not an integer; allowed: 0 (observation), 1 (dose)")]
    [InlineData(Header + "\n1,0,5,1,5,0,0,.", "table.csv: row 1 (line 2), column CMT: 5 is not a dose compartment; allowed for EVID 1: 1 (oral), 2 (subcutaneous), 3 (intravenous)")]
    [InlineData(Header + "\n1,0,.,0,2,.,.,100", "table.csv: row 1 (line 2), column CMT: 2 is not an observation compartment; allowed for EVID 0: 4 (platelets, 10^9/L), 5 (TPO, pg/mL), 6 (drug, ng/mL)")]
    [InlineData(Header + "\n1,0,5,1,1,24,0,.", "table.csv: row 1 (line 2), column ADDL: 0 with II 24 h (II without ADDL repeats nothing); allowed: ADDL ≥ 1 when II > 0, or II 0")]
    [InlineData(Header + "\n1,0,5,1,1,0,3,.", "table.csv: row 1 (line 2), column II: 0 h with ADDL 3; allowed: II > 0 h when ADDL > 0")]
    [InlineData(Header + "\n1,0,5,1,1,24,2.5,.", "table.csv: row 1 (line 2), column ADDL: '2.5' is not an integer; allowed: integer [0, 99999]")]
    [InlineData(Header + "\n1,0,5,1,1,24,-1,.", "table.csv: row 1 (line 2), column ADDL: -1 is out of range; allowed: integer [0, 99999]")]
    [InlineData(Header + "\n1,0,.,0,4,.,.,.", "table.csv: row 1 (line 2), column DV: missing; allowed: [0, 5000] 10^9/L")]
    [InlineData(Header + "\n1,0,.,0,4,.,.,9000", "table.csv: row 1 (line 2), column DV: 9000 is out of range; allowed: [0, 5000] 10^9/L")]
    [InlineData(Header + "\n1,0,3,0,4,.,.,100", "table.csv: row 1 (line 2), column AMT: 3 does not apply to observation rows; allowed: empty, '.' or 0")]
    [InlineData(Header + "\n,0,5,1,1,0,0,.", "table.csv: row 1 (line 2), column ID: empty; allowed: any non-empty subject identifier")]
    [InlineData(Header + "\n1,48,.,0,4,.,.,100\n1,24,.,0,4,.,.,100", "table.csv: row 2 (line 3), column TIME: 24 h goes back in time within ID 1; allowed: ≥ 48 h (row 1)")]
    [InlineData(Header + "\n1,0,5,1,1", "table.csv: row 1 (line 2): has 5 fields; allowed: 8, as in the header")]
    [InlineData("", "table.csv: header (line 1), column ID: missing")]
    [InlineData("ID,TIME,TIME,AMT,EVID,CMT,II,ADDL,DV\n", "table.csv: header (line 1), column TIME: appears more than once")]
    public void BadInputIsReportedOnOneLine(string csv, string expected)
    {
        var t = Read(csv);
        Assert.False(t.IsValid);
        Assert.Contains(t.Errors, e => e.Line.StartsWith(expected, StringComparison.Ordinal));
        Assert.All(t.Errors, e => Assert.DoesNotContain('\n', e.Line));
        Assert.Empty(t.Doses);
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var t = Read(Header + "\n1,abc,5,1,1,0,0,.\n1,0,-5,1,1,0,0,.\n1,0,5,9,1,0,0,.\n2,0,.,0,4,.,.,120");
        Assert.Equal(3, t.Errors.Count);
        Assert.Contains("row 1", t.Errors[0].Line);
        Assert.Contains("row 2", t.Errors[1].Line);
        Assert.Contains("row 3", t.Errors[2].Line);
        Assert.Single(t.Observations);
    }

    [Fact]
    public void MissingFileIsAnErrorNotAnException()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tposim-missing-{Guid.NewGuid():N}.csv");
        var t = EventTableReader.ReadFile(path, DoseUnit.Milligram);
        Assert.False(t.IsValid);
        Assert.StartsWith(path + ": cannot be read", t.Errors.Single().Line);
    }

    [Fact]
    public void FileOnDiskIsRead()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tposim-events-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, Good);
            var t = EventTableReader.ReadFile(path, DoseUnit.MicrogramPerKg);
            Assert.True(t.IsValid, string.Join("\n", t.Errors));
            Assert.All(t.Doses, d => Assert.Equal(DoseUnit.MicrogramPerKg, d.Record.Unit));
        }
        finally { File.Delete(path); }
    }
}
