using System.Text.Json.Nodes;
using Lib.Tracking;

namespace Lib.Cli.Tests;

/// <summary>
/// <c>--device torch-cpu</c> on <c>lab track</c> and <c>lab climbing</c> train and predict: a model trained on the
/// TorchSharp twin is saved as the engine saves one, and a model folder predicts the same on either device (tiny
/// epochs; the parity of the twins themselves is tested in Lib.Torch.Tests).
/// </summary>
public class TorchDeviceCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-torch-device-").FullName;

    public TorchDeviceCommandTests() => TorchSharp.torch.set_num_threads(1); // a busy 2-core machine: no spinning

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Lab(params string[] args) => LabRun.Run(null, args);

    private static double Forecast(string output) =>
        double.Parse(
            System.Text.RegularExpressions.Regex.Match(output, @"Triple Jump: (\d+\.\d+)m").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture
        );

    [Fact]
    public void Track_trains_on_the_twin_and_either_device_reads_either_model()
    {
        string Train(string device)
        {
            var folder = Path.Combine(_dir, device, "model");
            var (code, output, error) = Lab("track", "train", "--smoke", "--epochs", "2", "--gender", "women",
                "--device", device, "--out", folder, "--cache", Path.Combine(_dir, "cache"),
                "--runs", Path.Combine(_dir, device, "mlruns"));
            Assert.True(code == 0, error);
            Assert.Contains($"Saved the women's model to {Path.Combine(folder, "women")}.", output);
            var run = Assert.Single(new TrackingStore(Path.Combine(_dir, device, "mlruns")).Runs("track"));
            Assert.Equal(device, run.Params["device"]);
            Assert.Equal(2, run.Metrics["train_loss"].Count);
            return folder;
        }
        var torchModel = Train("torch-cpu");
        var engineModel = Train("cpu");
        var card = JsonNode.Parse(File.ReadAllText(Path.Combine(torchModel, "women", "model.json")))!;
        Assert.Equal("torch-cpu", card["training"]!["options"]!["device"]!.GetValue<string>());

        var marks = Path.Combine(_dir, "tj.txt");
        File.WriteAllText(marks, "2026-03-28, 12.80\n2026-04-11, 13.05\n2026-04-25, 13.20, +1.2\n");
        foreach (var model in new[] { torchModel, engineModel })
        {
            double Predict(string device)
            {
                var (code, output, error) = Lab("track", "predict", "--model", model, "--gender", "women", "--label",
                    "outdoor", "--event", "Triple Jump", "--marks-file", marks, "--device", device);
                Assert.True(code == 0, error);
                return Forecast(output);
            }
            Assert.Equal(Predict("cpu"), Predict("torch-cpu"), 2); // printed to the centimetre
        }
    }

    [Fact]
    public void Climbing_trains_on_the_twin_and_either_device_grades_the_same()
    {
        var model = Path.Combine(_dir, "climbing-model");
        var (code, output, error) = Lab("climbing", "train", "--out", model, "--epochs", "1", "--d-model", "16",
            "--heads", "2", "--layers", "1", "--ff", "32", "--max-train-routes", "300", "--device", "torch-cpu",
            "--cache", Path.Combine(_dir, "climbing-cache"), "--runs", Path.Combine(_dir, "climbing-runs"));
        Assert.True(code == 0, error);
        foreach (var file in new[] { "model.safetensors", "model.json", "metrics.json", "predictions.csv" })
            Assert.True(File.Exists(Path.Combine(model, file)), file);
        Assert.Contains("linear baseline", output);

        string Grade(string device)
        {
            var csv = Path.Combine(_dir, $"grades-{device}.csv");
            var (c, _, e) = Lab("climbing", "predict", "--model", model, "--input",
                Path.Combine(LabRun.Repo, "data", "climbing", "moonboard", "smchase_raw_2016-40.json"), "--out", csv,
                "--device", device);
            Assert.True(c == 1, e); // 3 records of the file are refused, as on the engine
            return File.ReadAllText(csv);
        }
        var onEngine = Grade("cpu").Split('\n');
        var onTwin = Grade("torch-cpu").Split('\n');
        Assert.Equal(onEngine.Length, onTwin.Length);
        Assert.True(onEngine.Length > 400);
        var same = onEngine.Zip(onTwin).Count(p => p.First == p.Second);
        Assert.True(same >= onEngine.Length - 2, $"{onEngine.Length - same} rows differ"); // a last-digit tie at most
    }

    [Theory]
    [InlineData("track")]
    [InlineData("climbing")]
    public void Cuda_without_the_cuda_build_says_how_to_get_it(string sport)
    {
        var (code, _, error) = Lab(sport, "train", "--device", "cuda", "--out", Path.Combine(_dir, "never"));
        Assert.Equal(2, code);
        Assert.Contains("-p:TorchBackend=cuda", error);
        Assert.Contains("TorchSharp-cuda-linux", error);
        Assert.False(Directory.Exists(Path.Combine(_dir, "never")));
    }

    [Theory]
    [InlineData("track", "torch-cpu", "16-mixed", "on a CPU use --precision bf16-mixed")]
    [InlineData("track", "cpu", "16-mixed", "the engine (--device cpu) computes in float32 only")]
    [InlineData("track", "cpu", "bf16-mixed", "needs --device torch-cpu or cuda")]
    [InlineData("track", "cuda", "16-mixed", "-p:TorchBackend=cuda")] // accepted; this build has no CUDA
    public void Mixed_precision_is_refused_with_the_reason(string sport, string device, string precision,
        string reason)
    {
        string[] output = sport == "track" ? ["--out", Path.Combine(_dir, "never")] : []; // football: no --out
        var (code, _, error) = Lab([sport, "train", "--device", device, "--precision", precision, .. output]);
        Assert.Equal(2, code);
        Assert.Contains(reason, error);
        Assert.False(Directory.Exists(Path.Combine(_dir, "never")));
    }

    [Fact]
    public void Track_trains_the_twin_in_bf16_mixed_on_torch_cpu_and_saves_float32_weights()
    {
        var folder = Path.Combine(_dir, "bf16", "model");
        var (code, output, error) = Lab("track", "train", "--smoke", "--epochs", "2", "--gender", "women",
            "--device", "torch-cpu", "--precision", "bf16-mixed", "--out", folder, "--cache",
            Path.Combine(_dir, "cache"), "--runs", Path.Combine(_dir, "bf16", "mlruns"));
        Assert.True(code == 0, error);
        Assert.Contains($"Saved the women's model to {Path.Combine(folder, "women")}.", output);
        var run = Assert.Single(new TrackingStore(Path.Combine(_dir, "bf16", "mlruns")).Runs("track"));
        Assert.All(run.Metrics["train_loss"], m => Assert.True(double.IsFinite(m.Value)));
        var marks = Path.Combine(_dir, "tj-bf16.txt");
        File.WriteAllText(marks, "2026-03-28, 12.80\n2026-04-11, 13.05\n");
        var (predicted, forecast, predictError) = Lab("track", "predict", "--model", folder, "--gender", "women",
            "--label", "outdoor", "--event", "Triple Jump", "--marks-file", marks);
        Assert.True(predicted == 0, predictError); // the engine reads the float32 weights the twin's masters saved
        Assert.InRange(Forecast(forecast), 10, 17);
    }

    [Fact]
    public void An_unknown_device_names_the_three()
    {
        var (code, _, error) = Lab("climbing", "predict", "--model", _dir, "--device", "tpu", "E6:start");
        Assert.Equal(2, code);
        Assert.Contains("--device: Device 'tpu' is not one of cpu", error);
    }
}
