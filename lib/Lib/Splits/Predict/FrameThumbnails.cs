using Lib.Splits.Ingest;
using OpenCvSharp;

namespace Lib.Splits.Predict;

/// <summary>Small JPEG pictures of chosen frames of a video (decoded at a given rate, so frame k is the picture at
/// k / rate s), for the viewer page.</summary>
public static class FrameThumbnails
{
    /// <summary>Width and height of a thumbnail.</summary>
    public const int Width = 160,
        Height = 90;

    /// <summary>The JPEG bytes of each of <paramref name="frames"/> of <paramref name="videoPath"/> decoded at
    /// <paramref name="rate"/> frames per second (a frame past the end is missing from the result).</summary>
    public static Dictionary<int, byte[]> Read(string videoPath, double rate, IReadOnlyCollection<int> frames)
    {
        var wanted = frames.ToHashSet();
        var result = new Dictionary<int, byte[]>();
        VideoDecoder.Decode(
            videoPath,
            (index, rgb) =>
            {
                if (!wanted.Contains(index))
                    return;
                using var mat = Mat.FromPixelData(Height, Width, MatType.CV_8UC3, rgb);
                using var bgr = new Mat();
                Cv2.CvtColor(mat, bgr, ColorConversionCodes.RGB2BGR);
                result[index] = bgr.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, 80));
            },
            rate,
            Width,
            Height
        );
        return result;
    }
}
