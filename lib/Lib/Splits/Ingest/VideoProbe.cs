using System.Globalization;
using System.Text.Json;
using FFMpegCore;

namespace Lib.Splits.Ingest;

/// <summary>Probes videos with the lab's ffprobe (through FFMpegCore).</summary>
public static class VideoProbe
{
    /// <summary>The first video stream of <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">ffprobe cannot read it, or it has no video stream (naming the
    /// file).</exception>
    public static VideoInfo Probe(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Video {path} does not exist.", path);
        IMediaAnalysis analysis;
        try
        {
            analysis = FFProbe.Analyse(path, FfmpegTools.Ffprobe());
        }
        catch (FFMpegCore.Exceptions.FFMpegException e)
        {
            throw new InvalidDataException($"{path}: ffprobe cannot read it ({e.Message.Trim()}).", e);
        }
        using var json = JsonDocument.Parse(analysis.Json);
        var stream = json
            .RootElement.GetProperty("streams")
            .EnumerateArray()
            .FirstOrDefault(s => s.TryGetProperty("codec_type", out var t) && t.GetString() == "video");
        if (stream.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{path}: no video stream (expected a video file).");
        var (num, den) = Rate(path, Text(stream, "avg_frame_rate") ?? Text(stream, "r_frame_rate"));
        double duration = double.TryParse(
            Text(stream, "duration"),
            NumberStyles.Float,
            CultureInfo.InvariantCulture,
            out var d
        )
            ? d
            : analysis.Duration.TotalSeconds;
        int frames = int.TryParse(Text(stream, "nb_frames"), CultureInfo.InvariantCulture, out var n)
            ? n
            : (int)Math.Round(duration * num / den);
        return new VideoInfo(
            Path.GetFullPath(path),
            stream.GetProperty("width").GetInt32(),
            stream.GetProperty("height").GetInt32(),
            frames,
            num,
            den,
            duration,
            Text(stream, "codec_name") ?? ""
        );
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v)
            ? v.ValueKind == JsonValueKind.String
                ? v.GetString()
                : v.GetRawText()
            : null;

    private static (int, int) Rate(string path, string? text)
    {
        var parts = (text ?? "").Split('/');
        if (
            parts.Length == 2
            && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var num)
            && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var den)
            && num > 0
            && den > 0
        )
            return (num, den);
        throw new InvalidDataException($"{path}: the video stream's frame rate '{text}' is not a fraction N/D.");
    }
}
