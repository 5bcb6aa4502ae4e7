namespace Lib.Cli.Tests;

/// <summary><c>lab splits synth</c> and <c>lab splits videos</c>: a one-rider synthetic data set, then its features.</summary>
public class SplitsVideoCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-splits-video-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Synth_writes_videos_and_their_truth_and_videos_featurises_them()
    {
        var synth = Path.Combine(_dir, "synth");
        var (code, output, error) = LabRun.Run(null, ["splits", "synth", "--out", synth, "--tracks", "1", "--riders", "1", "--seed", "5"]);
        Assert.True(code == 0, error);
        var videos = Directory.GetFiles(Path.Combine(synth, "synth_01"), "*.mp4");
        Assert.Single(videos);
        Assert.True(File.Exists(Path.Combine(synth, "video_config.yaml")) && File.Exists(Path.Combine(synth, "synth.json")));
        Assert.Contains("Wrote 1 videos", output);
        Assert.Contains(Path.GetFileNameWithoutExtension(videos[0]), File.ReadAllText(Path.Combine(synth, "video_config.yaml")));

        var cache = Path.Combine(_dir, "cache");
        (code, output, error) = LabRun.Run(null, ["splits", "videos", "--from", synth, "--rate", "2", "--features", "thumb8x4", "--cache", cache]);
        Assert.True(code == 0, error);
        Assert.Contains("320×180", output);
        Assert.Contains("24/1", output);
        Assert.Contains("Featurised", output);
        (code, output, _) = LabRun.Run(null, ["splits", "videos", "--from", synth, "--rate", "2", "--features", "thumb8x4", "--cache", cache]);
        Assert.Equal(0, code);
        Assert.Contains("cached", output);
    }

    [Fact]
    public void Videos_from_a_folder_without_videos_fails_saying_the_layout()
    {
        var (code, _, error) = LabRun.Run(null, ["splits", "videos", "--from", _dir, "--cache", Path.Combine(_dir, "cache")]);
        Assert.NotEqual(0, code);
        Assert.Contains("<track_id>/<rider_id>.mp4", error);
    }
}
