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
    }

    [Fact]
    public void Odd_values_are_written_as_plotly_net_writes_them()
    {
        var days = new[] { new DateTime(2026, 4, 1, 9, 30, 15, 250), new DateTime(2026, 5, 2) };
        var chart = Chart.Combine(
        [
            Chart.Line<DateTime, double, string>(days, new[] { double.NaN, double.PositiveInfinity }, Name: "wind ±2.0 m/s <é>",
                LineColor: Color.fromKeyword(ColorKeyword.Crimson)),
            Chart.Point<float, long, string>(new[] { 1.5f, float.NaN }, new[] { 3L, long.MaxValue }, MultiText: new[] { "a\"b", "</script>" },
                MarkerColor: Color.fromColors(new[] { Color.fromHex("#336699"), Color.fromRGB(1, 2, 3) })),
            Chart.Column<decimal, string, string>(new[] { 1.25m }, Keys: new[] { "x" }, UseDefaults: false),
        ]).WithTitle("Odd values");
        var figure = PlotlyFigure.Of(chart); // equal, as JSON, to GenericChart.toJson
        Assert.Equal("NaN", (string)figure["data"]![0]!["y"]![0]!);
        Assert.Equal("wind ±2.0 m/s <é>", (string)figure["data"]![0]!["name"]!);
    }
}
