using Lib.Tracking;

namespace Lib.Cli.Tests;

/// <summary>
/// lab tune splits end to end on the real GoPro fixture clips laid out as three tracks of two riders (train, validate,
/// test): tiny trials on thumbnail features, read back on a second call, a study recorded with other settings refused,
/// and the search's error as the objective with the original's frame position inputs on.
/// </summary>
public class SplitsTuneCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-splits-tune-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private string[] Common()
    {
        var clips = Path.Combine(LabRun.Repo, "tests", "fixtures", "splits", "video");
        var videos = Path.Combine(_dir, "videos");
        var config = Path.Combine(_dir, "video_config.yaml");
        if (!File.Exists(config))
        {
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
            File.WriteAllText(config, yaml.ToString());
        }
        return ["tune", "splits", "--config", config, "--videos", videos, "--features", "thumb8x4", "--rate", "4",
            "--cache", Path.Combine(_dir, "cache"), "--runs", Path.Combine(_dir, "runs"), "--epochs", "1",
            "--hidden", "4", "--compress", "4", "--post-lstm", "4", "--clip-length-range", "4",
            "--num-augmented-range", "3", "--max-train-pairs", "64"];
    }

    [Fact]
    public void Two_trials_print_the_table_and_the_train_line_resume_and_a_mismatched_study_is_refused()
    {
        string[] tune = [.. Common(), "--alpha-range", "0.5:0.5:1", "--add-position-feature", "false"];
        var (code, output, error) = LabRun.Run(null, tune);
        Assert.True(code == 0, error + output);
        Assert.Contains("val_macro_f1", output);
        Assert.Contains("best so far", output);
        Assert.Contains("2 trials, 0 read back from earlier runs, 2 run now; judged on t2 (test t1 unseen).", output);
        Assert.Matches(@"Best: trial [01], val_macro_f1 \d\.\d{3} with alpha=(0\.5|1), clip_length=4, num_augmented=3",
            output);
        Assert.Matches(@"Train it with: lab splits train --config \S+ --videos \S+ --features thumb8x4 --rate 4 "
            + @"--cache \S+ --test-track t1 --epochs 1 .* --clip-length 4 --augmented 3 --alpha-split-0 0\.5 "
            + @"--alpha (0\.5|1) --beta-split-0 0\.5 --beta 0\.5", output.ReplaceLineEndings(" "));
        var runs = new TrackingStore(Path.Combine(_dir, "runs")).Runs("splits-tuning");
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal(RunStatus.Finished, r.Status));
        Assert.All(runs, r => Assert.Equal("t2", r.Params["validation_tracks"]));
        Assert.Equal(["0.5", "1"], runs.Select(r => r.Params["alpha"]).Order());
        Assert.All(runs, r => Assert.Equal("4", r.Params["clip_length"]));

        (code, output, error) = LabRun.Run(null, tune);
        Assert.True(code == 0, error + output);
        Assert.Contains("2 trials, 2 read back from earlier runs, 0 run now", output);
        Assert.Equal(2, new TrackingStore(Path.Combine(_dir, "runs")).Runs("splits-tuning").Count);

        (code, _, error) = LabRun.Run(null, [.. tune, "--lr", "0.01"]);
        Assert.Equal(1, code);
        Assert.Contains("Study 'splits'", error);
        Assert.Contains("was recorded with learning_rate=0.001", error);
        Assert.Equal(2, new TrackingStore(Path.Combine(_dir, "runs")).Runs("splits-tuning").Count);
    }

    [Fact]
    public void The_search_error_objective_scores_the_validation_track_in_seconds_with_the_position_inputs()
    {
        var (code, output, error) = LabRun.Run(null, [.. Common(), "--beta-range", "1", "--objective", "mae",
            "--study", "by-mae", "--add-position-feature", "true", "--add-percent-completion-feature", "true"]);
        Assert.True(code == 0, error + output);
        Assert.Contains("1 trials, 0 read back", output);
        Assert.Matches(@"Best: trial 0, val_search_mae_s \d+\.\d{3} with beta=1, clip_length=4, num_augmented=3, "
            + "add_position_feature=True, add_percent_completion_feature=True", output);
        Assert.Contains("--add-position-feature --add-percent-completion-feature --clip-length 4",
            output.ReplaceLineEndings(" "));
        Assert.Contains("--beta 1 --search align --align-on frames --place-on features --fit-window 2 --end-window 4 "
            + "--end-gap 0 --stride 1", output.ReplaceLineEndings(" "));
        var run = Assert.Single(new TrackingStore(Path.Combine(_dir, "runs")).Runs("splits-tuning"));
        Assert.Equal("by-mae", run.Tags["lab.study"]);
        Assert.True(run.Metrics.ContainsKey("val_macro_f1"));
        Assert.True(run.Metrics.ContainsKey("val_search_within_05"));
    }

    [Theory]
    [InlineData("--add-position-feature", "yes", "--add-position-feature takes true and/or false; got 'yes'")]
    [InlineData("--alpha-range", "0.5:0:1", "--alpha-range '0.5:0:1': Parameter 'alpha': '0.5:0:1': the step must be positive")]
    [InlineData("--beta-split-0-range", "0.5:0.1", "--beta-split-0-range '0.5:0.1': Parameter 'beta_split_0': '0.5:0.1' is not a range start:step:end")]
    [InlineData("--objective", "loss", "--objective must be f1 or mae")]
    public void A_wrong_command_line_exits_2_naming_the_option(string option, string value, string message)
    {
        var (code, _, error) = LabRun.Run(null, [.. Common(), option, value]);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.False(Directory.Exists(Path.Combine(_dir, "runs")));
    }
}
