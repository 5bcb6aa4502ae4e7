using Plotly.NET;
using Plotly.NET.CSharp;

namespace Lib.Charts;

/// <summary>
/// C# extensions for the few things the lab's charts need that Plotly.NET.CSharp 0.14 does not offer: a
/// chart title, a height that leaves the width to the page, axis titles without generic arguments, and any
/// layout or trace property by its plotly.js name. (Plotly.NET's own F# API has them, but its optional
/// parameters are not optional from C#.) Like Plotly.NET's <c>With…</c> methods, they change the chart's
/// layout or traces in place and return the chart.
/// </summary>
public static class ChartStyle
{
    /// <summary>Sets the chart's title.</summary>
    public static GenericChart WithTitle(this GenericChart chart, string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var text = new Title();
        text.SetProperty("text", title);
        return WithLayoutProperty(chart, "title", text);
    }

    /// <summary>
    /// Sets the height in pixels and lets the width follow the page or notebook cell (Plotly.NET fixes it at
    /// 600 px unless told otherwise).
    /// </summary>
    public static GenericChart WithHeight(this GenericChart chart, int pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixels);
        var layout = GenericChart.getLayout(chart);
        layout.RemoveProperty("width");
        layout.SetProperty("height", pixels);
        return chart;
    }

    /// <summary>Sets the titles of the x and y axes (of the chart's own axes; a grid keeps each panel's).</summary>
    public static GenericChart WithAxisTitles(this GenericChart chart, string? x = null, string? y = null)
    {
        if (x is not null)
            chart = chart.WithXAxisStyle<double, double, string>(TitleText: x);
        if (y is not null)
            chart = chart.WithYAxisStyle<double, double, string>(TitleText: y);
        return chart;
    }

    /// <summary>Sets a layout property by its plotly.js name (<c>"barmode"</c>, <c>"showlegend"</c> …).</summary>
    public static GenericChart WithLayoutProperty(this GenericChart chart, string name, object value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var layout = new Layout();
        layout.SetProperty(name, value);
        return Plotly.NET.Chart.withLayout(layout).Invoke(chart);
    }

    /// <summary>
    /// Sets a property by its plotly.js name on every trace of the chart (<c>"hovertext"</c>,
    /// <c>"texttemplate"</c> …); set it before combining to reach a single trace.
    /// </summary>
    public static GenericChart WithTraceProperty(this GenericChart chart, string name, object value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return GenericChart.mapTrace(
            Microsoft.FSharp.Core.FuncConvert.FromFunc<Trace, Trace>(trace =>
            {
                trace.SetProperty(name, value);
                return trace;
            }),
            chart
        );
    }
}
