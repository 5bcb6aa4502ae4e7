using Lib.Splits.Dataset;
using Lib.Splits.Model;
using Lib.Splits.Train;

namespace Lib.Tests.Splits;

/// <summary>The alignment search's parts on planted sequences whose answer is known exactly: dynamic time warping,
/// placing a frame between source frames, and the line read off at each point.</summary>
public class AlignmentTests
{
    [Fact]
    public void Time_warping_recovers_a_planted_warp()
    {
        // source frames carry distinct values; the target repeats and skips some, and each target frame's source is
        // known
        var source = Enumerable.Range(0, 40).Select(i => (double)i * i % 37 + 0.1 * i).ToArray();
        int[] origin = [0, 0, 0, 1, 2, 4, 5, 6, 6, 7, 9, 11, 12, 13, 14, 14, 14, 15, 17, 18, 20, 21, 22, 24, 26, 27,
            28, 29, 30, 31, 33, 34, 35, 36, 37, 38, 39, 39];
        int n = source.Length,
            m = origin.Length;
        var cost = new float[n * m];
        for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            cost[i * m + j] = (float)Math.Abs(source[i] - source[origin[j]]);
        var path = MonotoneAlignment.Align(cost, n, m);
        Assert.Equal((0, 0), path[0]);
        Assert.Equal((n - 1, m - 1), path[^1]);
        foreach (var (a, b) in path.Zip(path.Skip(1)))
        {
            Assert.InRange(b.Source - a.Source, 0, 1);
            Assert.InRange(b.Target - a.Target, 0, 1);
            Assert.True(b != a);
        }
        for (int j = 0; j < m; j++) // every planted pair is on the path
            Assert.Contains((origin[j], j), path);
        var sourceOfTarget = MonotoneAlignment.SourceOfTarget(path, m);
        for (int j = 1; j < m - 1; j++) // and a target frame's source lies between its neighbours' planted ones
            Assert.InRange(sourceOfTarget[j], origin[j - 1], origin[j + 1]);
        // a source frame the target skipped lies between its neighbours' targets
        var targetOfSource = MonotoneAlignment.TargetOfSource(path, n);
        Assert.True(targetOfSource.Zip(targetOfSource.Skip(1)).All(p => p.Second >= p.First));
    }

    [Fact]
    public void Time_warping_refuses_a_wrong_size_or_a_cost_that_is_not_finite()
    {
        Assert.Throws<ArgumentException>(() => MonotoneAlignment.Align(new float[5], 2, 3));
        var e = Assert.Throws<ArgumentException>(() => MonotoneAlignment.Align([0, 1, float.NaN, 2], 2, 2));
        Assert.Contains("source frame 1 at target frame 0", e.Message);
    }

    /// <summary>Unit vectors on a circle, frame i at angle 0.02·i: the cosine distance is smooth in the position.
    /// </summary>
    static float[] Circle(IEnumerable<double> positions) =>
        [.. positions.SelectMany(u => new[] { (float)Math.Cos(0.02 * u), (float)Math.Sin(0.02 * u) })];

    [Fact]
    public void A_target_frame_is_placed_between_source_frames()
    {
        var source = Circle(Enumerable.Range(0, 60).Select(i => (double)i));
        double[] truth = [0, 3.25, 10.5, 10.8, 30.1, 45.45, 59];
        var target = Circle(truth);
        var centre = truth.Select(u => Math.Round(u) + (u > 20 ? 2 : 0)).ToArray(); // a path two frames off
        var placed = PlaceTrack.Positions(source, target, 2, centre, radius: 3);
        for (int j = 0; j < truth.Length; j++)
            Assert.InRange(placed[j], truth[j] - 0.02, truth[j] + 0.02);
        Assert.Throws<ArgumentException>(() => PlaceTrack.Positions(source, target, 2, centre[1..], 3));
    }

    [Fact]
    public void A_point_is_read_off_a_line_through_the_frames_around_it()
    {
        // target frame j sits at source position (j − 10) / 1.5 + 20 between frames 10 and 70, still before and after
        var positions = new List<double>();
        for (int j = 0; j < 90; j++)
            positions.Add(j < 10 ? 20 : j > 70 ? 60 : 20 + (j - 10) / 1.5);
        positions[30] += 3; // an outlier the fit drops
        double[] points = [20, 31.7, 60];
        var frames = PointFit.Locate(positions, points, window: 8, fallback: _ => double.NaN);
        Assert.Equal(10, frames[0], 6); // the start: only frames after it, not the still shot before
        Assert.Equal(10 + 1.5 * 11.7, frames[1], 6);
        Assert.Equal(70, frames[2], 6); // the finish: only frames before it
        var lonely = PointFit.Locate([0, 50], [0, 25, 50], 4, p => -p);
        Assert.Equal(-25, lonely[1]); // fewer than three frames near: the fallback
    }

    [Fact]
    public void The_ends_are_the_interior_line_extrapolated_past_a_gap_and_within_their_own_window()
    {
        // target frame j sits at source position (j − 10) / 1.5 + 20 between frames 10 and 70, still before and after;
        // three frames of each still shot are placed a little into the run (shake and zoom read as motion), as at
        // a real start and finish
        var positions = new List<double>();
        for (int j = 0; j < 90; j++)
            positions.Add(j < 10 ? 20 : j > 70 ? 60 : 20 + (j - 10) / 1.5);
        (positions[7], positions[8], positions[9]) = (20.6, 20.9, 21.2);
        (positions[73], positions[72], positions[71]) = (59.4, 59.1, 58.8);
        double[] points = [20, 40, 60];
        var near = PointFit.Locate(positions, points, window: 8, fallback: _ => double.NaN);
        Assert.True(Math.Abs(near[0] - 10) > 0.05 && Math.Abs(near[2] - 70) > 0.05); // the bad frames pull the ends
        var gapped = PointFit.Locate(positions, points, 8, _ => double.NaN, endGap: 2, endWindow: 12);
        Assert.Equal(10, gapped[0], 6);
        Assert.Equal(10 + 1.5 * 20, gapped[1], 6); // a middle point keeps its two-sided window
        Assert.Equal(70, gapped[2], 6);
        // the end window alone decides how far the ends reach: a bend 6 positions in is outside a window of 5
        var bent = positions.Select((u, j) => j > 10 && j < 70 && u > 26 && u < 54 ? u + 0.8 * (u - 26) : u).ToList();
        var short_ = PointFit.Locate(bent, [20, 60], 8, _ => double.NaN, endGap: 2, endWindow: 5);
        Assert.Equal(10, short_[0], 6);
        Assert.Throws<ArgumentOutOfRangeException>(() => PointFit.Locate(positions, points, 8, p => p, 3, 2));
    }

    [Fact]
    public void The_end_cut_keeps_only_the_frames_between_leaving_the_start_and_reaching_the_finish()
    {
        // still shots of 10 and 19 frames, a few of whose frames are placed a position into the run; the last frame
        // of the first shot and the first of the last are placed at the shot's place
        var positions = new List<double>();
        for (int j = 0; j < 90; j++)
            positions.Add(j < 10 ? 20 : j > 70 ? 60 : 20 + (j - 10) / 1.5);
        (positions[6], positions[7], positions[8]) = (20.6, 20.9, 21.2);
        (positions[74], positions[73], positions[72]) = (59.4, 59.1, 58.8);
        double[] points = [20, 40, 60];
        var plain = PointFit.Locate(positions, points, 8, _ => double.NaN, endWindow: 8);
        var cut = PointFit.Locate(positions, points, 8, _ => double.NaN, endWindow: 8, endCut: true);
        Assert.True(Math.Abs(plain[0] - 10) > 0.05 && Math.Abs(plain[2] - 70) > 0.05);
        Assert.Equal(10, cut[0], 6);
        Assert.Equal(plain[1], cut[1], 9); // a middle point is not cut
        Assert.Equal(70, cut[2], 6);
    }

    [Fact]
    public void Pairwise_logits_equal_the_network_on_each_pair_and_the_aligner_keeps_the_order()
    {
        var videos = TrainAndFindTests.Videos();
        var fold = TrackFold.For(videos.Select(v => v.TrackId), "c");
        var quick = TrainAndFindTests.Small with { Epochs = 1, MaxTrainPairs = 64 };
        var model = SplitModelTrainer.Train(videos, fold, quick, "place").Model;
        var (source, target) = (videos[^1], videos[^2]);
        var a = ClipVectors.Scan(model, source.Features);
        var b = ClipVectors.Scan(model, target.Features);
        var all = model.PairwiseLogits(a.Vectors, b.Vectors);
        int m = target.Features.FrameCount;
        foreach (int i in new[] { 0, 17, source.Features.FrameCount - 1 })
        {
            var row = model.Score(a.Vectors.Select(0, i), b.Vectors);
            for (int j = 0; j < m; j++)
                Assert.Equal(row[j], all[i * m + j], 4);
        }
        var search = SplitAligner.Find(model, a, source.Run.Positions, b);
        Assert.Equal(source.Run.Frames.Count, search.Splits.Count);
        Assert.True(search.Splits.Zip(search.Splits.Skip(1)).All(p => p.Second.Seconds > p.First.Seconds));
        Assert.All(search.Splits, p => Assert.InRange(p.Confidence, 0, 1));
        var strided = ClipVectors.Scan(model, target.Features, stride: 2);
        Assert.Throws<ArgumentException>(() => SplitAligner.Find(model, a, source.Run.Positions, strided));
    }
}
