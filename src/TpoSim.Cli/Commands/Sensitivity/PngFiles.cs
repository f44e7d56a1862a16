namespace TpoSim.Cli.Commands.Sensitivity;

/// <summary>PNG copies of written SVG plots (<c>--png</c>).</summary>
internal static class PngFiles
{
    /// <summary>Renders each .svg among <paramref name="paths"/> to a .png beside it; returns the PNG paths.</summary>
    public static IReadOnlyList<string> Write(IEnumerable<string> paths) =>
        paths.Where(p => p.EndsWith(".svg", StringComparison.Ordinal)).Select(svg =>
        {
            var png = Path.ChangeExtension(svg, ".png");
            TpoSim.Sensitivity.PngRenderer.Write(File.ReadAllText(svg), png);
            return png;
        }).ToArray();
}
