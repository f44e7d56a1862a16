namespace TpoSim.Output.Charts;

/// <summary>An axis-aligned box in pixels (y grows downwards).</summary>
internal readonly record struct PixelBox(double Left, double Top, double Right, double Bottom)
{
    public double OverlapArea(PixelBox o) =>
        Math.Max(0, Math.Min(Right, o.Right) - Math.Max(Left, o.Left)) * Math.Max(0, Math.Min(Bottom, o.Bottom) - Math.Max(Top, o.Top));

    public bool Inside(PixelBox frame) => Left >= frame.Left && Right <= frame.Right && Top >= frame.Top && Bottom <= frame.Bottom;
}

/// <summary>Where a point label goes: the text anchor point and its SVG text-anchor.</summary>
internal readonly record struct LabelPlacement(double X, double Baseline, string Anchor, PixelBox Box);

/// <summary>
/// Greedy point-label placement: each label takes the first of eight positions around its marker (right, left, then the
/// four diagonals, then above and below) that stays inside the plot and overlaps neither an earlier label nor a marker;
/// if every position collides it takes the one with the least overlapping area. Labels are placed in the order given,
/// so the caller puts the most important first. Deterministic: the same input gives the same layout.
/// </summary>
internal sealed class LabelPlacer(PixelBox frame, double fontSize, double markerRadius)
{
    private readonly List<PixelBox> _occupied = [];

    /// <summary>Marks a marker's disc as taken, so no label covers it (call for every marker before placing labels).</summary>
    public void ReserveMarker(double x, double y) =>
        _occupied.Add(new PixelBox(x - markerRadius, y - markerRadius, x + markerRadius, y + markerRadius));

    /// <summary>Chooses a position for <paramref name="text"/> next to the marker at (<paramref name="x"/>, <paramref name="y"/>) and reserves it.</summary>
    public LabelPlacement Place(double x, double y, string text)
    {
        double w = TextMetrics.Width(text, fontSize), h = fontSize * 1.2, gap = markerRadius + 4;
        // Baseline sits 0.35 em below the box centre, as the renderer has always drawn side labels.
        double Baseline(double centreY) => centreY + fontSize * 0.35;
        Span<LabelPlacement> candidates =
        [
            At(x + gap, y, "start"),
            At(x - gap, y, "end"),
            At(x + gap * 0.7, y - h * 0.9, "start"),
            At(x + gap * 0.7, y + h * 0.9, "start"),
            At(x - gap * 0.7, y - h * 0.9, "end"),
            At(x - gap * 0.7, y + h * 0.9, "end"),
            At(x, y - gap - h / 2, "middle"),
            At(x, y + gap + h / 2, "middle"),
        ];

        LabelPlacement best = candidates[0];
        double bestCost = double.PositiveInfinity;
        foreach (var candidate in candidates)
        {
            // Leaving the plot costs more than any overlap, so an in-frame collision is preferred to clipping.
            double cost = candidate.Box.Inside(frame) ? 0 : 1e12;
            foreach (var taken in _occupied) cost += candidate.Box.OverlapArea(taken);
            if (cost < bestCost) { best = candidate; bestCost = cost; }
            if (cost == 0) break;
        }
        _occupied.Add(best.Box);
        return best;

        LabelPlacement At(double anchorX, double centreY, string anchor)
        {
            double left = anchor switch { "start" => anchorX, "end" => anchorX - w, _ => anchorX - w / 2 };
            return new LabelPlacement(anchorX, Baseline(centreY), anchor, new PixelBox(left, centreY - h / 2, left + w, centreY + h / 2));
        }
    }
}
