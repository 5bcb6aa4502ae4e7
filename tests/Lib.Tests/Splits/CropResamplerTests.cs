using Lib.Splits.Ingest;
using OpenCvSharp;

namespace Lib.Tests.Splits;

/// <summary>The one-pass crop resampler against the recipe's literal steps done by OpenCV (warpAffine with Lanczos-4 to
/// 640×360, then the 2×2 mean), on a real strip.</summary>
public class CropResamplerTests
{
    [Fact]
    public void Lanczos_weights_sum_to_one_and_interpolate_at_whole_pixels()
    {
        var start = new int[3];
        var w = new float[3 * CropResampler.Taps];
        CropResampler.MergedWeights(10.25, 0.9, 3, start, w);
        for (int o = 0; o < 3; o++)
            Assert.Equal(1, w.Skip(o * CropResampler.Taps).Take(CropResampler.Taps).Sum(), 5);
        Assert.Equal(1, CropResampler.Lanczos4(0));
        Assert.Equal(0, CropResampler.Lanczos4(2), 12);
        Assert.Equal(0, CropResampler.Lanczos4(4.5));
    }

    [Theory]
    [InlineData(600.0, 1000.3, 180.0)]
    [InlineData(560.0, 2000.75, 160.2)] // zoomed in, rows above the strip repeat its edge
    [InlineData(640.0, 320.0, 204.0)] // the strip's left end, rows below repeat the edge
    public void The_crop_matches_opencvs_warp_then_the_two_by_two_mean(double cw, double column, double row)
    {
        var photos = Directory.GetFiles(Path.Combine(RepoPaths.Data, "splits", "photos")).Order().Take(5).ToList();
        using var strip = TrackStrip.Build(photos);
        var camera = new CameraFrame(cw, column, row);
        var ours = new float[320 * 180 * 3];
        new CropResampler(strip.Pixels, strip.Layout.Length, 360).Render(camera, ours);

        double s = cw / 640,
            left = column - cw / 2,
            top = row - camera.CropHeight / 2;
        using var m = new Mat(2, 3, MatType.CV_64FC1);
        m.Set(0, 0, s);
        m.Set(0, 1, 0.0);
        m.Set(0, 2, left + 0.5 * s - 0.5);
        m.Set(1, 0, 0.0);
        m.Set(1, 1, s);
        m.Set(1, 2, top + 0.5 * s - 0.5);
        using var view = new Mat();
        using var small = new Mat();
        Cv2.WarpAffine(
            strip.Image,
            view,
            m,
            new Size(640, 360),
            InterpolationFlags.Lanczos4 | InterpolationFlags.WarpInverseMap,
            BorderTypes.Replicate
        );
        Cv2.Resize(view, small, new Size(320, 180), 0, 0, InterpolationFlags.Area);
        small.GetArray(out Vec3f[] theirs);
        double sum = 0,
            max = 0;
        for (int i = 0; i < theirs.Length; i++)
            for (int c = 0; c < 3; c++)
            {
                double d = Math.Abs(ours[i * 3 + c] - theirs[i][c]);
                sum += d;
                max = Math.Max(max, d);
            }
        double mean = sum / ours.Length;
        // OpenCV rounds sample positions to 1/32 px; the rest is the same arithmetic.
        Assert.True(mean < 0.25, $"mean |difference| {mean:0.000} grey levels");
        Assert.True(max < 12, $"max |difference| {max:0.00} grey levels");
    }
}
