using System.Diagnostics;
using OpenCvSharp;

namespace Lib.Splits.Model;

/// <summary>
/// Refines the points a search found (the coarse answer) by classical image registration at the videos' own frame
/// rate: each target frame within <see cref="FindOptions.RefineWindowSeconds"/> of a coarse split (the ends: within
/// <see cref="FindOptions.RefineEndWindowSeconds"/>) is registered against the source's frame at the annotated point
/// (<see cref="FrameRegistration"/>: phase correlation over a set of zooms), and the point is read off where the
/// horizontal displacement crosses zero (<see cref="LineCrossing"/>: a split while moving, the start at the onset of
/// motion after the still shot, the finish at its end), to a fraction of a frame; the window follows the crossing up
/// to twice when it falls near its edge, and a point with no answer is tried once more with the window doubled; one
/// still without an answer is relocated: every other target frame within
/// <see cref="FindOptions.RefineRelocateSeconds"/> of the coarse answer is registered, and the window is centred on
/// the best-correlated one (a coarse answer seconds off, where the window holds no frame near the place). A
/// point keeps its coarse answer when registration fails (too few frames correlate, as in an occlusion), no forward
/// line is found, or the crossing is more than <see cref="MaxMoveSeconds"/> from the coarse answer;
/// <see cref="Report"/> counts how often. A refined point's confidence is the coarse one folded with the
/// registration's: the share of the window's frames that registered times the share of the samples offered to the
/// line that it kept, as 1 − (1 − coarse)(1 − share). Decoded videos are kept for the next pairs (the last
/// <see cref="KeptVideos"/>).
/// </summary>
public sealed class PointRefiner
{
    /// <summary>A crossing farther than this from the coarse answer (seconds) is not trusted.</summary>
    public const double MaxMoveSeconds = 3.0;

    /// <summary>Decoded videos kept for later pairs.</summary>
    public const int KeptVideos = 6;

    /// <summary>Displacement (px) beyond which a still shot's frame counts as moving.</summary>
    public const double StillThreshold = 1.5;

    private readonly FindOptions _options;
    private readonly Func<string, NativeFrames> _decode;
    private readonly List<(string Path, NativeFrames Frames)> _videos = [];
    private RefineFallback _why;

    /// <summary>A refiner with <paramref name="options"/>' windows and correlation floor; videos are decoded by
    /// <paramref name="decode"/> (default <see cref="NativeFrames.Decode"/>).</summary>
    public PointRefiner(FindOptions? options = null, Func<string, NativeFrames>? decode = null)
    {
        _options = options ?? new FindOptions();
        _decode = decode ?? NativeFrames.Decode;
    }

    /// <summary>What the refinement did so far.</summary>
    public RefineReport Report { get; } = new();

    /// <summary>Refines <paramref name="coarse"/>'s points, found in <paramref name="targetVideo"/> for the source's
    /// points at <paramref name="sourceSeconds"/> of <paramref name="sourceVideo"/>; a point's frame stays a frame of
    /// the coarse search's rate <paramref name="frameRate"/>.</summary>
    /// <exception cref="ArgumentException">The points and the coarse answer differ in number.</exception>
    public SplitSearch Refine(
        string sourceVideo,
        IReadOnlyList<double> sourceSeconds,
        string targetVideo,
        SplitSearch coarse,
        double frameRate
    )
    {
        ArgumentNullException.ThrowIfNull(sourceSeconds);
        ArgumentNullException.ThrowIfNull(coarse);
        if (sourceSeconds.Count != coarse.Splits.Count)
            throw new ArgumentException(
                $"{sourceSeconds.Count} source points but {coarse.Splits.Count} coarse ones to refine."
            );
        var clock = Stopwatch.StartNew();
        var source = Video(sourceVideo);
        var target = Video(targetVideo);
        Report.DecodeSeconds += clock.Elapsed.TotalSeconds;
        clock.Restart();
        var seconds = Refine(source, sourceSeconds, target, coarse.Splits);
        var found = new List<FoundSplit>();
        for (int k = 0; k < seconds.Count; k++)
        {
            var c = coarse.Splits[k];
            if (seconds[k] is not var (s, share))
            {
                found.Add(c);
                continue;
            }
            int frame = (int)Math.Round(s * frameRate);
            found.Add(c with { Frame = frame, Seconds = s, Confidence = 1 - (1 - c.Confidence) * (1 - share) });
        }
        Report.RegisterSeconds += clock.Elapsed.TotalSeconds;
        Report.Pairs++;
        return coarse with { Splits = found };
    }

    /// <summary>Refines each point of <paramref name="coarse"/> (seconds of the target) against the source frames at
    /// <paramref name="sourceSeconds"/>: the refined time and the share of its window's frames the line kept, or null
    /// (the coarse answer stands). Points stay increasing: one that would not is left coarse.</summary>
    public List<(double Seconds, double Share)?> Refine(
        NativeFrames source,
        IReadOnlyList<double> sourceSeconds,
        NativeFrames target,
        IReadOnlyList<FoundSplit> coarse
    )
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        using var registration = new FrameRegistration(target.Width, target.Height, _options.RefineMinCorrelation);
        var result = new List<(double Seconds, double Share)?>();
        double previous = double.NegativeInfinity;
        for (int k = 0; k < coarse.Count; k++)
        {
            int sourceFrame = Math.Clamp((int)Math.Round(sourceSeconds[k] * source.Fps), 0, source.Count - 1);
            using var full = source.Frame(sourceFrame);
            using var reference = registration.Prepare(full);
            var kind = k == 0 ? PointKind.Start : k == coarse.Count - 1 ? PointKind.Finish : PointKind.Split;
            var refined =
                Point(registration, reference, target, coarse[k].Seconds, kind, 1)
                ?? Point(registration, reference, target, coarse[k].Seconds, kind, 2); // a wider window once
            if (refined is null && Relocate(registration, reference, target, coarse[k].Seconds) is { } place)
            {
                var why = _why;
                refined = Point(registration, reference, target, place, kind, 1);
                if (refined is null)
                    _why = why; // the reason near the coarse answer stands
                else
                    Report.Relocated++;
            }
            if (refined is null)
                Report.Fallbacks[_why]++;
            Report.Points++;
            if (refined is { } r && r.Seconds <= previous)
            {
                Report.Fallbacks[RefineFallback.Order]++;
                refined = null;
            }
            if (refined is not null)
                Report.Refined++;
            result.Add(refined);
            previous = refined?.Seconds ?? coarse[k].Seconds;
        }
        return result;
    }

    /// <summary>Where the target's view is most like the source's within
    /// <see cref="FindOptions.RefineRelocateSeconds"/> of <paramref name="coarseSeconds"/> (every
    /// <see cref="RelocateStride"/>th frame registered; seconds), or null when none correlates by at least
    /// <see cref="RelocateMinCorrelation"/> or relocation is off.</summary>
    double? Relocate(FrameRegistration registration, Mat reference, NativeFrames target, double coarseSeconds)
    {
        double reach = _options.RefineRelocateSeconds * target.Fps;
        if (!(reach > 0))
            return null;
        double centre = coarseSeconds * target.Fps;
        int lo = Math.Max(0, (int)Math.Floor(centre - reach)),
            hi = Math.Min(target.Count - 1, (int)Math.Ceiling(centre + reach));
        (int Frame, double Response) best = (-1, RelocateMinCorrelation);
        for (int i = lo; i <= hi; i += RelocateStride)
        {
            using var full = target.Frame(i);
            using var f = registration.Prepare(full);
            Report.Registrations++;
            if (registration.Register(reference, f) is { } r && r.Response >= best.Response)
                best = (i, r.Response);
        }
        return best.Frame < 0 ? null : best.Frame / target.Fps;
    }

    (double Seconds, double Share)? Point(
        FrameRegistration registration,
        Mat reference,
        NativeFrames target,
        double coarseSeconds,
        PointKind kind,
        double widen
    )
    {
        double fps = target.Fps;
        double half =
            widen * (kind == PointKind.Split ? _options.RefineWindowSeconds : _options.RefineEndWindowSeconds) * fps;
        var displacements = new Dictionary<int, double?>();
        double? hint = null;
        double? Displacement(int frame)
        {
            if (displacements.TryGetValue(frame, out var d))
                return d;
            using var full = target.Frame(frame);
            using var f = registration.Prepare(full);
            Report.Registrations++;
            var r = registration.Register(reference, f, hint);
            if (r is { } found)
                hint = found.Scale;
            return displacements[frame] = r?.Displacement;
        }
        double centre = coarseSeconds * fps;
        LineCrossing.Crossing? crossing = null;
        int windowFrames = 0,
            registered = 0;
        for (int round = 0; round < 3; round++)
        {
            int lo = Math.Max(0, (int)Math.Floor(centre - half)),
                hi = Math.Min(target.Count - 1, (int)Math.Ceiling(centre + half));
            var samples = new List<(double Time, double Displacement)>();
            for (int i = lo; i <= hi; i++)
                if (Displacement(i) is { } d)
                    samples.Add((i, d));
            windowFrames = hi - lo + 1;
            registered = samples.Count;
            if (samples.Count < windowFrames / 2)
            {
                _why = RefineFallback.Registration;
                return null;
            }
            crossing = kind switch
            {
                PointKind.Start => LineCrossing.Start(samples, StillThreshold, MinSlope, fps / 2, MaxDisplacement),
                PointKind.Finish => LineCrossing.Finish(samples, StillThreshold, MinSlope, fps / 2, MaxDisplacement),
                _ => LineCrossing.Split(samples, MinSlope, MaxDisplacement),
            };
            if (crossing is not { } c)
            {
                _why = RefineFallback.NoCrossing;
                return null;
            }
            if (Math.Abs(c.Time - coarseSeconds * fps) > MaxMoveSeconds * fps)
            {
                _why = RefineFallback.TooFar;
                return null;
            }
            if (Math.Abs(c.Time - centre) <= half / 2)
                break;
            centre = c.Time;
        }
        var found = crossing!.Value;
        double share = found.Inliers / (double)found.Samples * registered / windowFrames;
        return (found.Time / fps, Math.Min(1, share));
    }

    NativeFrames Video(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        int at = _videos.FindIndex(v => v.Path == full);
        if (at >= 0)
        {
            var kept = _videos[at];
            _videos.RemoveAt(at);
            _videos.Add(kept);
            return kept.Frames;
        }
        if (!File.Exists(full))
            throw new FileNotFoundException($"No video to refine against: expected {full}.", full);
        var frames = _decode(full);
        _videos.Add((full, frames));
        if (_videos.Count > KeptVideos)
            _videos.RemoveAt(0);
        return frames;
    }

    /// <summary>Relocation registers every this many frames.</summary>
    const int RelocateStride = 2;

    /// <summary>Relocation needs a frame correlating at least this well (frames of one place peak at 0.7–0.96,
    /// another place at 0.1–0.25, noise at up to 0.18).</summary>
    const double RelocateMinCorrelation = 0.3;

    /// <summary>The least forward speed (px per frame) a crossing's line may have.</summary>
    const double MinSlope = 0.05;

    /// <summary>Displacements beyond this (px) are too far from the place to register reliably.</summary>
    const double MaxDisplacement = 80;

    enum PointKind
    {
        Start,
        Split,
        Finish,
    }
}
