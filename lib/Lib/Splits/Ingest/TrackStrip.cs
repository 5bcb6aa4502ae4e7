using OpenCvSharp;

namespace Lib.Splits.Ingest;

/// <summary>
/// A track's strip (recipe step 2): its prepared photos concatenated left to right, kept as 32-bit float RGB so the
/// camera's sub-pixel crops are resampled without intermediate rounding.
/// </summary>
public sealed class TrackStrip : IDisposable
{
    private TrackStrip(Mat image, StripLayout layout, IReadOnlyList<string> photos)
    {
        Image = image;
        Pixels = new float[image.Width * image.Height * 3];
        unsafe
        {
            new ReadOnlySpan<float>((void*)image.Data, Pixels.Length).CopyTo(Pixels);
        }
        Layout = layout;
        Photos = photos;
    }

    /// <summary>The strip, CV_32FC3 RGB in 0–255, <see cref="StripLayout.Length"/> × 360.</summary>
    public Mat Image { get; }

    /// <summary>The same pixels as a row-major interleaved RGB array.</summary>
    public float[] Pixels { get; }

    /// <summary>The photos' widths, seams and travel.</summary>
    public StripLayout Layout { get; }

    /// <summary>The photo files, left to right.</summary>
    public IReadOnlyList<string> Photos { get; }

    /// <summary>Loads, prepares (<see cref="StripPhoto"/>) and concatenates <paramref name="photos"/>.</summary>
    public static TrackStrip Build(IReadOnlyList<string> photos)
    {
        ArgumentNullException.ThrowIfNull(photos);
        var mats = new List<Mat>();
        try
        {
            foreach (var p in photos)
                mats.Add(StripPhoto.Load(p));
            var layout = new StripLayout([.. mats.Select(m => m.Width)]);
            using var joined = new Mat();
            Cv2.HConcat([.. mats], joined);
            var image = new Mat();
            joined.ConvertTo(image, MatType.CV_32FC3);
            return new TrackStrip(image, layout, [.. photos]);
        }
        finally
        {
            foreach (var m in mats)
                m.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose() => Image.Dispose();
}
