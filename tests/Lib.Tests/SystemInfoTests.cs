using Lib.Platform;
using Lib.Tensors.Formatting;

namespace Lib.Tests;

public class SystemInfoTests
{
    [Fact]
    public void Reports_this_machine_and_renders_as_a_table()
    {
        var info = SystemInfo.Current();
        Assert.Equal(Environment.ProcessorCount, info.ProcessorCount);
        Assert.Contains(".NET", info.Runtime);
        Assert.Contains(info.NativeTools, t => t.Tool == "ffmpeg" && t.Path is not null);
        Assert.Contains(info.Rows(), r => r.Fact == "DuckDB" && r.Value.StartsWith("v1.", StringComparison.Ordinal));
        Assert.Contains(info.VectorBits, new[] { 0, 128, 256, 512 });

        var html = new SystemInfoFormatterSource().CreateTypeFormatters().Cast<TypeFormatter<SystemInfo>>().Single(f => f.MimeType == "text/html");
        var writer = new StringWriter();
        Assert.True(html.Format(info, writer));
        Assert.StartsWith("<table", writer.ToString());
        Assert.Contains("<th style=\"text-align:left\">Cores</th>", writer.ToString());
    }
}
