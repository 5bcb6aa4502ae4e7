using OpenCvSharp;

namespace Lib.Splits.Ingest;

/// <summary>
/// Recipe step 1: a real photograph centre-cropped to 2.4:1 (a horizontal band if it is narrower, a vertical band if
/// it is wider), then scaled to height 360 px keeping its aspect with Lanczos (about 864 px wide). A photo already
/// 360 px high at 2.4:1 (the bundled ones) is left as it is.
/// </summary>
public static class StripPhoto
{
    /// <summary>Reads <paramref name="path"/> (JPEG, PNG, WebP …) and prepares it; the result is 8-bit RGB.</summary>
    /// <exception cref="InvalidDataException">The file is not an image OpenCV reads, or is too small.</exception>
    public static Mat Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Photo {path} does not exist.", path);
        using var bgr = Cv2.ImRead(path, ImreadModes.Color);
        if (bgr.Empty())
            throw new InvalidDataException($"{path}: not an image OpenCV can read (expected JPEG, PNG or WebP).");
        using var prepared = Prepare(bgr, path);
        var rgb = new Mat();
        Cv2.CvtColor(prepared, rgb, ColorConversionCodes.BGR2RGB);
        return rgb;
    }

    /// <summary>The 2.4:1 band of <paramref name="image"/>, 360 px high.</summary>
    public static Mat Prepare(Mat image, string name = "photo")
    {
        ArgumentNullException.ThrowIfNull(image);
        int w = image.Width,
            h = image.Height;
        Rect band;
        if (w < SynthRecipe.PhotoAspect * h)
        {
            int bh = (int)Math.Round(w / SynthRecipe.PhotoAspect);
            band = new Rect(0, (h - bh) / 2, w, bh);
        }
        else
        {
            int bw = (int)Math.Round(h * SynthRecipe.PhotoAspect);
            band = new Rect((w - bw) / 2, 0, bw, h);
        }
        int width = (int)Math.Round(band.Width * (double)SynthRecipe.StripHeight / band.Height);
        if (width < SynthRecipe.MinPhotoWidth)
            throw new InvalidDataException(
                $"{name}: {w}×{h} px gives a band {width} px wide at height {SynthRecipe.StripHeight} (expected at "
                    + $"least {SynthRecipe.MinPhotoWidth})."
            );
        using var cropped = new Mat(image, band);
        if (band.Height == SynthRecipe.StripHeight)
            return cropped.Clone();
        var result = new Mat();
        var size = new Size(width, SynthRecipe.StripHeight);
        if (band.Height > 2 * SynthRecipe.StripHeight)
        {
            // Lanczos alone aliases when shrinking several times: average down to twice the size first.
            using var half = new Mat();
            Cv2.Resize(cropped, half, new Size(2 * width, 2 * SynthRecipe.StripHeight), 0, 0, InterpolationFlags.Area);
            Cv2.Resize(half, result, size, 0, 0, InterpolationFlags.Lanczos4);
        }
        else
            Cv2.Resize(cropped, result, size, 0, 0, InterpolationFlags.Lanczos4);
        return result;
    }
}
