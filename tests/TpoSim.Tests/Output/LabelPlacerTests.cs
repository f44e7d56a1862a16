using TpoSim.Output.Charts;
using Xunit;

namespace TpoSim.Tests.Output;

public class LabelPlacerTests
{
    private static readonly PixelBox Frame = new(0, 0, 400, 300);

    [Fact]
    public void A_lone_label_goes_to_the_right_of_its_marker()
    {
        var placer = new LabelPlacer(Frame, 12, 5);
        placer.ReserveMarker(100, 100);
        var at = placer.Place(100, 100, "healthy");
        Assert.Equal("start", at.Anchor);
        Assert.Equal(109, at.X, 12);
    }

    [Fact]
    public void Labels_of_nearby_markers_never_overlap_each_other_or_a_marker()
    {
        // Two markers 6 px apart near the right edge, as the healthy point and the ET end point sit in interpret's plane.
        var placer = new LabelPlacer(Frame, 12, 5);
        (double X, double Y, string Text)[] points = [(380, 150, "healthy"), (386, 156, "essentialThrombocythaemia s=1"), (300, 150, "mds s=1")];
        foreach (var p in points) placer.ReserveMarker(p.X, p.Y);
        var boxes = points.Select(p => placer.Place(p.X, p.Y, p.Text).Box).ToArray();

        for (int i = 0; i < boxes.Length; i++)
        {
            Assert.True(boxes[i].Inside(Frame), $"label {i} leaves the plot");
            for (int j = i + 1; j < boxes.Length; j++) Assert.Equal(0, boxes[i].OverlapArea(boxes[j]));
            foreach (var p in points)
                Assert.Equal(0, boxes[i].OverlapArea(new PixelBox(p.X - 5, p.Y - 5, p.X + 5, p.Y + 5)));
        }
    }

    [Fact]
    public void A_label_that_would_leave_the_plot_on_the_right_goes_left()
    {
        var placer = new LabelPlacer(Frame, 12, 5);
        placer.ReserveMarker(390, 100);
        var at = placer.Place(390, 100, "essentialThrombocythaemia s=1");
        Assert.Equal("end", at.Anchor);
        Assert.True(at.Box.Inside(Frame));
    }

    [Fact]
    public void Overlap_area_of_two_boxes_is_the_intersection_rectangle()
    {
        var a = new PixelBox(0, 0, 10, 10);
        Assert.Equal(25, a.OverlapArea(new PixelBox(5, 5, 15, 15)), 12);
        Assert.Equal(0, a.OverlapArea(new PixelBox(10, 0, 20, 10)), 12);
    }
}
