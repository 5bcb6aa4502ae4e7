using System.Globalization;
using FFMpegCore;

namespace Lib.Splits.Ingest;

/// <summary>
/// Decodes a video into 8-bit RGB frames with the lab's ffmpeg (through FFMpegCore, piping <c>rawvideo rgb24</c>):
/// every frame at the video's own rate, or resampled to a chosen rate with ffmpeg's <c>fps</c> filter (frame k is the
/// picture shown at k / rate s), optionally scaled.
/// </summary>
public static class VideoDecoder
{
    /// <summary>
    /// Decodes <paramref name="path"/>, calling <paramref name="onFrame"/> with each frame's index and its
    /// <paramref name="width"/>×<paramref name="height"/>×3 RGB bytes (a reused buffer). <paramref name="rate"/> null
    /// keeps every frame of the video; width/height 0 keep the video's size. Returns the number of frames.
    /// </summary>
    /// <exception cref="InvalidDataException">ffmpeg fails on the file or stops in the middle of a frame.</exception>
    public static int Decode(
        string path,
        Action<int, byte[]> onFrame,
        double? rate = null,
        int width = 0,
        int height = 0,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(onFrame);
        if (width <= 0 || height <= 0)
        {
            var info = VideoProbe.Probe(path);
            (width, height) = (info.Width, info.Height);
        }
        var filters = new List<string>();
        if (rate is { } r)
        {
            if (!(r > 0))
                throw new ArgumentOutOfRangeException(nameof(rate), r, "The frame rate must be positive.");
            filters.Add("fps=" + r.ToString("R", CultureInfo.InvariantCulture));
        }
        filters.Add($"scale={width}:{height}:flags=area");
        var sink = new RgbFrameSink(width, height, onFrame);
        try
        {
            FFMpegArguments
                .FromFileInput(path)
                .OutputToPipe(sink, o =>
                    o.WithCustomArgument(
                        $"-an -sn -dn -vf {string.Join(",", filters)}" + (rate is null ? " -vsync passthrough" : "")
                    )
                )
                .ProcessSynchronously(true, FfmpegTools.Ffmpeg());
        }
        catch (FFMpegCore.Exceptions.FFMpegException e)
        {
            throw new InvalidDataException($"{path}: ffmpeg cannot decode it ({e.Message.Trim()}).", e);
        }
        if (sink.Leftover != 0)
            throw new InvalidDataException(
                $"{path}: ffmpeg stopped {sink.Leftover} bytes into frame {sink.Frames} (expected whole "
                    + $"{width}×{height} RGB frames)."
            );
        return sink.Frames;
    }
}
