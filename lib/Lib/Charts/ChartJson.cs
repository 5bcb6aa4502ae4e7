using Plotly.NET;

namespace Lib.Charts;

/// <summary>A chart's plotly.js figure as JSON, as Plotly.NET writes it.</summary>
public static class ChartJson
{
    /// <summary>
    /// The figure as <c>{"data": [...], "layout": {...}, "config": {...}}</c> (Plotly.NET's
    /// <see cref="GenericChart.toJson"/>): the payload of an <c>application/vnd.plotly.v1+json</c> output.
    /// </summary>
    public static string Of(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return GenericChart.toJson(chart);
    }
}
