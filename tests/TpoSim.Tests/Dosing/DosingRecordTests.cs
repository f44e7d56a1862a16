using TpoSim.Dosing;
using TpoSim.Drugs.Modules;
using TpoSim.Scenarios;

namespace TpoSim.Tests.Dosing;

/// <summary>ii / addl / until expansion (NONMEM / mrgsolve meaning).</summary>
public class DosingRecordTests
{
    private static Dose[] WrittenOut(double first, double every, int count, double amount, DoseUnit unit, Route route) =>
        Enumerable.Range(0, count).Select(k => new Dose(first + k * every, amount, unit, route)).ToArray();

    [Fact]
    public void AddlAndUntilExpandToTheSameDoses()
    {
        var addl = new DosingRecord(1, 50, DoseUnit.Milligram, Route.Oral, IntervalDays: 1, AdditionalDoses: 13);
        var until = new DosingRecord(1, 50, DoseUnit.Milligram, Route.Oral, IntervalDays: 1, UntilDays: 14);
        var expected = WrittenOut(1, 1, 14, 50, DoseUnit.Milligram, Route.Oral);
        Assert.Equal(expected, addl.Expand());
        Assert.Equal(expected, until.Expand());
        Assert.Equal(14, addl.Count);
    }

    /// <summary>until is inclusive and tolerant of k·ii round-off: 0.1-day steps to day 1 give 11 doses.</summary>
    [Fact]
    public void UntilIsInclusive()
    {
        Assert.Equal(11, new DosingRecord(0, 1, DoseUnit.Microgram, Route.Intravenous, 0.1, UntilDays: 1).Expand().Count);
        Assert.Equal(7, new DosingRecord(0, 1, DoseUnit.Microgram, Route.Intravenous, 0.5, UntilDays: 3.2).Expand().Count);
    }

    /// <summary>Identical concentration curves (tolerance 0: bit-for-bit) for ii/addl and the same doses written one by one.</summary>
    [Theory]
    [InlineData("eltrombopag")]
    [InlineData("romiplostim")]
    public void ExpandedRecordGivesIdenticalCurve(string drug)
    {
        var patient = new TpoSim.Physiology.Patient(Sex: TpoSim.Physiology.Sex.Male);
        var record = drug == "eltrombopag"
            ? new DosingRecord(0, 50, DoseUnit.Milligram, Route.Oral, 1, 13)
            : new DosingRecord(0, 1, DoseUnit.MicrogramPerKg, Route.Subcutaneous, 7, 3);
        var oneByOne = drug == "eltrombopag"
            ? WrittenOut(0, 1, 14, 50, DoseUnit.Milligram, Route.Oral)
            : WrittenOut(0, 7, 4, 1, DoseUnit.MicrogramPerKg, Route.Subcutaneous);
        var a = TpoSim.Drugs.Modules.PkOnlySimulation.Simulate(drug, patient, DosingRecord.ExpandAll([record]), 100, 35, 0.25);
        var b = TpoSim.Drugs.Modules.PkOnlySimulation.Simulate(drug, patient, oneByOne, 100, 35, 0.25);
        Assert.True(a.Succeeded && b.Succeeded);
        Assert.Equal(b.ConcentrationNgPerMl, a.ConcentrationNgPerMl);
        Assert.Equal(b.AucNgDayPerMl, a.AucNgDayPerMl);
        // Repeated dosing accumulates: the last trough exceeds the first.
        Assert.True(a.ConcentrationAt(drug == "eltrombopag" ? 13 : 21) > a.ConcentrationAt(drug == "eltrombopag" ? 1 : 7));
    }

    [Fact]
    public void ExpandAllSortsByTime()
    {
        var doses = DosingRecord.ExpandAll([
            new DosingRecord(3, 2, DoseUnit.Milligram, Route.Oral),
            new DosingRecord(0, 1, DoseUnit.Milligram, Route.Oral, 2, 2),
        ]);
        Assert.Equal([0.0, 2, 3, 4], doses.Select(d => d.TimeDays));
    }

    [Theory]
    [InlineData(0, 50, 1, 0, null, "ii 1 d without addl or until")]
    [InlineData(0, 50, 0, 3, null, "addl 3 needs ii > 0")]
    [InlineData(0, 50, 1, 3, 10.0, "addl and until are alternatives")]
    [InlineData(0, -5, 0, 0, null, "amount -5 must be finite and > 0")]
    [InlineData(-1, 5, 0, 0, null, "time -1 d must be finite and ≥ 0")]
    [InlineData(5, 5, 1, 0, 2.0, "until 2 d must be finite and not before the first dose")]
    [InlineData(0, 5, 0, 0, 2.0, "until needs ii > 0")]
    public void InvalidRecordsAreReported(double time, double amount, double ii, int addl, double? until, string message)
    {
        var record = new DosingRecord(time, amount, DoseUnit.Milligram, Route.Oral, ii, addl, until);
        Assert.Contains(record.Validate(), e => e.Contains(message, StringComparison.Ordinal));
        Assert.Throws<InvalidOperationException>(() => record.Expand());
    }

    [Fact]
    public void MicrogramsPerKgUseBodyWeight()
    {
        Assert.Equal(70, new Dose(0, 1, DoseUnit.MicrogramPerKg, Route.Subcutaneous).Micrograms(70));
        Assert.Equal(50_000, new Dose(0, 50, DoseUnit.Milligram, Route.Oral).Micrograms(70));
    }
}
