using System.Xml.Linq;
using SkiaSharp;
using Xunit;

namespace TpoSim.Cli.Tests;

/// <summary>--png, --nonmem, --observed and the provenance of simulate's files.</summary>
public sealed class PngAndExtrasTests
{
    [Fact]
    public void Png_decodes_to_the_svg_size_and_extras_are_written()
    {
        using var dir = new TempDir();
        var outDir = dir.Sub("out");
        var run = CliHarness.Run("simulate", CliHarness.RepoFile("scenarios/dose-table-romiplostim.json"), "--quiet", "--png", "--nonmem", "--log",
            "--observed", CliHarness.RepoFile("scenarios/dose-table-romiplostim.csv"), "--out", outDir);
        Assert.Equal(("", ExitCodes.Ok), (run.Stderr, run.ExitCode));
        var svg = XDocument.Parse(File.ReadAllText(Path.Combine(outDir, "plot.svg")));
        using var png = SKBitmap.Decode(Path.Combine(outDir, "plot.png"));
        Assert.NotNull(png);
        Assert.Equal(double.Parse(svg.Root!.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture), png.Width);
        Assert.Equal(double.Parse(svg.Root!.Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture), png.Height);
        Assert.StartsWith("ID,TIME,EVID,CMT,AMT,DV,IPRED", File.ReadAllText(Path.Combine(outDir, "nonmem.csv")));
        Assert.Contains("measured platelets", File.ReadAllText(Path.Combine(outDir, "plot.svg")));
        var summary = File.ReadAllText(Path.Combine(outDir, "summary.json"));
        Assert.Contains("\"commandLine\": \"tposim simulate", summary);
        Assert.Contains("\"tposimVersion\"", summary);
        Assert.True(File.Exists(Path.Combine(outDir, "timeseries.units.csv")));
    }
}
