using Lib.Tensors;

namespace Lib.Splits.Ingest;

/// <summary>
/// Everything random about one rider's video, drawn once (recipe steps 6–11): the timing, the path x(t), the camera
/// of every frame, three occlusions, the brightness factor of every whole second and the seed of the pixel noise.
/// Rendering it (<see cref="FrameRenderer"/>) needs only this and the track's strip.
/// </summary>
public sealed class RiderPlan
{
    /// <summary>Occlusions per run.</summary>
    public const int OcclusionCount = 3;

    private readonly double[] _brightness;

    private RiderPlan(
        RiderTiming timing,
        TraversalPath path,
        CameraFrame[] camera,
        Occlusion[] occlusions,
        double[] brightness,
        long noiseSeed
    )
    {
        Timing = timing;
        Path = path;
        Camera = camera;
        Occlusions = occlusions;
        _brightness = brightness;
        NoiseSeed = noiseSeed;
    }

    /// <summary>The rider's timing: F0..F5 and the frame count.</summary>
    public RiderTiming Timing { get; }

    /// <summary>The view's position per frame.</summary>
    public TraversalPath Path { get; }

    /// <summary>The camera of every frame.</summary>
    public IReadOnlyList<CameraFrame> Camera { get; }

    /// <summary>The three occlusions, in time order.</summary>
    public IReadOnlyList<Occlusion> Occlusions { get; }

    /// <summary>The brightness factors drawn at whole seconds 0, 1, 2 …</summary>
    public IReadOnlyList<double> BrightnessKnots => _brightness;

    /// <summary>The seed of the frames' Gaussian noise.</summary>
    public long NoiseSeed { get; }

    /// <summary>Draws a rider's plan on a track whose split positions are <paramref name="x"/>.</summary>
    public static RiderPlan Draw(RiderTiming timing, IReadOnlyList<int> x, Generator random)
    {
        ArgumentNullException.ThrowIfNull(timing);
        var path = TraversalPath.Draw(timing, x, random);
        int n = timing.FrameCount;
        var zoom = SmoothWave.Draw(random, 4, 15, 0, n - 1);
        var drift = SmoothWave.Draw(random, 4, 15, 0, n - 1);
        var camera = new CameraFrame[n];
        for (int i = 0; i < n; i++)
        {
            int shake = random.NextInt(9) - 4;
            camera[i] = new CameraFrame(
                600 + 40 * zoom.At(i),
                path.Positions[i] + SynthRecipe.HalfWindow,
                SynthRecipe.StripHeight / 2.0 + 20 * drift.At(i) + shake
            );
        }
        var occlusions = DrawOcclusions(timing, random);
        var brightness = new double[n / SynthRecipe.Fps + 2];
        for (int s = 0; s < brightness.Length; s++)
            brightness[s] = 0.9 + 0.2 * random.NextDouble();
        return new RiderPlan(timing, path, camera, occlusions, brightness, (long)random.NextUInt64());
    }

    /// <summary>The brightness factor of frame <paramref name="frame"/>: linear between the whole seconds'
    /// draws.</summary>
    public double Brightness(int frame)
    {
        double ts = frame / (double)SynthRecipe.Fps;
        int s = (int)Math.Floor(ts);
        double w = ts - s;
        return _brightness[s] * (1 - w) + _brightness[s + 1] * w;
    }

    /// <summary>The occlusion strength e of frame <paramref name="frame"/> (0 when not occluded).</summary>
    public double OcclusionStrength(int frame)
    {
        foreach (var o in Occlusions)
        {
            double e = o.Strength(frame);
            if (e > 0)
                return e;
        }
        return 0;
    }

    /// <summary>
    /// Three occlusions of round(24·u) frames, u uniform in 0.2–0.5 s, starting uniformly in F0..F5 − n, each drawn
    /// again until every occluded frame is at least 24 frames from each of F0..F5 and from the other occlusions.
    /// </summary>
    private static Occlusion[] DrawOcclusions(RiderTiming timing, Generator random)
    {
        var f = timing.PointFrames;
        for (int restart = 0; restart < 1000; restart++)
        {
            var chosen = new List<Occlusion>();
            for (int attempt = 0; attempt < 10_000 && chosen.Count < OcclusionCount; attempt++)
            {
                int n = (int)
                    Math.Round(SynthRecipe.Fps * (0.2 + 0.3 * random.NextDouble()), MidpointRounding.AwayFromZero);
                int start = f[0] + random.NextInt(f[5] - n - f[0] + 1);
                var o = new Occlusion(start, n);
                bool farFromPoints = f.All(p => o.Start - p >= SynthRecipe.Fps || p - o.End >= SynthRecipe.Fps);
                bool farFromOthers = chosen.All(c =>
                    o.Start - c.End >= SynthRecipe.Fps || c.Start - o.End >= SynthRecipe.Fps
                );
                if (farFromPoints && farFromOthers)
                    chosen.Add(o);
            }
            if (chosen.Count == OcclusionCount)
                return [.. chosen.OrderBy(o => o.Start)];
        }
        throw new InvalidOperationException("No three occlusions fit the recipe's spacing in this run.");
    }
}
