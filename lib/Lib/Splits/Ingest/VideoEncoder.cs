using FFMpegCore;
using FFMpegCore.Pipes;
using Lib.Tensors.IO;

namespace Lib.Splits.Ingest;

/// <summary>
/// Encodes 8-bit RGB frames to an H.264 MP4 with the lab's ffmpeg: the frames are piped to ffmpeg's input as
/// <c>rawvideo rgb24</c> (FFMpegCore's <see cref="RawVideoPipeSource"/>), encoded with libx264 at a constant rate
/// factor, <c>yuv420p</c>, no audio; written to a temporary file beside the target, then renamed.
/// </summary>
public static class VideoEncoder
{
    /// <summary>Writes <paramref name="frames"/> (each <paramref name="width"/>×<paramref name="height"/>×3 bytes) at
    /// <paramref name="fps"/> frames per second to <paramref name="path"/>.</summary>
    public static void Write(
        string path,
        IEnumerable<byte[]> frames,
        int width,
        int height,
        int fps = SynthRecipe.Fps,
        int crf = SynthRecipe.Crf
    )
    {
        ArgumentNullException.ThrowIfNull(frames);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = Path.Combine(
            Path.GetDirectoryName(full)!,
            $".{Path.GetFileNameWithoutExtension(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp.mp4"
        );
        int size = width * height * 3;
        var source = new RawVideoPipeSource(
            frames.Select(
                (f, i) =>
                    f.Length == size
                        ? (IVideoFrame)new RgbVideoFrame(f, width, height)
                        : throw new ArgumentException(
                            $"Frame {i} has {f.Length} bytes (expected {width}×{height}×3 = {size})."
                        )
            )
        )
        {
            FrameRate = fps,
        };
        try
        {
            FFMpegArguments
                .FromPipeInput(source)
                .OutputToFile(temp, true, o =>
                    o.WithVideoCodec("libx264")
                        .WithConstantRateFactor(crf)
                        .WithPixelFormat("yuv420p")
                        .WithCustomArgument("-an")
                )
                .ProcessSynchronously(true, FfmpegTools.Ffmpeg());
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }
}
