namespace Lib.Cli.Tests;

/// <summary>
/// lab splits train and lab splits find end to end on the real GoPro fixture clips (not downhill footage: the
/// plumbing, not the accuracy), laid out as two tracks of two riders with six points each.
/// </summary>
public class SplitsModelCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-splits-cli-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private (string Config, string Videos) Layout()
    {
        var clips = Path.Combine(LabRun.Repo, "tests", "fixtures", "splits", "video");
        var videos = Path.Combine(_dir, "videos");
        var yaml = new System.Text.StringBuilder("videos:\n");
        foreach (var track in new[] { "t1", "t2" })
        foreach (var (rider, clip) in new[] { ("karma", "karma.mp4"), ("max", "max-heromode.mp4") })
        {
            Directory.CreateDirectory(Path.Combine(videos, track));
            File.Copy(Path.Combine(clips, clip), Path.Combine(videos, track, rider + ".mp4"));
            yaml.Append($"  - trackId: {track}\n    riderId: {rider}\n    url: file\n    splits:\n");
            foreach (var tc in new[] { "00:01:00", "00:02:12", "00:04:00", "00:05:12", "00:07:00", "00:09:00" })
                yaml.Append($"      - \"{tc}\"\n");
        }
        var config = Path.Combine(_dir, "video_config.yaml");
        File.WriteAllText(config, yaml.ToString());
        return (config, videos);
    }

    [Fact]
    public void Train_then_find_writes_models_per_track_and_preds_csv()
    {
        var (config, videos) = Layout();
        string[] common = ["--config", config, "--videos", videos, "--features", "thumb8x4", "--rate", "4",
            "--cache", Path.Combine(_dir, "cache")];
        var models = Path.Combine(_dir, "models");
        var (code, output, error) = LabRun.Run(null, ["splits", "train", .. common, "--out", models,
            "--runs", Path.Combine(_dir, "runs"), "--epochs", "1", "--hidden", "4", "--compress", "4",
            "--post-lstm", "4", "--clip-length", "4", "--augmented", "3"]);
        Assert.True(code == 0, error + output);
        Assert.True(File.Exists(Path.Combine(models, "t1", "model.json")));
        Assert.True(File.Exists(Path.Combine(models, "t2", "model.safetensors")));
        Assert.Contains("baseline (true ends)", output);

        var preds = Path.Combine(_dir, "out", "preds.csv");
        var viewer = Path.Combine(_dir, "out", "viewer.html");
        (code, output, error) = LabRun.Run(null, ["splits", "find", .. common, "--model", models, "--track", "t2",
            "--all-pairs", "--out", preds, "--viewer", viewer]);
        Assert.True(code == 0, error + output);
        var lines = File.ReadAllLines(preds);
        Assert.Equal("track_id,source_rider,target_rider,split_index,predicted_s,confidence", lines[0]);
        Assert.Equal(1 + 2 * 6, lines.Length); // two ordered pairs × six points
        Assert.All(lines.Skip(1), l => Assert.StartsWith("t2,", l));
        Assert.Contains("data:image/jpeg;base64", File.ReadAllText(viewer));

        (code, _, error) = LabRun.Run(null, ["splits", "find", .. common, "--model", models, "--track", "t2",
            "--out", preds]);
        Assert.NotEqual(0, code);
        Assert.Contains("source and a target", error);
    }
}
