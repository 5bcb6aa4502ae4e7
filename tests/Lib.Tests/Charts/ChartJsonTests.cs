using Lib.Charts;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lib.Tests.Charts;

public class ChartJsonTests
{
    [Fact]
    public void The_figure_json_is_plotly_data_layout_and_config()
    {
        var chart = Chart.Combine(
        [
            Chart.Point<int, double, string>(new[] { 1, 2 }, new[] { 10.5, 10.3 }, Name: "100m"),
            Chart.Column<int, string, string>(new[] { 3 }, Keys: new[] { "a" }, Name: "count"),
        ]).WithTitle("Marks");
        var figure = PlotlyFigure.Of(chart);
        Assert.Equal(["config", "data", "layout"], figure.AsObject().Select(p => p.Key).Order());
        var data = figure["data"]!.AsArray();
        Assert.Equal(["scatter", "bar"], data.Select(t => (string)t!["type"]!));
        Assert.Equal("markers", (string)data[0]!["mode"]!);
        Assert.Equal([10.5, 10.3], PlotlyFigure.Numbers(data[0]!, "y"));
        Assert.Equal("a", (string)data[1]!["x"]![0]!);
        Assert.Equal("Marks", (string)figure["layout"]!["title"]!["text"]!);
        Assert.Equal(GenericChart.toJson(chart), ChartJson.Of(chart));
    }
}
