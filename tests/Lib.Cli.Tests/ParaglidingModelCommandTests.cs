using Microsoft.ML.OnnxRuntime;

namespace Lib.Cli.Tests;

/// <summary><c>lab paragliding train|evaluate|predict|export</c> on the bundled data with a short run.</summary>
public class ParaglidingModelCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-paragliding-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Model => Path.Combine(_dir, "model");

    private (int Code, string Out, string Err) Lab(params string[] args) => LabRun.Run(null, args);

    private string[] Data => ["--shards", Path.Combine(_dir, "shards")];

    [Fact]
    public void Train_evaluate_predict_and_export_work_end_to_end()
    {
        var (code, output, error) = Lab(["paragliding", "train", "--out", Model, "--epochs", "2", "--runs", Path.Combine(_dir, "mlruns"), .. Data]);
        Assert.True(code == 0, error);
        Assert.Contains("89 mapped sites", error);
        Assert.Contains("Mean Brier: calibrated", output);
        foreach (var file in new[] { "model.safetensors", "model.json", "metrics.csv", "metrics.json", "test_predictions.csv" })
            Assert.True(File.Exists(Path.Combine(Model, file)), file);

        (code, output, error) = Lab(["paragliding", "evaluate", "--model", Model, "--runs", Path.Combine(_dir, "mlruns"), .. Data]);
        Assert.True(code == 0, error);
        Assert.Contains("climatology per site", output);

        var pairs = Path.Combine(_dir, "pairs.csv");
        File.WriteAllText(pairs, "site_id,date\ncfd01,2017-07-15\ncfd02,2017-07-18\n");
        var probs = Path.Combine(_dir, "probs.csv");
        (code, output, error) = Lab("paragliding", "predict", "--model", Model, "--pairs", pairs, "--out", probs);
        Assert.True(code == 0, error);
        var lines = File.ReadAllLines(probs);
        Assert.Equal("site_id,date,p_20,p_30,p_40,p_50,p_60,p_70,p_80,p_90,p_100", lines[0]);
        Assert.Equal(3, lines.Length);

        File.WriteAllText(pairs, "site_id,date\ncfd01,2017-07-15\nnowhere,2017-07-15\n");
        (code, _, error) = Lab("paragliding", "predict", "--model", Model, "--pairs", pairs, "--out", probs);
        Assert.Equal(1, code);
        Assert.Contains("nowhere", error);
        Assert.Equal(2, File.ReadAllLines(probs).Length);

        var onnx = Path.Combine(_dir, "model.onnx");
        (code, output, error) = Lab("paragliding", "export", "--onnx", onnx, "--model", Model);
        Assert.True(code == 0, error);
        using var session = new InferenceSession(onnx);
        Assert.Equal(["site", "site_features", "date"], session.InputMetadata.Keys);
        Assert.Equal("probabilities", session.OutputMetadata.Keys.Single());
    }

    [Fact]
    public void Predict_without_pairs_is_a_usage_error()
    {
        var (code, _, _) = Lab("paragliding", "predict", "--out", Path.Combine(_dir, "p.csv"));
        Assert.Equal(2, code);
    }
}
