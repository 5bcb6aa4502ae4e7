using System.Globalization;

namespace Lib.Cli.Tests;

/// <summary><c>lab football predict --device</c>: a model trained on the engine (the sanity config) forecasts the same
/// paths on its TorchSharp twin (<c>torch-cpu</c>), and an unknown device is a usage error.</summary>
public class FootballDeviceCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-football-device-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Lab(params string[] args) => LabRun.Run(null, args);

    [Fact]
    public void Predict_on_torch_cpu_gives_the_engines_forecasts()
    {
        var model = Path.Combine(_dir, "model");
        var (code, _, error) = Lab(
            "football", "train", "--config", "sanity", "--model", model, "--cache", Path.Combine(_dir, "cache"),
            "--runs", Path.Combine(_dir, "mlruns"));
        Assert.True(code == 0, error);
        var fixtures = Path.Combine(LabRun.Repo, "tests", "fixtures", "football");
        var cuts = Path.Combine(_dir, "cuts.csv");
        File.WriteAllText(cuts, "game_id,play_id,cut_frame\n2018011401,4497,140\n2018011401,4497,160\n");
        string Predict(string device, string output)
        {
            var (c, o, e) = Lab(
                "football", "predict", "--model", model, "--input", Path.Combine(fixtures, "one_play.csv.gz"),
                "--plays", Path.Combine(fixtures, "plays.csv"), "--cuts", cuts, "--out", output, "--device", device);
            Assert.True(c == 0, e);
            return o;
        }
        var onEngine = Path.Combine(_dir, "engine.csv");
        var onTorch = Path.Combine(_dir, "torch.csv");
        Assert.DoesNotContain("TorchSharp", Predict("cpu", onEngine));
        Assert.Contains("(the TorchSharp twin on torch-cpu).", Predict("torch-cpu", onTorch));

        var expected = File.ReadAllLines(onEngine);
        var actual = File.ReadAllLines(onTorch);
        Assert.True(expected.Length > 100, $"{expected.Length} lines");
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(expected[0], actual[0]);
        for (int i = 1; i < expected.Length; i++)
        {
            var e = expected[i].Split(',');
            var a = actual[i].Split(',');
            Assert.Equal(e[..5], a[..5]); // game, play, cut, player, step
            for (int k = 5; k < e.Length; k++) // x, y in yards, written with 2 decimals
                Assert.True(
                    Math.Abs(double.Parse(e[k], CultureInfo.InvariantCulture) - double.Parse(a[k], CultureInfo.InvariantCulture))
                        <= 0.011,
                    $"line {i + 1}, column {k + 1}: engine {e[k]}, torch-cpu {a[k]}");
        }

        var (bad, _, message) = Lab(
            "football", "predict", "--model", model, "--input", Path.Combine(fixtures, "one_play.csv.gz"),
            "--plays", Path.Combine(fixtures, "plays.csv"), "--cuts", cuts, "--out", onTorch, "--device", "tpu");
        Assert.Equal(2, bad);
        Assert.Contains("--device", message);
    }
}
