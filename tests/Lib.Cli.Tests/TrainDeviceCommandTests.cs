using System.Globalization;
using System.Text.Json.Nodes;
using Lib.Tracking;

namespace Lib.Cli.Tests;

/// <summary>
/// <c>--device torch-cpu</c> on <c>lab football train</c>, <c>lab paragliding train</c> and <c>lab splits train</c>:
/// the model trained on the TorchSharp twin is saved as the engine saves one (the card names the device), and the
/// engine (<c>--device cpu</c>) then predicts or finds from that folder — the checkpoint moves sides. <c>cuda</c>
/// without the CUDA build is a usage error that says how to get it, before any data is read.
/// </summary>
[Collection(TrainDeviceCollection.Name)]
public class TrainDeviceCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-train-device-").FullName;

    public TrainDeviceCommandTests() => TorchSharp.torch.set_num_threads(1); // a busy 2-core machine: no spinning

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static (int Code, string Out, string Err) Lab(params string[] args) => LabRun.Run(null, args);

    private static string Device(string modelFolder) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(modelFolder, "model.json")))!["training"]!["options"]!["device"]!
            .GetValue<string>();

    private static void SameNumbers(string expectedCsv, string actualCsv, int firstNumber, double tolerance)
    {
        var expected = File.ReadAllLines(expectedCsv);
        var actual = File.ReadAllLines(actualCsv);
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(expected[0], actual[0]);
        for (int i = 1; i < expected.Length; i++)
        {
            var e = expected[i].Split(',');
            var a = actual[i].Split(',');
            Assert.Equal(e[..firstNumber], a[..firstNumber]);
            for (int k = firstNumber; k < e.Length; k++)
                Assert.True(
                    Math.Abs(double.Parse(e[k], CultureInfo.InvariantCulture) - double.Parse(a[k], CultureInfo.InvariantCulture))
                        <= tolerance,
                    $"line {i + 1}, column {k + 1}: cpu {e[k]}, torch-cpu {a[k]}");
        }
    }

    [Fact]
    public void Football_trains_on_the_twin_and_the_engine_forecasts_from_its_folder()
    {
        var model = Path.Combine(_dir, "football");
        var runs = Path.Combine(_dir, "mlruns");
        var (code, output, error) = Lab("football", "train", "--config", "sanity", "--max-epochs", "2", "--device",
            "torch-cpu", "--model", model, "--cache", Path.Combine(_dir, "cache"), "--runs", runs);
        Assert.True(code == 0, error);
        Assert.Contains("Trained 2 epochs", output);
        Assert.Equal("torch-cpu", Device(model));
        Assert.True(File.Exists(Path.Combine(model, "checkpoints", "last.safetensors")));
        var run = Assert.Single(new TrackingStore(runs).Runs("football-sanity"));
        Assert.Equal("torch-cpu", run.Params["device"]);
        Assert.Equal(2, run.Metrics["train_loss"].Count);

        var fixtures = Path.Combine(LabRun.Repo, "tests", "fixtures", "football");
        var cuts = Path.Combine(_dir, "cuts.csv");
        File.WriteAllText(cuts, "game_id,play_id,cut_frame\n2018011401,4497,140\n");
        string Predict(string device)
        {
            var csv = Path.Combine(_dir, device + ".csv");
            var (c, _, e) = Lab("football", "predict", "--model", model, "--input",
                Path.Combine(fixtures, "one_play.csv.gz"), "--plays", Path.Combine(fixtures, "plays.csv"), "--cuts",
                cuts, "--out", csv, "--device", device);
            Assert.True(c == 0, e);
            return csv;
        }
        SameNumbers(Predict("torch-cpu"), Predict("cpu"), 5, 0.011); // yards, written with 2 decimals
    }

    [Fact]
    public void Paragliding_trains_on_the_twin_in_bf16_mixed()
    {
        var model = Path.Combine(_dir, "paragliding-bf16");
        var (code, output, error) = Lab("paragliding", "train", "--out", model, "--epochs", "1", "--device",
            "torch-cpu", "--precision", "bf16-mixed", "--runs", Path.Combine(_dir, "mlruns"), "--shards",
            Path.Combine(_dir, "shards"));
        Assert.True(code == 0, error);
        Assert.Contains("of 1 epochs", output);
        Assert.Equal("torch-cpu", Device(model));
        (code, _, error) = Lab("paragliding", "train", "--out", Path.Combine(_dir, "never"), "--precision",
            "bf16-mixed");
        Assert.Equal(2, code); // the engine computes in float32 only
        Assert.Contains("needs --device torch-cpu or cuda", error);
        Assert.False(Directory.Exists(Path.Combine(_dir, "never")));
    }

    [Fact]
    public void Paragliding_trains_on_the_twin_and_the_engine_scores_from_its_folder()
    {
        var model = Path.Combine(_dir, "paragliding");
        var (code, output, error) = Lab("paragliding", "train", "--out", model, "--epochs", "2", "--device",
            "torch-cpu", "--runs", Path.Combine(_dir, "mlruns"), "--shards", Path.Combine(_dir, "shards"));
        Assert.True(code == 0, error);
        Assert.Contains("of 2 epochs", output);
        Assert.Equal("torch-cpu", Device(model));
        var pairs = Path.Combine(_dir, "pairs.csv");
        File.WriteAllText(pairs, "site_id,date\ncfd01,2017-07-15\ncfd02,2017-07-18\ncfd01,2016-05-02\n");
        string Predict(string device)
        {
            var csv = Path.Combine(_dir, device + ".csv");
            var (c, _, e) = Lab("paragliding", "predict", "--model", model, "--pairs", pairs, "--out", csv, "--device",
                device);
            Assert.True(c == 0, e);
            return csv;
        }
        SameNumbers(Predict("torch-cpu"), Predict("cpu"), 2, 1e-4);
    }

    [Fact]
    public void Splits_trains_on_the_twin_and_the_engine_finds_with_its_models()
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
        string[] common = ["--config", config, "--videos", videos, "--features", "thumb8x4", "--rate", "4",
            "--cache", Path.Combine(_dir, "cache")];
        var models = Path.Combine(_dir, "models");
        var (code, output, error) = Lab(["splits", "train", .. common, "--out", models, "--runs",
            Path.Combine(_dir, "runs"), "--epochs", "2", "--hidden", "4", "--compress", "4", "--post-lstm", "4",
            "--clip-length", "4", "--augmented", "3", "--device", "torch-cpu"]);
        Assert.True(code == 0, error + output);
        Assert.Equal("torch-cpu", Device(Path.Combine(models, "t2")));
        Assert.True(File.Exists(Path.Combine(models, "t2", "checkpoints", "last.safetensors")));

        string Find(string device)
        {
            var preds = Path.Combine(_dir, device + ".csv");
            var (c, o, e) = Lab(["splits", "find", .. common, "--model", models, "--track", "t2", "--all-pairs",
                "--out", preds, "--device", device]);
            Assert.True(c == 0, e + o);
            Assert.Equal(1 + 2 * 6, File.ReadAllLines(preds).Length); // two ordered pairs × six points
            return preds;
        }
        // the same encoders on either side: the same points (a frame at 4 fps is 0.25 s) and confidences
        SameNumbers(Find("cpu"), Find("torch-cpu"), 4, 0.01);
    }

    [Theory]
    [InlineData("football", "--model")]
    [InlineData("paragliding", "--out")]
    [InlineData("splits", "--out")]
    [InlineData("splits find --model models", "--out")]
    public void Cuda_without_the_cuda_build_says_how_to_get_it(string sport, string output)
    {
        var command = sport.Contains(' ') ? sport.Split(' ') : [sport, "train"];
        var (code, _, error) = Lab([.. command, "--device", "cuda", output, Path.Combine(_dir, "never")]);
        Assert.Equal(2, code);
        Assert.Contains("-p:TorchBackend=cuda", error);
        Assert.Contains("TorchSharp-cuda-linux", error);
        Assert.False(Directory.Exists(Path.Combine(_dir, "never")));
    }
}

/// <summary>Runs <see cref="TrainDeviceCommandTests"/> after the parallel tests, alone: each trains on LibTorch in this
/// process, and once, run beside the other torch command tests, the paragliding run failed inside LibTorch's
/// <c>Scalar::toFloat</c> on a Scalar of no known kind (it passed alone, and on the command line).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TrainDeviceCollection
{
    public const string Name = "torch training commands";
}
