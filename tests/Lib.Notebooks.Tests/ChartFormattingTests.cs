using System.Text.Json.Nodes;
using Lib.Notebooks.Execution;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lib.Notebooks.Tests;

public class ChartFormattingTests
{
    [Fact]
    public void The_runners_chart_json_is_plotly_nets_own()
    {
        var xs = Enumerable.Range(0, 50).ToArray();
        GenericChart[] charts =
        [
            Chart.Line<int, int, string>(x: xs, y: xs, Name: "walk"),
            Chart.Grid([Chart.Point<int, int, string>(x: xs, y: xs), Chart.Line<int, int, string>(x: xs, y: xs)], nRows: 1, nCols: 2),
            Chart.Line<int, int, string>(x: xs, y: xs, UseDefaults: false), // no template at all
        ];
        foreach (var chart in charts)
        {
            var reference = GenericChart.toJson(chart);
            var fast = Lib.Charts.ChartJson.Of(chart); // the library's file, compiled into the runner
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(reference), JsonNode.Parse(fast)), fast);
        }
    }
}
