using Lib.Splits.Dataset;
using Lib.Splits.Evaluate;
using Lib.Splits.Model;
using Lib.Splits.Train;

namespace Lib.Tests.Splits;

/// <summary>
/// The original's optional frame position inputs (<c>utils.add_features_to_clip</c>): the frame index and the share
/// through the video appended to each frame, recorded in the model folder and appended again when the model scans a
/// video.
/// </summary>
public class FramePositionsTests
{
    [Fact]
    public void The_index_and_the_share_through_the_video_are_appended_in_that_order()
    {
        var video = FeatureSequence.FromRows([[1f, 2f], [3f, 4f], [5f, 6f], [7f, 8f]], 8);
        var both = FramePositions.Append(video, position: true, percentCompletion: true);
        Assert.Equal(4, both.Dim);
        Assert.Equal(8, both.Fps);
        Assert.Equal([5f, 6f, 2f, 0.5f], both.Frame(2).ToArray()); // np.arange(n) and np.arange(n) / n
        Assert.Equal([7f, 8f, 0.75f], FramePositions.Append(video, false, true).Frame(3).ToArray());
        Assert.Equal([3f, 4f, 1f], FramePositions.Append(video, true, false).Frame(1).ToArray());
        Assert.Same(video, FramePositions.Append(video, false, false));
    }

    [Fact]
    public void A_model_trained_with_them_keeps_them_in_its_folder_and_appends_them_when_it_searches()
    {
        using var dir = new TempDir();
        var videos = TrainAndFindTests.Videos();
        var fold = TrackFold.For(videos.Select(v => v.TrackId), "c");
        var options = TrainAndFindTests.Small with
        {
            Epochs = 1,
            MaxTrainPairs = 64,
            AddPositionFeature = true,
            AddPercentCompletionFeature = true,
        };
        var model = SplitModelTrainer.Train(videos, fold, options, "place").Model;
        int dim = videos[0].Features.Dim;
        Assert.Equal(dim + 2, model.Network.Config.InputSize);
        Assert.Equal(dim + 2, model.Inputs.Scale.Mean.Count);
        model.Save(dir.Path);
        var loaded = SplitModel.Load(dir.Path);
        Assert.True(loaded.Inputs.AddPositionFeature);
        Assert.True(loaded.Inputs.AddPercentCompletionFeature);
        var scan = ClipVectors.Scan(loaded, videos[0].Features);
        Assert.Equal(dim + 2, scan.Video.Dim);
        // the cached features, as the CLI reads them (no video files here to refine against)
        var evaluation = SplitsEvaluateStep.Run([loaded], videos, new FindOptions { Refine = PointRefine.None });
        Assert.Equal(6 * 6, evaluation.Points.Count);
    }
}
