using Lib.Charts;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lib.Tests.Charts;

public class ChartStyleTests
{
    private static GenericChart Points() =>
        Chart.Point<double, double, string>(new[] { 1.0, 2 }, new[] { 10.5, 10.3 }, Name: "100m");

    [Fact]
    public void Title_height_and_axis_titles_land_in_the_plotly_layout()
    {
        var chart = Points().WithTitle("Marks").WithHeight(360).WithAxisTitles("season", "seconds");
        var layout = PlotlyFigure.Layout(chart);
        Assert.Equal("Marks", PlotlyFigure.Title(chart));
        Assert.Equal(360, (int)layout["height"]!);
        Assert.Null(layout["width"]); // Plotly.NET's fixed 600 px is dropped: the page decides
        Assert.Equal("season", PlotlyFigure.AxisTitle(chart, "xaxis"));
        Assert.Equal("seconds", PlotlyFigure.AxisTitle(chart, "yaxis"));
    }

    [Fact]
    public void Layout_and_trace_properties_go_by_their_plotly_names()
    {
        var chart = Chart.Combine([Points().WithTraceProperty("hovertext", new[] { "a", "b" }), Points()])
            .WithLayoutProperty("barmode", "group");
        Assert.Equal("group", (string)PlotlyFigure.Layout(chart)["barmode"]!);
        var traces = PlotlyFigure.Traces(chart);
        Assert.Equal(["a", "b"], traces[0]!["hovertext"]!.AsArray().Select(v => (string)v!));
        Assert.Null(traces[1]!["hovertext"]);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Points().WithHeight(0));
        Assert.Throws<ArgumentException>(() => Points().WithLayoutProperty(" ", 1));
        Assert.Throws<ArgumentException>(() => Points().WithTraceProperty("", 1));
    }
}
