using SkiaSharp;

namespace TpoSim.Sensitivity;

/// <summary>
/// Renders an SVG document to PNG with Svg.Skia (a minimal renderer for the sensitivity plots' <c>--png</c>; the
/// project's shared PNG output can replace it when it exists). Twice the SVG's size, white background.
/// </summary>
public static class PngRenderer
{
    /// <summary>Pixels per SVG unit.</summary>
    public const float Scale = 2f;

    /// <summary>Writes <paramref name="svg"/> as a PNG file at <paramref name="path"/> (through a temporary name).</summary>
    public static void Write(string svg, string path)
    {
        using var document = new Svg.Skia.SKSvg();
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
        var temp = path + ".partial";
        using (var file = File.Create(temp)) data.SaveTo(file);
        File.Move(temp, path, overwrite: true);
    }
}
