using System.Net;
using System.Text;
using OpenCvSharp;

namespace Lib.Splits.Ingest;

/// <summary>
/// Pictures for notebooks and pages: frames and strips as PNG, <c>&lt;img&gt;</c> tags with the PNG inline (pages stay
/// self-contained and open offline), a row of captioned frames, a track's strip with its seams and split positions
/// marked, and the frames of a video at chosen indices.
/// </summary>
public static class VideoPictures
{
    /// <summary>An 8-bit RGB frame as PNG bytes.</summary>
    public static byte[] Png(byte[] rgb, int width, int height)
    {
        using var frame = Mat.FromPixelData(height, width, MatType.CV_8UC3, rgb);
        using var bgr = new Mat();
        Cv2.CvtColor(frame, bgr, ColorConversionCodes.RGB2BGR);
        return bgr.ImEncode(".png");
    }

    /// <summary>An <c>&lt;img&gt;</c> tag showing <paramref name="png"/> inline.</summary>
    public static string ImgTag(byte[] png, string? title = null, int? width = null) =>
        $"<img src=\"data:image/png;base64,{Convert.ToBase64String(png)}\""
        + (title is null ? "" : $" title=\"{WebUtility.HtmlEncode(title)}\"")
        + (width is null ? "" : $" width=\"{width}\"")
        + " style=\"image-rendering:auto\"/>";

    /// <summary>Pictures side by side, each with its caption under it.</summary>
    public static string Row(IEnumerable<(byte[] Png, string Caption)> pictures)
    {
        var sb = new StringBuilder("<div style=\"display:flex;flex-wrap:wrap;gap:6px\">");
        foreach (var (png, caption) in pictures)
            sb.Append("<figure style=\"margin:0;text-align:center;font-size:12px\">")
                .Append(ImgTag(png, caption))
                .Append("<figcaption>")
                .Append(WebUtility.HtmlEncode(caption))
                .Append("</figcaption></figure>");
        return sb.Append("</div>").ToString();
    }

    /// <summary>
    /// <paramref name="track"/>'s strip scaled by <paramref name="scale"/>, with the seams between photos as thin
    /// white lines and, for each split k, a red line at the strip column the view's centre shows there (X_k + 320).
    /// </summary>
    public static byte[] StripPng(SynthTrack track, double scale = 0.25)
    {
        ArgumentNullException.ThrowIfNull(track);
        using var strip = TrackStrip.Build(track.Photos);
        using var bytes = new Mat();
        strip.Image.ConvertTo(bytes, MatType.CV_8UC3);
        using var small = new Mat();
        Cv2.Resize(bytes, small, new Size(0, 0), scale, scale, InterpolationFlags.Area);
        foreach (var seam in track.Layout.Seams)
        {
            int x = (int)Math.Round(seam * scale);
            small.Line(new Point(x, 0), new Point(x, small.Height - 1), new Scalar(255, 255, 255), 1);
        }
        for (int k = 1; k <= 4; k++)
        {
            int x = (int)Math.Round((track.SplitPositions[k] + SynthRecipe.HalfWindow) * scale);
            small.Line(new Point(x, 0), new Point(x, small.Height - 1), new Scalar(255, 40, 40), 2);
            small.PutText($"{k}", new Point(x + 3, 14), HersheyFonts.HersheySimplex, 0.45, new Scalar(255, 40, 40), 1);
        }
        using var bgr = new Mat();
        Cv2.CvtColor(small, bgr, ColorConversionCodes.RGB2BGR);
        return bgr.ImEncode(".png");
    }

    /// <summary>The frames of <paramref name="video"/> at <paramref name="indices"/> (its own rate), as
    /// <paramref name="width"/>×<paramref name="height"/> RGB.</summary>
    public static IReadOnlyDictionary<int, byte[]> FramesAt(
        string video,
        IEnumerable<int> indices,
        int width = SynthRecipe.Width,
        int height = SynthRecipe.Height
    )
    {
        var wanted = indices.ToHashSet();
        var frames = new Dictionary<int, byte[]>();
        VideoDecoder.Decode(
            video,
            (i, rgb) =>
            {
                if (wanted.Contains(i))
                    frames[i] = (byte[])rgb.Clone();
            },
            width: width,
            height: height
        );
        var missing = wanted.Where(i => !frames.ContainsKey(i)).Order().ToList();
        if (missing.Count > 0)
            throw new ArgumentOutOfRangeException(
                nameof(indices),
                $"{video} has no frame {string.Join(", ", missing)} (it has {frames.Count} of those asked)."
            );
        return frames;
    }
}
