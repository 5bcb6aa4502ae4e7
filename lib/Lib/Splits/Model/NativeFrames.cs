using Lib.Splits.Ingest;
using OpenCvSharp;

namespace Lib.Splits.Model;

/// <summary>
/// Every frame of a video at its own rate as 8-bit grey pictures (decoded once through <see cref="VideoDecoder"/>,
/// ITU-R 601 luma), for registering frames against each other (<see cref="FrameRegistration"/>): frame k is the
/// picture shown at k / <see cref="Fps"/> s.
/// </summary>
public sealed class NativeFrames
{
    private readonly byte[][] _grey;

    /// <summary>Frames of <paramref name="width"/> × <paramref name="height"/> grey bytes at
    /// <paramref name="fps"/>.</summary>
    /// <exception cref="ArgumentException">No frames, a frame of the wrong size, or a rate that is not
    /// positive.</exception>
    public NativeFrames(IReadOnlyList<byte[]> grey, int width, int height, double fps)
    {
        ArgumentNullException.ThrowIfNull(grey);
        if (grey.Count == 0 || width <= 0 || height <= 0)
            throw new ArgumentException($"Native frames need frames and a size; got {grey.Count} of {width}×{height}.");
        if (!(fps > 0) || double.IsInfinity(fps))
            throw new ArgumentException($"The frame rate must be positive; got {fps}.", nameof(fps));
        for (int i = 0; i < grey.Count; i++)
            if (grey[i].Length != width * height)
                throw new ArgumentException($"Frame {i} has {grey[i].Length} bytes; {width}×{height} needs "
                    + $"{width * height}.");
        _grey = [.. grey];
        Width = width;
        Height = height;
        Fps = fps;
    }

    /// <summary>The frame width, px.</summary>
    public int Width { get; }

    /// <summary>The frame height, px.</summary>
    public int Height { get; }

    /// <summary>The video's own frame rate.</summary>
    public double Fps { get; }

    /// <summary>The number of frames.</summary>
    public int Count => _grey.Length;

    /// <summary>Frame <paramref name="index"/> as a new 32-bit float grey <see cref="Mat"/> (0–255).</summary>
    public Mat Frame(int index)
    {
        using var bytes = Mat.FromPixelData(Height, Width, MatType.CV_8UC1, _grey[index]);
        var f = new Mat();
        bytes.ConvertTo(f, MatType.CV_32F);
        return f;
    }

    /// <summary>Frames wider than this are decoded shrunk to it (the height in proportion, even).</summary>
    public const int MaxWidth = 320;

    /// <summary>Decodes every frame of <paramref name="path"/> at the video's own rate (shrunk to
    /// <see cref="MaxWidth"/> when wider).</summary>
    /// <exception cref="InvalidDataException">ffmpeg cannot decode the file.</exception>
    public static NativeFrames Decode(string path)
    {
        var info = VideoProbe.Probe(path);
        var frames = new List<byte[]>();
        int w = info.Width,
            h = info.Height;
        if (w > MaxWidth)
            (w, h) = (MaxWidth, Math.Max(2, (int)Math.Round(h * (double)MaxWidth / w / 2) * 2));
        VideoDecoder.Decode(
            path,
            (_, rgb) =>
            {
                var grey = new byte[w * h];
                for (int p = 0; p < grey.Length; p++)
                    grey[p] = (byte)Math.Round(0.299 * rgb[3 * p] + 0.587 * rgb[3 * p + 1] + 0.114 * rgb[3 * p + 2]);
                frames.Add(grey);
            },
            width: w,
            height: h
        );
        if (frames.Count == 0)
            throw new InvalidDataException($"{path}: ffmpeg decoded no frames.");
        return new NativeFrames(frames, w, h, info.FrameRate);
    }
}
