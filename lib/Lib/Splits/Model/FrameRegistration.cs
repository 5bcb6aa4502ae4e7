using OpenCvSharp;

namespace Lib.Splits.Model;

/// <summary>
/// Classical image registration of one video frame against a reference frame (OpenCV): both are shrunk by
/// <see cref="Shrink"/> (area), the frame is zoomed about its centre by each of a set of scales, and
/// Hanning-windowed phase correlation gives each its translation and peak response; the scale with the highest
/// response (refined by the vertex of a parabola through its neighbours) is the zoom between the two, and its
/// translation is the answer: how far the reference's centre lies to the right of the frame's centre, in the
/// reference's full-size pixels — positive when the frame's view is further along a left-to-right traversal. The
/// zoom about the centre leaves the centre's place unchanged, so the camera's zoom (1.0–1.14× each side) does not bias
/// it, and the vertical drift and shake are the translation's other half. A peak response below the floor (an
/// occlusion, another place) is not an answer. <i>Departure</i> from an ECC affine fit: on these frames it
/// degenerated, zooming into flat sky or grass, where its correlation stays high.
/// </summary>
public sealed class FrameRegistration : IDisposable
{
    /// <summary>Frames are registered at 1/this of their size.</summary>
    public const int Shrink = 2;

    /// <summary>The zoom ratios tried when there is no hint: 0.86–1.16 (the camera's 1.0–1.14× on both
    /// sides).</summary>
    static readonly double[] Scales = [.. Enumerable.Range(0, 11).Select(i => 0.86 + 0.03 * i)];

    private readonly Mat _window;
    private readonly double _minResponse;
    private readonly Size _size;

    /// <summary>A registration of <paramref name="width"/> × <paramref name="height"/> frames accepting phase
    /// correlation peaks of at least <paramref name="minResponse"/>.</summary>
    public FrameRegistration(int width, int height, double minResponse)
    {
        _size = new Size(width / Shrink, height / Shrink);
        _window = new Mat();
        Cv2.CreateHanningWindow(_window, _size, MatType.CV_32F);
        _minResponse = minResponse;
    }

    /// <summary>A full-size float grey frame shrunk for <see cref="Register"/> (a new Mat).</summary>
    public Mat Prepare(Mat frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var small = new Mat();
        Cv2.Resize(frame, small, _size, 0, 0, InterpolationFlags.Area);
        return small;
    }

    /// <summary>The horizontal displacement (full-size px) of <paramref name="frame"/>'s view from
    /// <paramref name="reference"/>'s (both from <see cref="Prepare"/>), the phase correlation's peak response and the
    /// zoom found; null when the peak is below the floor. <paramref name="scaleHint"/> (a neighbouring frame's zoom)
    /// narrows the scales tried.</summary>
    public (double Displacement, double Response, double Scale)? Register(
        Mat reference,
        Mat frame,
        double? scaleHint = null
    )
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(frame);
        var tried = new SortedDictionary<double, (Point2d Shift, double Response)>();
        (Point2d Shift, double Response) At(double s)
        {
            s = Math.Round(s, 6);
            if (tried.TryGetValue(s, out var r))
                return r;
            using var zoomed = Zoom(frame, s);
            // OpenCV's phaseCorrelate (4.13 through OpenCvSharp) leaves its first input and window changed: each call
            // gets copies
            using var r0 = reference.Clone();
            using var w0 = _window.Clone();
            var shift = Cv2.PhaseCorrelate(r0, zoomed, w0, out double response);
            return tried[s] = (shift, response);
        }
        double[] grid = scaleHint is { } h ? [h - 0.02, h, h + 0.02] : Scales;
        grid = [.. grid.Select(g => Math.Clamp(g, Scales[0], Scales[^1]))];
        double best = grid.MaxBy(s => At(s).Response);
        if (scaleHint is not null && (best == grid[0] || best == grid[^1]))
            best = Scales.Append(best).MaxBy(s => At(s).Response); // the zoom moved: look everywhere
        // the parabola through the best scale and its neighbours at the grid's spacing
        double step = scaleHint is null ? 0.03 : 0.02;
        double r0 = At(best - step).Response,
            r1 = At(best).Response,
            r2 = At(best + step).Response;
        double denominator = r0 - 2 * r1 + r2;
        double scale = best;
        if (denominator < 0)
            scale = best + Math.Clamp(0.5 * (r0 - r2) / denominator, -0.5, 0.5) * step;
        var (shiftAt, responseAt) = At(scale);
        if (!(responseAt >= _minResponse))
            return null;
        return (-shiftAt.X * Shrink, responseAt, scale);
    }

    Mat Zoom(Mat frame, double s)
    {
        double cx = (frame.Cols - 1) / 2.0,
            cy = (frame.Rows - 1) / 2.0;
        using var m = new Mat(2, 3, MatType.CV_64F, Scalar.All(0));
        m.Set(0, 0, s);
        m.Set(1, 1, s);
        m.Set(0, 2, (1 - s) * cx);
        m.Set(1, 2, (1 - s) * cy);
        var zoomed = new Mat();
        Cv2.WarpAffine(frame, zoomed, m, frame.Size(), InterpolationFlags.Linear, BorderTypes.Replicate);
        return zoomed;
    }

    /// <inheritdoc />
    public void Dispose() => _window.Dispose();
}
