using Lib.Splits.Dataset;
using Lib.Splits.Model;
using Lib.Splits.Predict;
using Lib.Splits.Train;

namespace Lib.Tests.Splits;

/// <summary>A small split classifier trained on place-signal tracks finds the points of a track it never saw.</summary>
public class TrainAndFindTests
{
    internal static readonly SplitsTrainOptions Small = new()
    {
        Samples = new SampleOptions { ClipLength = 24, AugmentedPerSegment = 30, NegativesPerPositive = 2, NearNegativeWindow = 48 },
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
    public void A_trained_classifier_finds_the_held_out_tracks_points_better_than_the_baseline()
    {
        var videos = Videos();
        var fold = TrackFold.For(videos.Select(v => v.TrackId), "c");
        var result = SplitModelTrainer.Train(videos, fold, Small, "place");
        var history = result.History.Epochs;
        Assert.True(history[^1].TrainLoss < history[0].TrainLoss, "the training loss falls");
        Assert.Contains("val_macro_f1", history[0].Metrics.Keys);
        var test = videos.Where(v => v.TrackId == "c").ToList();
        double modelError = 0,
            baselineError = 0;
        int n = 0;
        var perPoint = new double[6];
        foreach (var target in test)
        {
            var scan = ClipVectors.Scan(result.Model, target.Features, stride: 2);
            foreach (var source in test.Where(s => s.RiderId != target.RiderId))
            {
                var found = SplitFinder.Find(result.Model, source.Features, source.Run.Frames, scan).Splits;
                var baseline = ProportionalBaseline.Predict(
                    source.Run.Frames,
                    target.Run.Frames[0],
                    target.Run.Frames[^1]
                );
                for (int k = 0; k < found.Count; k++)
                {
                    modelError += Math.Abs(found[k].Frame - target.Run.Frames[k]);
                    perPoint[k] += Math.Abs(found[k].Frame - target.Run.Frames[k]);
                    baselineError += Math.Abs(baseline[k] - target.Run.Frames[k]);
                    Assert.InRange(found[k].Confidence, 0, 1);
                    if (k > 0)
                        Assert.True(found[k].Frame > found[k - 1].Frame);
                    n++;
                }
            }
        }
        modelError /= n;
        baselineError /= n;
        Assert.True(modelError < baselineError, $"model {modelError:F1} frames, baseline {baselineError:F1}, per point {string.Join(", ", perPoint.Select(e => (e / 6).ToString("F1")))}, val {string.Join(", ", history.Select(h => h.Metrics["val_macro_f1"].ToString("F2")))}");
    }
}
