using Lib.Splits.Dataset;
using Lib.Splits.Evaluate;
using Lib.Splits.Model;
using Lib.Splits.Train;
using Lib.Tracking;
using Lib.Workflow;

namespace Lib.Tests.Splits;

/// <summary>
/// The train step, the model folder and the evaluation on place-signal tracks: a small classifier trained without
/// track c finds c's points for every ordered pair better than the proportional baseline given c's true start and
/// finish.
/// </summary>
public class TrainAndFindTests
{
    internal static readonly SplitsTrainOptions Small = new()
    {
        Samples = new SampleOptions
        {
            ClipLength = 24,
            AugmentedPerSegment = 30,
            NegativesPerPositive = 2,
            NegativeMinGap = 12, // 0.5 s: these sequences are at 24 fps
            NearNegativeWindow = 48,
        },
        CompressSizes = [16],
        HiddenSize = 16,
        PostLstmSizes = [16],
        Dropout = 0.1f,
        LearningRate = 3e-3,
        Epochs = 6,
        BatchSize = 32,
    };

    internal static List<SplitVideo> Videos() =>
        [
            .. new[] { "a", "b", "c" }.SelectMany(
                (t, i) => PlaceVideos.Track(t, 3, 10 + i).Select(v => new SplitVideo(v.Run, v.Features))
            ),
        ];

    [Fact]
    public void A_model_trained_without_a_track_finds_its_points_better_than_the_baseline()
    {
        using var dir = new TempDir();
        var videos = Videos();
        var folds = SplitsTrainStep.Run(
            new SplitsTrainRequest
            {
                Videos = videos,
                Feature = "place",
                Options = Small,
                OutputFolder = Path.Combine(dir.Path, "models"),
                TestTracks = ["c"],
                RunsFolder = Path.Combine(dir.Path, "runs"),
            }
        );
        var fold = Assert.Single(folds);
        Assert.Equal(["b"], fold.Fold.TrainTracks);
        Assert.Equal("a", fold.Fold.ValidationTrack); // the next track after c, cyclically
        var history = fold.History.Epochs;
        Assert.True(history[^1].TrainLoss < history[0].TrainLoss, "the training loss falls");
        Assert.Contains("val_macro_f1", history[0].Metrics.Keys);
        Assert.True(File.Exists(Path.Combine(fold.Folder, "checkpoints", "last.safetensors")));
        var run = new TrackingStore(Path.Combine(dir.Path, "runs")).Run(fold.RunId!);
        Assert.Equal("c", run.Params["test_track"]);

        var loaded = SplitModel.Load(fold.Folder);
        Assert.Equal([.. fold.Model.Inputs.Scale.Mean], loaded.Inputs.Scale.Mean.ToArray());
        Assert.Equal([.. fold.Model.Inputs.Scale.Std], loaded.Inputs.Scale.Std.ToArray());
        // planted features without videos: the search alone, no refinement by registration
        var evaluation = SplitsEvaluateStep.Run(
            [loaded],
            videos,
            new FindOptions { Stride = 2, Refine = PointRefine.None }
        );
        Assert.Equal(6 * 6, evaluation.Points.Count); // 6 ordered pairs × 6 points
        Assert.All(evaluation.Points, p => Assert.InRange(p.Confidence, 0, 1));
        foreach (var pair in evaluation.Points.GroupBy(p => (p.SourceRider, p.TargetRider)))
            Assert.True(pair.Zip(pair.Skip(1)).All(x => x.Second.ModelSeconds > x.First.ModelSeconds));
        var scores = evaluation.Scores.Where(s => s.Track == "c").ToDictionary(s => s.Method);
        Assert.True(
            scores["model"].MaeSeconds < scores["baseline (true ends)"].MaeSeconds,
            string.Join("; ", scores.Values.Select(s => $"{s.Method} {s.MaeSeconds:F2} s"))
        );
        Assert.Equal(6, evaluation.Scores.Count); // c and all, 3 methods each
    }

    [Fact]
    public void A_fold_resumes_from_its_last_checkpoint_and_a_file_needs_one_fold()
    {
        using var dir = new TempDir();
        var request = new SplitsTrainRequest
        {
            Videos = Videos(),
            Feature = "place",
            Options = Small with { Epochs = 2, MaxTrainPairs = 64 },
            OutputFolder = Path.Combine(dir.Path, "models"),
            TestTracks = ["c"],
        };
        var first = Assert.Single(SplitsTrainStep.Run(request));
        var resumed = Assert.Single(SplitsTrainStep.Run(
            request with { Options = request.Options with { Epochs = 3 }, ResumeFrom = ResumePoint.Last }));
        Assert.Equal(3, resumed.History.Epochs.Count);
        Assert.Equal(first.History.Epochs[1].TrainLoss, resumed.History.Epochs[1].TrainLoss, 9);

        var missing = Assert.Throws<FileNotFoundException>(() => SplitsTrainStep.Run(
            request with { OutputFolder = Path.Combine(dir.Path, "none"), ResumeFrom = ResumePoint.Last }));
        Assert.Contains(Path.Combine(dir.Path, "none", "c", "checkpoints", "last.safetensors"), missing.Message);
        var file = Path.Combine(first.Folder, "checkpoints", "last.safetensors");
        Assert.Contains("would start them all from the same weights", Assert.Throws<ArgumentException>(
            () => SplitsTrainStep.Run(request with { TestTracks = null, ResumeFrom = file })).Message);
    }

    [Fact]
    public void Evaluation_refuses_a_model_that_saw_its_test_track()
    {
        var videos = Videos();
        var fold = TrackFold.For(videos.Select(v => v.TrackId), "c");
        var quick = Small with { Epochs = 1, MaxTrainPairs = 64 };
        var model = SplitModelTrainer.Train(videos, fold with { TestTrack = "a" }, quick, "place").Model;
        var e = Assert.Throws<ArgumentException>(() => SplitsEvaluateStep.Run([model], videos));
        Assert.Contains("trained or validated on it", e.Message);
    }
}
