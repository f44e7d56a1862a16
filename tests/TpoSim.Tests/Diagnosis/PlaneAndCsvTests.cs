using TpoSim.Diagnosis;
using TpoSim.Output.Charts;

namespace TpoSim.Tests.Diagnosis;

public sealed class PlaneAndCsvTests
{
    [Fact]
    public void Plane_has_a_labelled_curve_and_band_per_preset_and_the_patient()
    {
        var result = Interpreter.Interpret(new PairMeasurement(27, 2728));
        var chart = InterpretationPlane.Chart(result);
        var presets = SteadyStateAtlas.Default.Curves.Count(c => c.Points.Count > 1);
        Assert.Equal(AxisScale.Log10, chart.XScale);
        Assert.Equal(AxisScale.Log10, chart.YScale);
        Assert.Equal(presets, chart.Series.Count);
        Assert.Equal(presets, chart.Regions.Count);
        Assert.Contains(chart.Points, p => p.Label.StartsWith("patient", StringComparison.Ordinal) && p.X == 27);
        var svg = SvgChartRenderer.Render(chart);
        Assert.Contains("aplasticAnaemia", svg);
        Assert.Contains("Not a diagnosis", svg);
    }

    [Fact]
    public void Csv_reads_units_headers_and_reports_rows()
    {
        var (rows, problems) = PairCsv.Read("id,platelets,tpo,unit\n# comment\na,100,80\nb,40,0.78,pM\n\nc,1,2,3,4\n");
        Assert.Equal(["a", "b"], rows!.Select(r => r.Id));
        Assert.Equal(TpoUnit.Picomolar, rows![1].Measurement.Unit);
        var problem = Assert.Single(problems);
        Assert.Equal("row 6", problem.Path);
        Assert.Equal("pairs.csv: row 6: expected 3 or 4 columns (id,platelets,tpo[,unit]), found 5", problem.Format("pairs.csv"));
        Assert.Single(PairCsv.Read("").Errors);
    }

    [Fact]
    public void Csv_output_has_one_column_per_reading()
    {
        var text = PairCsv.Write([("x,y", Interpreter.Interpret(new PairMeasurement(16, 64)))]);
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal(PairCsv.Header, lines[0]);
        Assert.StartsWith("\"x,y\",destruction,", lines[1]);
    }
}
