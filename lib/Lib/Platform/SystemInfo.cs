using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;
using Lib.Tensors.Formatting;

namespace Lib.Platform;

/// <summary>What this machine offers the lab: runtime, cores, memory, SIMD, DuckDB and native tools.</summary>
[TypeFormatterSource(typeof(SystemInfoFormatterSource))]
public sealed record SystemInfo(
    string Runtime,
    string OperatingSystem,
    string Platform,
    int ProcessorCount,
    double TotalMemoryGiB,
    IReadOnlyList<(string Feature, bool Supported)> Simd,
    IReadOnlyList<(string Tool, string? Path)> NativeTools
)
{
    /// <summary>Reads the facts of the current process and machine.</summary>
    public static SystemInfo Current()
    {
        var simd = new List<(string, bool)>
        {
            ("Vector128", Vector128.IsHardwareAccelerated),
            ("Vector256", Vector256.IsHardwareAccelerated),
            ("Vector512", Vector512.IsHardwareAccelerated),
            ("AVX2", Avx2.IsSupported),
            ("FMA", Fma.IsSupported),
            ("AVX-512F", Avx512F.IsSupported),
            ("Arm AdvSimd", System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported),
        };
        var tools = Lib
            .Platform.NativeTool.All.Select(t => (t.Name, Lib.Platform.NativeTools.TryLocate(t, out var p) ? p : null))
            .ToList();
        return new SystemInfo(
            RuntimeInformation.FrameworkDescription,
            RuntimeInformation.OSDescription,
            PlatformId.Current.ToString(),
            Environment.ProcessorCount,
            GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024),
            simd,
            tools!
        );
    }

    /// <summary>The widest accelerated vector width in bits (128, 256 or 512), or 0 when none is.</summary>
    public int VectorBits =>
        Simd.Any(s => s is ("Vector512", true)) ? 512
        : Simd.Any(s => s is ("Vector256", true)) ? 256
        : Simd.Any(s => s is ("Vector128", true)) ? 128
        : 0;

    /// <summary>Rows of (fact, value) for display.</summary>
    public IEnumerable<(string Fact, string Value)> Rows()
    {
        yield return (".NET", Runtime);
        yield return ("OS", $"{OperatingSystem} ({Platform})");
        yield return ("Cores", ProcessorCount.ToString(CultureInfo.InvariantCulture));
        yield return ("Memory", TotalMemoryGiB.ToString("0.0", CultureInfo.InvariantCulture) + " GiB");
        yield return (
            "SIMD",
            string.Join(", ", Simd.Where(s => s.Supported).Select(s => s.Feature)) is { Length: > 0 } s ? s : "none"
        );
        yield return (
            "DuckDB",
            $"{Storage.DuckDb.DuckDb.LibraryVersion} (DuckDB.NET; the native library comes with its NuGet package)"
        );
        foreach (var (tool, path) in NativeTools)
            yield return (tool, path ?? "missing (run 'npm ci' in the repository root)");
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var (fact, value) in Rows())
            sb.Append(CultureInfo.InvariantCulture, $"{fact, -10} {value}\n");
        return sb.ToString().TrimEnd();
    }
}

/// <summary>Renders <see cref="SystemInfo"/> as a two-column table.</summary>
public sealed class SystemInfoFormatterSource
{
    /// <summary>The formatters, found by hosts through <see cref="TypeFormatterSourceAttribute"/>.</summary>
    public IEnumerable<object> CreateTypeFormatters() => [new TypeFormatter<SystemInfo>("text/html", info =>
            {
                var sb = new StringBuilder("<table class=\"lab-table\"><tbody>");
                foreach (var (fact, value) in info.Rows())
                    sb.Append("<tr><th style=\"text-align:left\">")
                        .Append(Html.Encode(fact))
                        .Append("</th><td style=\"text-align:left\">")
                        .Append(Html.Encode(value))
                        .Append("</td></tr>");
                return sb.Append("</tbody></table>").ToString();
            }), new TypeFormatter<SystemInfo>("text/plain", info => info.ToString())];
}
