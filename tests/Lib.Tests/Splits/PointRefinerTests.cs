using Lib.Splits.Model;
using OpenCvSharp;

namespace Lib.Tests.Splits;

/// <summary>The refinement by registration on planted sequences: frames cut from one real photograph (the lab's
/// data/splits/photos) at known places, zooms and vertical drifts, so the frame at which the view passes the
/// source's place is known to a fraction of a frame.</summary>
public class PointRefinerTests
{
    const int Width = 320,
        Height = 180;

    static Mat Photo()
    {
        var path = Directory.GetFiles(Path.Combine(RepoPaths.Data, "splits", "photos")).Order().First();
        using var colour = Cv2.ImRead(path);
        var grey = new Mat();
        Cv2.CvtColor(colour, grey, ColorConversionCodes.BGR2GRAY);
        return grey;
    }

    // the view at strip position x (its centre at column x + 300, as the recipe's camera keeps it whatever the zoom),
    // zoomed (a crop 600/zoom px wide), drifted dy rows
    static byte[] Render(Mat strip, double x, double zoom, double dy)
    {
        double cw = 600 / zoom,
            s = Width / cw;
        double cx = x + 300,
            cy = strip.Rows / 2.0 + dy;
        using var m = new Mat(2, 3, MatType.CV_64F, Scalar.All(0));
        m.Set(0, 0, s);
        m.Set(1, 1, s);
        m.Set(0, 2, Width / 2.0 - s * cx);
        m.Set(1, 2, Height / 2.0 - s * cy);
        using var dst = new Mat();
        Cv2.WarpAffine(strip, dst, m, new Size(Width, Height), InterpolationFlags.Lanczos4, BorderTypes.Replicate);
        var bytes = new byte[Width * Height];
        System.Runtime.InteropServices.Marshal.Copy(dst.Data, bytes, 0, bytes.Length);
        return bytes;
    }

    static NativeFrames Video(Mat strip, Func<int, double> x, int count, double seed)
    {
        var frames = Enumerable
            .Range(0, count)
            .Select(k => Render(strip, x(k), 1.0 + 0.06 * (1 + Math.Sin(seed + 0.21 * k)), 8 * Math.Sin(seed + 0.13 * k)))
            .ToList();
        return new NativeFrames(frames, Width, Height, 24);
    }

    static FoundSplit Coarse(int index, double frame) => new(index, (int)Math.Round(frame / 3), frame / 24, 0.5);

    [Fact]
    public void A_split_is_found_within_a_tenth_of_a_frame_of_the_planted_crossing()
    {
        using var strip = Photo();
        const double place = 120,
            crossing = 30.37,
            speed = 1.9;
        var source = new NativeFrames([Render(strip, place, 1.1, -6)], Width, Height, 24);
        var target = Video(strip, k => place + speed * (k - crossing), 61, 0.4);
        var refiner = new PointRefiner();
        // the coarse answer is 6 frames (a quarter second) late; the source's point is its only frame
        var refined = refiner.Refine(source, [0, 0, 0], target, [Coarse(0, 0.5), Coarse(1, 36), Coarse(2, 60)]);
        Assert.NotNull(refined[1]);
        Assert.InRange(refined[1]!.Value.Seconds * 24, crossing - 0.1, crossing + 0.1);
        Assert.InRange(refined[1]!.Value.Share, 0.8, 1.0);
    }

    [Fact]
    public void The_start_is_the_onset_of_motion_after_the_still_shot()
    {
        using var strip = Photo();
        const int onset = 40;
        const double speed = 1.6;
        var source = new NativeFrames([Render(strip, 0, 1.02, 3)], Width, Height, 24);
        var target = Video(strip, k => k <= onset ? 0 : speed * (k - onset), 100, 1.3);
        var refiner = new PointRefiner();
        // coarse start 0.75 s early, finish far away (ignored here)
        var refined = refiner.Refine(source, [0, 0], target, [Coarse(0, onset - 18), Coarse(1, 99)]);
        Assert.NotNull(refined[0]);
        Assert.InRange(refined[0]!.Value.Seconds * 24, onset - 0.25, onset + 0.25);
    }

    [Fact]
    public void The_finish_is_the_end_of_motion_before_the_still_shot()
    {
        using var strip = Photo();
        const int stop = 52;
        const double end = 200,
            speed = 2.1;
        var source = new NativeFrames([Render(strip, end, 1.0, 0)], Width, Height, 24);
        var target = Video(strip, k => k >= stop ? end : end - speed * (stop - k), 100, 2.1);
        var refiner = new PointRefiner();
        var refined = refiner.Refine(source, [0, 0], target, [Coarse(0, 0), Coarse(1, stop + 20)]);
        Assert.NotNull(refined[1]);
        Assert.InRange(refined[1]!.Value.Seconds * 24, stop - 0.25, stop + 0.25);
    }

    [Fact]
    public void A_coarse_answer_three_seconds_late_is_relocated_and_refined()
    {
        using var strip = Photo();
        // 8 fps, the camera at 8 px a frame: beyond a second of the crossing the view is more than 80 px from the
        // source's place, and after 3.3 s it stops there (a still view 132 px on)
        const double place = 132,
            crossing = 16.37,
            speed = 8,
            fps = 8;
        var source = new NativeFrames([Render(strip, place, 1.1, -6)], Width, Height, fps);
        var frames = Enumerable
            .Range(0, 64)
            .Select(k =>
                Render(
                    strip,
                    Math.Clamp(place + speed * (k - crossing), 0, 2 * place),
                    1.0 + 0.06 * (1 + Math.Sin(0.7 + 0.21 * k)),
                    8 * Math.Sin(0.7 + 0.13 * k)
                )
            )
            .ToList();
        var target = new NativeFrames(frames, Width, Height, fps);
        FoundSplit At(int index, double frame) => new(index, (int)Math.Round(frame), frame / fps, 0.5);
        // the coarse split is 3 s (24 frames) late: neither its window (1 s) nor the doubled one holds a line
        var coarse = new[] { At(0, 0), At(1, crossing + 24), At(2, 63) };
        var refiner = new PointRefiner();
        var refined = refiner.Refine(source, [0, 0, 0], target, coarse);
        Assert.NotNull(refined[1]);
        Assert.InRange(refined[1]!.Value.Seconds * fps, crossing - 0.25, crossing + 0.25);
        Assert.True(refiner.Report.Relocated >= 1);
        // without relocation it keeps the coarse answer: no forward line in either window
        var near = new PointRefiner(new FindOptions { RefineRelocateSeconds = 0 });
        Assert.Null(near.Refine(source, [0, 0, 0], target, coarse)[1]);
        Assert.Equal(0, near.Report.Relocated);
    }

    [Fact]
    public void Occluded_frames_leave_the_coarse_answer_and_are_counted()
    {
        using var strip = Photo();
        var source = new NativeFrames([Render(strip, 120, 1.0, 0)], Width, Height, 24);
        // every target frame is the same place under a heavy blur and noise: nothing correlates
        var random = new Random(7);
        var frames = Enumerable
            .Range(0, 61)
            .Select(_ =>
            {
                var b = new byte[Width * Height];
                random.NextBytes(b);
                return b;
            })
            .ToList();
        var target = new NativeFrames(frames, Width, Height, 24);
        var refiner = new PointRefiner();
        var refined = refiner.Refine(source, [0, 0, 0], target, [Coarse(0, 1), Coarse(1, 30), Coarse(2, 59)]);
        Assert.All(refined, r => Assert.Null(r));
        Assert.Equal(3, refiner.Report.Points);
        Assert.Equal(0, refiner.Report.Refined);
        // at the default floor a few noise frames pass, and the line through them is refused
        Assert.Equal(
            3,
            refiner.Report.Fallbacks[RefineFallback.Registration] + refiner.Report.Fallbacks[RefineFallback.NoCrossing]
        );
        // with a floor above noise's peaks (real frames of one place peak at 0.7-0.96) no frame registers at all
        var strict = new PointRefiner(new FindOptions { RefineMinCorrelation = 0.3 });
        Assert.All(strict.Refine(source, [0, 0, 0], target, [Coarse(0, 1), Coarse(1, 30), Coarse(2, 59)]), Assert.Null);
        Assert.Equal(3, strict.Report.Fallbacks[RefineFallback.Registration]);
    }

    [Fact]
    public void A_robust_line_ignores_outliers()
    {
        var points = Enumerable.Range(0, 30).Select(i => (Time: (double)i, Displacement: 2.0 * (i - 12.25))).ToList();
        points[3] = (3, 40);
        points[20] = (20, -35);
        var crossing = LineCrossing.Split(points, 0.05, 80);
        Assert.NotNull(crossing);
        Assert.Equal(12.25, crossing!.Value.Time, 6);
        Assert.Equal(28, crossing.Value.Inliers);
        Assert.Null(LineCrossing.Split([.. points.Select(p => (p.Time, -p.Displacement))], 0.05, 80)); // backwards
    }
}
