using Lib.Splits.Dataset;

namespace Lib.Tests.Splits;

/// <summary>
/// Feature sequences made without video, for the tests only: a track is a smooth random "place" signal along a
/// position x in [0, T] (8 features, sums of sinusoids of x), a rider travels it with a smooth random speed after a
/// two-second start shot and stays at T for a two-second end shot, and each frame's features are the place signal at
/// the rider's x plus noise. The annotated points are the frames where x first reaches fixed fractions of T (the
/// start is the start shot's last frame), as in the lab's synthetic traversals.
/// </summary>
internal static class PlaceVideos
{
    public const double Fps = 24;
    public const int Dim = 8;
    static readonly double[] Fractions = [0, 0.22, 0.41, 0.63, 0.8, 1];

    public sealed record Video(RunSplits Run, FeatureSequence Features);

    /// <summary><paramref name="riders"/> riders of track <paramref name="track"/>, each 300–520 frames long.</summary>
    public static List<Video> Track(string track, int riders, int seed, double noise = 0.05)
    {
        var rng = new Random(seed);
        // the place signal: per feature 3 sinusoids of x with periods 0.05–0.4 of the track
        var amp = new double[Dim, 3];
        var period = new double[Dim, 3];
        var phase = new double[Dim, 3];
        for (int j = 0; j < Dim; j++)
        for (int m = 0; m < 3; m++)
        {
            amp[j, m] = 0.5 + rng.NextDouble();
            period[j, m] = 0.05 + 0.35 * rng.NextDouble();
            phase[j, m] = 2 * Math.PI * rng.NextDouble();
        }
        float Place(int j, double x)
        {
            double v = 0;
            for (int m = 0; m < 3; m++)
                v += amp[j, m] * Math.Sin(2 * Math.PI * x / period[j, m] + phase[j, m]);
            return (float)v;
        }
        var videos = new List<Video>();
        for (int r = 0; r < riders; r++)
        {
            int moving = 250 + rng.Next(220);
            double p1 = 2 * Math.PI * rng.NextDouble(),
                p2 = 2 * Math.PI * rng.NextDouble();
            var speed = Enumerable
                .Range(0, moving)
                .Select(i => 1 + 0.4 * Math.Sin(2 * Math.PI * i / 260.0 + p1) + 0.15 * Math.Sin(2 * Math.PI * i / 57.0 + p2))
                .ToArray();
            double total = speed.Sum();
            var xs = new List<double>();
            for (int i = 0; i < 48; i++)
                xs.Add(0);
            double acc = 0;
            foreach (var s in speed)
            {
                acc += s / total;
                xs.Add(Math.Min(1, acc));
            }
            xs[^1] = 1;
            for (int i = 0; i < 48; i++)
                xs.Add(1);
            var frames = new int[Fractions.Length];
            frames[0] = 47;
            for (int k = 1; k < Fractions.Length; k++)
                frames[k] = xs.FindIndex(x => x >= Fractions[k] - 1e-12);
            var rows = xs.Select(x =>
                    Enumerable.Range(0, Dim).Select(j => Place(j, x) + (float)(noise * Normal(rng))).ToArray()
                )
                .ToList();
            var run = new RunSplits(track, $"rider{r}", frames, xs.Count);
            videos.Add(new Video(run, FeatureSequence.FromRows(rows, Fps)));
        }
        return videos;
    }

    static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
