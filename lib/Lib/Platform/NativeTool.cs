namespace Lib.Platform;

/// <summary>
/// A native library, program or script the lab takes from the npm registry (package.json) and
/// finds at run time under <c>node_modules/</c>, or wherever its environment variable points.
/// </summary>
/// <param name="Name">What the tool is called in messages, such as <c>ffmpeg</c>.</param>
/// <param name="EnvironmentVariable">Overrides the location with a full path to the file.</param>
/// <param name="Package">The npm package listed in package.json.</param>
/// <param name="RelativePath">The file's path under <c>node_modules/</c> for a platform.</param>
/// <param name="IsExecutable">True for programs that must carry the executable bit on Unix.</param>
public sealed record NativeTool(
    string Name,
    string EnvironmentVariable,
    string Package,
    Func<PlatformId, string> RelativePath,
    bool IsExecutable = false
)
{
    /// <summary>The ffmpeg program (<c>@ffmpeg-installer/ffmpeg</c>).</summary>
    public static NativeTool Ffmpeg { get; } =
        new(
            "ffmpeg",
            "LAB_FFMPEG",
            "@ffmpeg-installer/ffmpeg",
            p => $"@ffmpeg-installer/{p.NpmName()}/ffmpeg{(p.IsWindows ? ".exe" : "")}",
            IsExecutable: true
        );

    /// <summary>The ffprobe program (<c>@ffprobe-installer/ffprobe</c>).</summary>
    public static NativeTool Ffprobe { get; } =
        new(
            "ffprobe",
            "LAB_FFPROBE",
            "@ffprobe-installer/ffprobe",
            p => $"@ffprobe-installer/{p.NpmName()}/ffprobe{(p.IsWindows ? ".exe" : "")}",
            IsExecutable: true
        );

    /// <summary>The self-contained plotly.js bundle (<c>plotly.js-dist-min</c>).</summary>
    public static NativeTool PlotlyJs { get; } =
        new("plotly.js", "LAB_PLOTLY_JS", "plotly.js-dist-min", _ => "plotly.js-dist-min/plotly.min.js");

    /// <summary>Every tool the lab uses.</summary>
    public static IReadOnlyList<NativeTool> All { get; } = [Ffmpeg, Ffprobe, PlotlyJs];
}
