using System.Text.Json.Nodes;
using Lib.Notebooks.Execution;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lib.Notebooks.Tests;

public class ChartFormattingTests
{
    [Fact]
    public void The_fast_json_is_plotly_nets_own_and_leaves_the_chart_as_it_was()
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
            var fast = ChartFormatting.Json(chart);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(reference), JsonNode.Parse(fast)), fast);
            Assert.Equal(reference, GenericChart.toJson(chart)); // the template is back on the layout
        }
    }
}
