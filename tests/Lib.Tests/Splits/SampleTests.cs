using Lib.Splits.Dataset;

namespace Lib.Tests.Splits;

/// <summary>Clip pairs with the original's parameters, leave-one-track-out folds and clip windows.</summary>
public class SampleTests
{
    static readonly RunSplits Source = new("t", "a", [48, 200, 400, 600, 800, 1000], 1048);
    static readonly RunSplits Target = new("t", "b", [48, 300, 500, 700, 900, 1200], 1248);

    [Fact]
    public void Classifier_pairs_follow_the_original_counts_and_labels()
    {
        var options = new SampleOptions { AugmentedPerSegment = 10, NegativesPerPositive = 2 };
        var pairs = ClipPairSampler.Classifier(Source, Target, options, new Random(1));
        Assert.Equal(6, pairs.Count(p => p.Kind == SampleKind.Split));
        Assert.Equal(50, pairs.Count(p => p.Kind == SampleKind.Augmented));
        Assert.Equal(2 * 56, pairs.Count(p => p.Kind == SampleKind.Negative));
        Assert.All(pairs, p => Assert.Equal(p.Kind == SampleKind.Negative ? 0 : 1, p.Label));
        // points pair exactly
        var splits = pairs.Where(p => p.Kind == SampleKind.Split).ToList();
        Assert.Equal(Source.Frames, splits.Select(p => p.SourceFrame));
        Assert.Equal(Target.Frames, splits.Select(p => p.TargetFrame));
        // augmented positives sit at the same fraction of their segment
        foreach (var p in pairs.Where(p => p.Kind == SampleKind.Augmented))
            Assert.InRange(p.TargetFrame - Target.MatchingFrame(Source, p.SourceFrame), -0.5, 0.5);
        // negatives keep the gap from their positive's matching frame
        for (int i = 0; i < pairs.Count; i++)
            if (pairs[i].Kind == SampleKind.Negative)
            {
                var positive = pairs.Take(i).Last(p => p.Label == 1);
                Assert.Equal(positive.SourceFrame, pairs[i].SourceFrame);
                Assert.True(Math.Abs(pairs[i].TargetFrame - positive.TargetFrame) >= options.NegativeMinGap);
            }
    }

    [Fact]
    public void Beta_half_half_puts_augmented_positives_near_the_segment_ends()
    {
        var pairs = ClipPairSampler.Classifier(
            Source,
            Target,
            new SampleOptions { AugmentedPerSegment = 200 },
            new Random(3)
        );
        var fractions = pairs
            .Where(p => p.Kind == SampleKind.Augmented && p.SourceFrame > 200)
            .Select(p =>
            {
                int k = Source.Frames.ToList().FindLastIndex(f => f <= p.SourceFrame);
                return (p.SourceFrame - Source.Frames[k]) / 200.0;
            })
            .ToList();
        // Beta(0.5, 0.5): P(f < 0.1 or f > 0.9) = 0.41, P(0.4 < f < 0.6) = 0.13
        double ends = fractions.Count(f => f < 0.1 || f > 0.9) / (double)fractions.Count;
        double middle = fractions.Count(f => f > 0.4 && f < 0.6) / (double)fractions.Count;
        Assert.InRange(ends, 0.33, 0.49);
        Assert.InRange(middle, 0.08, 0.18);
    }

    [Fact]
    public void Ignore_first_split_and_the_original_minimum_frame()
    {
        var options = new SampleOptions
        {
            IgnoreFirstSplit = true,
            FromVideoStart = false,
            NegativeMinGap = 0,
            AugmentedPerSegment = 20,
        };
        var pairs = ClipPairSampler.Classifier(Source, Target, options, new Random(2));
        Assert.DoesNotContain(pairs, p => p.Kind == SampleKind.Split && p.SourceFrame == 48);
        Assert.Equal(5, pairs.Count(p => p.Kind == SampleKind.Split));
        // the original: nothing but points ends before the first point + F − 1
        Assert.All(pairs.Where(p => p.Kind != SampleKind.Split), p => Assert.True(p.SourceFrame >= 48 + 49));
        Assert.All(pairs.Where(p => p.Kind == SampleKind.Negative), p => Assert.True(p.TargetFrame >= 48 + 49));
    }

    [Fact]
    public void Regressor_labels_are_offsets_to_the_matching_frame_and_never_overlap()
    {
        var options = new SampleOptions { AugmentedPerSegment = 5, NonOverlappingSamples = 40 };
        var pairs = ClipPairSampler.Regressor(Source, Target, options, new Random(4));
        var far = pairs.Where(p => p.Kind == SampleKind.NonOverlapping).ToList();
        Assert.Equal(40, far.Count);
        Assert.All(
            far,
            p =>
            {
                Assert.Equal(Math.Round(Target.MatchingFrame(Source, p.SourceFrame)) - p.TargetFrame, p.Label);
                Assert.True(Math.Abs(p.Label) >= options.ClipLength);
            }
        );
        Assert.All(pairs.Where(p => p.Kind != SampleKind.NonOverlapping), p => Assert.Equal(0, p.Label));
    }

    [Fact]
    public void The_same_seed_draws_the_same_pairs_and_another_seed_others()
    {
        var videos = PlaceVideos.Track("x", 3, 1).Concat(PlaceVideos.Track("y", 3, 2)).Select(v => v.Run).ToList();
        var fold = TrackFold.LeaveOneTrackOut(["x", "y"])[0];
        var a = SplitsDatasetStep.Run(videos, fold, new SampleOptions { AugmentedPerSegment = 5 });
        var b = SplitsDatasetStep.Run(videos, fold, new SampleOptions { AugmentedPerSegment = 5 });
        var c = SplitsDatasetStep.Run(videos, fold, new SampleOptions { AugmentedPerSegment = 5, Seed = 2 });
        Assert.Equal(a.Train, b.Train);
        Assert.NotEqual(a.Train, c.Train);
        Assert.Equal(6 * 6, a.Train.Count(p => p.Kind == SampleKind.Split)); // 6 ordered pairs × 6 points
        Assert.Equal(6 * 5 * 5, a.Train.Count(p => p.Kind == SampleKind.Augmented));
        Assert.DoesNotContain(a.Test, p => p.Kind == SampleKind.Augmented);
        Assert.Equal(5, a.Counts().Rows.Count); // train: 3 kinds; test: points and negatives
    }

    [Fact]
    public void Leave_one_track_out_never_trains_or_validates_on_the_test_track()
    {
        var folds = TrackFold.LeaveOneTrackOut(["c", "a", "b", "d", "a"]);
        Assert.Equal(["a", "b", "c", "d"], folds.Select(f => f.TestTrack));
        foreach (var f in folds)
        {
            Assert.DoesNotContain(f.TestTrack, f.TrainTracks);
            Assert.NotEqual(f.TestTrack, f.ValidationTrack);
            Assert.DoesNotContain(f.ValidationTrack!, f.TrainTracks);
            Assert.Equal(2, f.TrainTracks.Count);
        }
        Assert.Equal("b", folds[0].ValidationTrack);
        Assert.Null(TrackFold.LeaveOneTrackOut(["a", "b"])[0].ValidationTrack);
        Assert.Throws<ArgumentException>(() => TrackFold.LeaveOneTrackOut(["a"]));
        var videos = PlaceVideos.Track("a", 2, 1).Concat(PlaceVideos.Track("b", 2, 2)).Concat(PlaceVideos.Track("c", 2, 3));
        var samples = SplitsDatasetStep.Run([.. videos.Select(v => v.Run)], TrackFold.For(["a", "b", "c"], "b"), new());
        Assert.All(samples.Train, p => Assert.Equal("a", p.TrackId));
        Assert.All(samples.Validation, p => Assert.Equal("c", p.TrackId));
        Assert.All(samples.Test, p => Assert.Equal("b", p.TrackId));
    }

    [Fact]
    public void Clips_end_at_their_frame_and_repeat_the_first_frame_before_the_video()
    {
        var f = FeatureSequence.FromRows([.. Enumerable.Range(0, 10).Select(i => new float[] { i, -i })], 24);
        var clips = ClipWindows.Build([(f, 2), (f, 9)], 4);
        Assert.Equal([2, 4, 2], clips.Shape);
        Assert.Equal([0f, 0, 0, 0, 1, -1, 2, -2, 6, -6, 7, -7, 8, -8, 9, -9], clips.ToArray());
        var scaled = ClipWindows.Build([(f, 9)], 1, new FeatureScale([1f, 0f], [2f, 1f]));
        Assert.Equal([4f, -9f], scaled.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => ClipWindows.Build([(f, 10)], 4));
    }

    [Fact]
    public void Runs_refuse_points_out_of_order_or_outside_the_video()
    {
        var e = Assert.Throws<ArgumentException>(() => new RunSplits("t", "r", [5, 5, 9], 20));
        Assert.Contains("point 1 (frame 5) is not after point 0", e.Message);
        e = Assert.Throws<ArgumentException>(() => new RunSplits("t", "r", [5, 25], 20));
        Assert.Contains("outside the video's 20 frames", e.Message);
        var bad = new SampleOptions { Alpha = 0 };
        Assert.Throws<ArgumentException>(() => ClipPairSampler.Classifier(Source, Target, bad, new Random(1)));
        e = Assert.Throws<ArgumentException>(() =>
            ClipPairSampler.Classifier(Source, new RunSplits("u", "b", [1, 2], 3), new(), new Random(1))
        );
        Assert.Contains("one track", e.Message);
    }
}
