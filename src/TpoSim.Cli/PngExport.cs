using SkiaSharp;
using Svg.Skia;

namespace TpoSim.Cli;

/// <summary>
/// <c>--png</c>: a PNG beside every SVG, rendered by Svg.Skia through SkiaSharp at the SVG's own size (1 px per SVG
/// unit) on white. Text needs a system font (CI installs fonts-dejavu-core; the SVGs name DejaVu Sans as a fallback).
/// </summary>
public static class PngExport
{
    /// <summary>Writes NAME.png beside each NAME.svg under <paramref name="folder"/> (recursively); returns the PNG paths.</summary>
    public static IReadOnlyList<string> BesideEverySvg(string folder, CancellationToken cancellation = default)
    {
        var written = new List<string>();
        foreach (var svg in Directory.EnumerateFiles(folder, "*.svg", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            cancellation.ThrowIfCancellationRequested();
            var png = Path.ChangeExtension(svg, ".png");
            Write(File.ReadAllText(svg), png);
            written.Add(png);
        }
        return written;
    }

    /// <summary>Writes NAME.png beside each NAME.svg among <paramref name="paths"/> (other files are skipped); returns the PNG paths.</summary>
    public static IReadOnlyList<string> BesideEach(IEnumerable<string> paths) =>
        paths.Where(p => p.EndsWith(".svg", StringComparison.Ordinal)).ToArray().Select(svg =>
        {
            var png = Path.ChangeExtension(svg, ".png");
            Write(File.ReadAllText(svg), png);
            return png;
        }).ToArray();

    /// <summary>Renders <paramref name="svgText"/> to a PNG file.</summary>
    public static void Write(string svgText, string pngPath)
    {
        using var svg = new SKSvg();
        if (svg.FromSvg(svgText) is null) throw new IOException($"{pngPath}: the SVG could not be rendered to PNG");
        using var stream = File.Create(pngPath);
        if (!svg.Save(stream, SKColors.White, SKEncodedImageFormat.Png, 100, 1f, 1f))
            throw new IOException($"{pngPath}: the PNG could not be encoded");
    }
}
