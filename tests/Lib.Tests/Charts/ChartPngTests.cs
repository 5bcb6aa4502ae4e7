using Lib.Charts;
using Lib.Platform;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lib.Tests.Charts;

public class ChartPngTests
{
    [Fact]
    public void A_png_is_drawn_through_chromium_or_the_error_says_how_to_get_it()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "chart.png");
        var chart = Chart.Column<int, string, string>(new[] { 1, 2 }, Keys: new[] { "a", "b" })
            .WithTitle("PNG").WithHeight(300);
        var before = ChartJson.Of(chart);
        bool haveChromium;
        try { ChromiumRenderer.Locate(); haveChromium = true; }
        catch (NativeToolNotFoundException e)
        {
            Assert.Contains("apt-get install chromium", e.Message);
            haveChromium = false;
        }
        if (haveChromium)
        {
            ChartPng.Save(chart, path, 400, 300);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            Assert.Equal(400, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        }
        else Assert.Throws<NativeToolNotFoundException>(() => ChartPng.Save(chart, path, 400, 300));
        Assert.Equal(before, ChartJson.Of(chart)); // the picture's size went on a copy of the layout
    }
}
