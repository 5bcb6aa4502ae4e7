using OpenCvSharp;

namespace Lib.Splits.Ingest;

/// <summary>
/// Renders a rider's frames from the track's strip (recipe steps 9–11): the camera's crop (a sub-pixel box, rows
/// beyond the strip repeating its edge row) resized to 640×360 with Lanczos and the 2×2 mean down to 320×180
/// (<see cref="CropResampler"/>), an
/// occlusion's Gaussian blur (σ = 8e, kernel renormalised at the borders) and darkening (×(1 − 0.7e)), the brightness
/// factor, Gaussian noise σ = 3, rounded and clipped to 8-bit RGB. Deterministic: the noise of frame i is seeded by
/// the plan's noise seed and i. Not thread-safe (it reuses its buffers); use one per thread.
/// </summary>
public sealed class FrameRenderer : IDisposable
{
    private readonly TrackStrip _strip;
    private readonly RiderPlan _plan;
    private readonly CropResampler _resampler;
    private readonly Mat _small = new(SynthRecipe.Height, SynthRecipe.Width, MatType.CV_32FC3),
        _noise = new(SynthRecipe.Height, SynthRecipe.Width, MatType.CV_32FC3),
        _bytes = new();

    /// <summary>A renderer of <paramref name="plan"/>'s frames over <paramref name="strip"/>.</summary>
    public FrameRenderer(TrackStrip strip, RiderPlan plan)
    {
        _strip = strip ?? throw new ArgumentNullException(nameof(strip));
        _plan = plan ?? throw new ArgumentNullException(nameof(plan));
        _resampler = new CropResampler(strip.Pixels, strip.Layout.Length, SynthRecipe.StripHeight);
    }

    /// <summary>Bytes in one RGB24 frame.</summary>
    public static int FrameBytes => SynthRecipe.Width * SynthRecipe.Height * 3;

    /// <summary>Renders frame <paramref name="frame"/> into <paramref name="rgb"/> (320×180×3 bytes, row-major
    /// RGB).</summary>
    public void Render(int frame, Span<byte> rgb)
    {
        if (rgb.Length != FrameBytes)
            throw new ArgumentException($"Expected a buffer of {FrameBytes} bytes, got {rgb.Length}.", nameof(rgb));
        unsafe
        {
            _resampler.Render(_plan.Camera[frame], new Span<float>((void*)_small.Data, FrameBytes));
        }
        double e = _plan.OcclusionStrength(frame);
        if (e > 0)
            Occlude(e);
        double brightness = _plan.Brightness(frame);
        var rng = new RNG(unchecked((ulong)_plan.NoiseSeed ^ (ulong)frame * 0x9E3779B97F4A7C15UL) | 1);
        rng.Fill(_noise, DistributionType.Normal, new Scalar(0, 0, 0), new Scalar(3, 3, 3));
        Cv2.ScaleAdd(_small, brightness, _noise, _small);
        _small.ConvertTo(_bytes, MatType.CV_8UC3);
        unsafe
        {
            new ReadOnlySpan<byte>((void*)_bytes.Data, FrameBytes).CopyTo(rgb);
        }
    }

    private void Occlude(double e)
    {
        double sigma = 8 * e;
        int k = 2 * (int)Math.Ceiling(3 * sigma) + 1;
        var size = new Size(k, k);
        using var blurred = new Mat();
        using var ones = new Mat(_small.Size(), MatType.CV_32FC3, new Scalar(1, 1, 1));
        using var weight = new Mat();
        Cv2.GaussianBlur(_small, blurred, size, sigma, sigma, BorderTypes.Constant);
        Cv2.GaussianBlur(ones, weight, size, sigma, sigma, BorderTypes.Constant);
        Cv2.Divide(blurred, weight, _small, 1 - 0.7 * e);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _small.Dispose();
        _noise.Dispose();
        _bytes.Dispose();
    }
}
