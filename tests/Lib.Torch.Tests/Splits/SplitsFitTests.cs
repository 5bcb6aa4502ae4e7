using Lib.Splits.Dataset;
using Lib.Splits.Domain;
using Lib.Splits.Train;
using Lib.Torch.Splits;
using Lib.Workflow;
using Xunit.Abstractions;

namespace Lib.Torch.Tests.Splits;

/// <summary>
/// The real GoPro fixture clips (<c>tests/fixtures/splits/video</c>: not downhill footage, so the plumbing rather than
/// the accuracy) laid out as three tracks of two riders with six points each, with thumb8x4 features at 4 fps.
/// </summary>
public sealed class SplitsFitData : IDisposable
{
    private readonly TempFolder _dir = new();

    public SplitsFitData()
    {
        var clips = Path.Combine(RepoPaths.Root, "tests", "fixtures", "splits", "video");
        var videos = Path.Combine(_dir.Path, "videos");
        var yaml = new System.Text.StringBuilder("videos:\n");
        foreach (var track in new[] { "t1", "t2", "t3" })
        foreach (var (rider, clip) in new[] { ("karma", "karma.mp4"), ("max", "max-heromode.mp4") })
        {
            Directory.CreateDirectory(Path.Combine(videos, track));
            File.Copy(Path.Combine(clips, clip), Path.Combine(videos, track, rider + ".mp4"));
            yaml.Append($"  - trackId: {track}\n    riderId: {rider}\n    url: file\n    splits:\n");
            foreach (var tc in new[] { "00:01:00", "00:02:12", "00:04:00", "00:05:12", "00:07:00", "00:09:00" })
                yaml.Append($"      - \"{tc}\"\n");
        }
        var config = Path.Combine(_dir.Path, "video_config.yaml");
        File.WriteAllText(config, yaml.ToString());
        Videos = SplitVideos.Load(
            VideoConfigYaml.Read(config),
            videos,
            SplitVideos.FeatureSource(Path.Combine(_dir.Path, "cache"), "thumb8x4", 4)
        );
        Fold = TrackFold.For(["t1", "t2", "t3"], "t3");
    }

    public List<SplitVideo> Videos { get; }

    public TrackFold Fold { get; }

    public void Dispose() => _dir.Dispose();
}

/// <summary>
/// <see cref="TorchSplitsFit"/> against <see cref="SplitModelTrainer.Engine"/>: the same seeded run (3 epochs,
/// dropout off so both sides draw no masks) follows the same losses and validation metrics on either side, for the
/// classifier and the regressor; a twin run resumed from its last checkpoint equals the uninterrupted one.
/// </summary>
public class SplitsFitTests(SplitsFitData data, ITestOutputHelper log) : IClassFixture<SplitsFitData>
{
    private static readonly SplitsTrainOptions Tiny = new()
    {
        Samples = new SampleOptions { ClipLength = 4, AugmentedPerSegment = 3 },
        CompressSizes = [8],
        HiddenSize = 8,
        PostLstmSizes = [8],
        Dropout = 0f,
        LearningRate = 3e-3,
        Epochs = 3,
        BatchSize = 8,
        Patience = 5,
    };

    static SplitsFitTests() => TorchSharp.torch.set_num_threads(1);

    [Theory]
    [InlineData(SampleTask.Classifier)]
    [InlineData(SampleTask.Regressor)]
    public void The_twin_trains_as_the_engine_does(SampleTask task)
    {
        var options = Tiny with { Task = task };
        Assert.Equal("t1", data.Fold.ValidationTrack); // the next track after t3, cyclically
        var engine = SplitModelTrainer.Train(data.Videos, data.Fold, options, "thumb8x4");
        var twin = SplitModelTrainer.Train(
            data.Videos,
            data.Fold,
            options,
            "thumb8x4",
            fit: TorchSplitsFit.On(ComputeDevice.TorchCpu)
        );
        Assert.Contains(SplitModelTrainer.Monitor, engine.History.Epochs[0].Metrics.Keys);
        FitParity.Close(engine.History, twin.History, 1e-4, task.ToString(), log);
        Assert.Equal("torch-cpu", twin.Model.Card.Training.Options["device"]);
    }

    [Fact]
    public void The_twin_encodes_the_clips_lab_splits_find_scans_as_the_engine_does()
    {
        var model = SplitModelTrainer.Train(data.Videos, data.Fold, Tiny with { Epochs = 1 }, "thumb8x4").Model;
        var video = data.Videos[0].Features;
        int[] ends = [.. Enumerable.Range(0, video.FrameCount).Where(i => i % 3 == 0)];
        var engineClips = model.EncodeClips(video, ends).ToArray();
        var engineFrames = model.EmbedFrames(video);
        TorchSplitsRunner.Use(model, ComputeDevice.TorchCpu);
        Assert.NotNull(model.Runner);
        Parity.Close(engineClips, model.EncodeClips(video, ends).ToArray(), Parity.Outputs, "clip vectors", log);
        Parity.Close(engineFrames, model.EmbedFrames(video), Parity.Outputs, "compressed frames", log);
        TorchSplitsRunner.Use(model, ComputeDevice.Cpu);
        Assert.Null(model.Runner);
    }

    [Fact]
    public void A_twin_run_resumed_from_its_last_checkpoint_equals_the_uninterrupted_run()
    {
        using var dir = new TempFolder();
        var fit = TorchSplitsFit.On(ComputeDevice.TorchCpu);
        var whole = SplitModelTrainer.Train(data.Videos, data.Fold, Tiny, "thumb8x4", checkpoints: Path.Combine(dir.Path, "whole"), fit: fit);
        var folder = Path.Combine(dir.Path, "parts");
        SplitModelTrainer.Train(data.Videos, data.Fold, Tiny with { Epochs = 2 }, "thumb8x4", checkpoints: folder, fit: fit);
        var resumed = SplitModelTrainer.Train(data.Videos, data.Fold, Tiny, "thumb8x4", checkpoints: folder, fit: fit, resumeFrom: "last");
        FitParity.Resumed(whole.History, resumed.History, log);
        Parity.Close(
            whole.Model.Network.Parameters().SelectMany(p => p.ToArray()).ToArray(),
            resumed.Model.Network.Parameters().SelectMany(p => p.ToArray()).ToArray(),
            1e-6,
            "weights",
            log
        );
    }
}
