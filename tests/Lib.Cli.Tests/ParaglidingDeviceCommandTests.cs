using System.Globalization;

namespace Lib.Cli.Tests;

/// <summary><c>lab paragliding predict --device</c>: a model trained on the engine scores the same pairs with the same
/// probabilities on its TorchSharp twin (<c>torch-cpu</c>), from <c>--pairs</c> and from <c>--grib</c>, and an unknown
/// device is a usage error.</summary>
public class ParaglidingDeviceCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-paragliding-device-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Lab(params string[] args) => LabRun.Run(null, args);

    [Fact]
    public void Predict_on_torch_cpu_gives_the_engines_probabilities()
    {
        var model = Path.Combine(_dir, "model");
        var (code, _, error) = Lab(
            "paragliding", "train", "--out", model, "--epochs", "1", "--runs", Path.Combine(_dir, "mlruns"),
            "--shards", Path.Combine(_dir, "shards"));
        Assert.True(code == 0, error);
        var pairs = Path.Combine(_dir, "pairs.csv");
        File.WriteAllText(pairs, "site_id,date\ncfd01,2017-07-15\ncfd02,2017-07-18\ncfd01,2016-05-02\n");
        var onEngine = Path.Combine(_dir, "engine.csv");
        var onTorch = Path.Combine(_dir, "torch.csv");
        (code, var engineOutput, error) = Lab("paragliding", "predict", "--model", model, "--pairs", pairs, "--out", onEngine);
        Assert.True(code == 0, error);
        Assert.Contains("3 site-days scored, 0 refused.", engineOutput);
        (code, var output, error) = Lab(
            "paragliding", "predict", "--model", model, "--pairs", pairs, "--out", onTorch, "--device", "torch-cpu");
        Assert.True(code == 0, error);
        Assert.Contains("3 site-days scored (the TorchSharp twin on torch-cpu)", output);

        Assert.Equal(4, AssertSameProbabilities(onEngine, onTorch));

        // the GEFS file's 84 launches on its valid date, scored on the twin as on the engine
        var grib = Path.Combine(LabRun.Repo, "data", "paragliding", "weather", "geavg.t06z.pgrb2a.0p50.f006");
        (code, _, error) = Lab("paragliding", "predict", "--model", model, "--grib", grib, "--out", onEngine);
        Assert.True(code == 0, error);
        (code, output, error) = Lab(
            "paragliding", "predict", "--model", model, "--grib", grib, "--out", onTorch, "--device", "torch-cpu");
        Assert.True(code == 0, error);
        Assert.Contains("84 site-days scored (the TorchSharp twin on torch-cpu)", output);
        Assert.Equal(85, AssertSameProbabilities(onEngine, onTorch));

        (code, _, error) = Lab("paragliding", "predict", "--model", model, "--pairs", pairs, "--out", onTorch, "--device", "tpu");
        Assert.Equal(2, code);
        Assert.Contains("--device", error);
    }

    /// <summary>The two files' lines match in site and date and each probability within 1e-4; their line count.</summary>
    private static int AssertSameProbabilities(string enginePath, string torchPath)
    {
        var expected = File.ReadAllLines(enginePath);
        var actual = File.ReadAllLines(torchPath);
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(expected[0], actual[0]);
        for (int i = 1; i < expected.Length; i++)
        {
            var e = expected[i].Split(',');
            var a = actual[i].Split(',');
            Assert.Equal(e[..2], a[..2]);
            for (int k = 2; k < e.Length; k++)
                Assert.True(
                    Math.Abs(double.Parse(e[k], CultureInfo.InvariantCulture) - double.Parse(a[k], CultureInfo.InvariantCulture))
                        <= 1e-4,
                    $"line {i + 1}, column {k + 1}: engine {e[k]}, torch-cpu {a[k]}");
        }
        return expected.Length;
    }
}
