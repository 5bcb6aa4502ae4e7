using Lib.Platform;
using Plotly.NET;

namespace Lib.Charts;

/// <summary>A chart as a PNG picture, drawn by headless Chromium from its offline page (<see cref="ChartHtml"/>).
/// </summary>
public static class ChartPng
{
    /// <summary>
    /// Writes a <paramref name="width"/> x <paramref name="height"/> PNG of the chart (atomically). The chart
    /// itself is left as it was: the picture's size is set on a copy of its layout.
    /// </summary>
    /// <exception cref="NativeToolNotFoundException">Chromium or the plotly.js bundle is not installed.</exception>
    public static void Save(
        GenericChart chart,
        string path,
        int width = 900,
        int height = 500,
        TimeSpan? timeout = null
    )
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var layout = new Layout();
        GenericChart.getLayout(chart).ShallowCopyDynamicPropertiesTo(layout, true);
        layout.SetProperty("width", width);
        layout.SetProperty("height", height);
        var sized = GenericChart.setLayout(layout, chart);
        ChromiumRenderer.Screenshot(ChartHtml.Page(sized, null, "body{margin:0}"), path, width, height, timeout);
    }
}
