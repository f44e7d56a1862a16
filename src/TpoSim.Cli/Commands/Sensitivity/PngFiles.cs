using SkiaSharp;

namespace TpoSim.Cli.Commands.Sensitivity;

/// <summary>
/// PNG copies of written SVG plots (<c>--png</c>), rendered with Svg.Skia at twice the SVG's size on white. A minimal
/// renderer for the sensitivity commands; the project's shared PNG output can replace it when it exists.
/// </summary>
internal static class PngFiles
{
    /// <summary>Pixels per SVG unit.</summary>
    private const float Scale = 2f;

    /// <summary>Renders each .svg among <paramref name="paths"/> to a .png beside it; returns the PNG paths.</summary>
    public static IReadOnlyList<string> Write(IEnumerable<string> paths) =>
        paths.Where(p => p.EndsWith(".svg", StringComparison.Ordinal)).Select(svg =>
        {
            var png = Path.ChangeExtension(svg, ".png");
            Render(File.ReadAllText(svg), png);
            return png;
        }).ToArray();

    /// <summary>Writes <paramref name="svg"/> as a PNG file at <paramref name="path"/> (inside the run's staging folder).</summary>
    private static void Render(string svg, string path)
    {
        using var document = new global::Svg.Skia.SKSvg();
        using (var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(svg)))
        {
            if (document.Load(stream) is null) throw new InvalidOperationException("The SVG could not be parsed for PNG rendering.");
        }
        var picture = document.Picture ?? throw new InvalidOperationException("The SVG has no picture to render.");
        var bounds = picture.CullRect;
        var info = new SKImageInfo((int)Math.Ceiling(bounds.Width * Scale), (int)Math.Ceiling(bounds.Height * Scale));
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.Scale(Scale);
        surface.Canvas.DrawPicture(picture);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        data.SaveTo(file);
    }
}
