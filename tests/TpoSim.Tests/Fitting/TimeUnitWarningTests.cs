using System.Globalization;
using TpoSim.Fitting;

namespace TpoSim.Tests.Fitting;

/// <summary>A patient CSV written in days (weekly doses at TIME 0, 7, 14) is flagged; the same file in hours is not.</summary>
public sealed class TimeUnitWarningTests
{
    private static readonly string Example = Path.Combine(TpoSim.Tests.Validation.SuiteFixture.RepoRoot, "examples/patient-itp-romiplostim.csv");

    [Fact]
    public void Hours_as_written_give_no_warning()
    {
        var (history, errors) = PatientFile.Read(Example);
        Assert.Empty(errors);
        Assert.Null(PatientFile.TimeUnitWarning(history!));
    }

    [Fact]
    public void The_same_file_in_days_is_flagged()
    {
        // Divide TIME and II by 24: what a user who wrote days would have.
        var lines = File.ReadAllLines(Example);
        var header = Array.FindIndex(lines, l => !l.StartsWith('#'));
        var columns = lines[header].Split(',');
        var time = Array.IndexOf(columns, "TIME");
        var ii = Array.IndexOf(columns, "II");
        Assert.True(time >= 0 && ii >= 0);
        for (var i = header + 1; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#') || lines[i].Length == 0) continue;
            var cells = lines[i].Split(',');
            foreach (var c in new[] { time, ii })
            {
                if (double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                    cells[c] = (v / 24).ToString("0.######", CultureInfo.InvariantCulture);
            }
            lines[i] = string.Join(',', cells);
        }
        var file = Path.Combine(Path.GetTempPath(), $"tposim-days-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(file, lines);
        try
        {
            var (history, errors) = PatientFile.Read(file);
            Assert.Empty(errors);
            var warning = PatientFile.TimeUnitWarning(history!);
            Assert.NotNull(warning);
            Assert.Contains("TIME looks like days", warning);
            Assert.Contains("every 168 h", warning);
        }
        finally { File.Delete(file); }
    }
}
