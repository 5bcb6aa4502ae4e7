using System.Text.Json.Nodes;
using Microsoft.ML.OnnxRuntime;

namespace Lib.Cli.Tests;

/// <summary><c>lab paragliding train|evaluate|cv|predict|export</c> on the bundled data with a short run.</summary>
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

        // every launch inside the GEFS file's grid (84 of the 89, as 'lab paragliding weather' finds) on its valid date
        var grib = Path.Combine(LabRun.Repo, "data", "paragliding", "weather", "geavg.t06z.pgrb2a.0p50.f006");
        (code, output, error) = Lab("paragliding", "predict", "--model", Model, "--grib", grib, "--out", probs);
        Assert.True(code == 0, error);
        Assert.Contains("84 of the model's 89 launches inside the grid; valid date(s) 2020-08-15.", output);
        Assert.Contains("trained without weather", output);
        lines = File.ReadAllLines(probs);
        Assert.Equal(85, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Equal("2020-08-15", l.Split(',')[1]));
        Assert.Equal(84, lines.Skip(1).Select(l => l.Split(',')[0]).Distinct().Count());
        // the small GFS file's grid (3 × 2 points off Réunion) holds the three Réunion launches of the CFD
        grib = Path.Combine(LabRun.Repo, "data", "paragliding", "weather", "gfs.20200330.t18z.pgrb2.0p25.f012");
        (code, output, error) = Lab("paragliding", "predict", "--model", Model, "--grib", grib, "--out", probs);
        Assert.True(code == 0, error);
        Assert.Contains("3 of the model's 89 launches inside the grid; valid date(s) 2020-03-31.", output);
        Assert.Equal(["cfd11", "cfd14", "cfd36"], File.ReadAllLines(probs).Skip(1).Select(l => l.Split(',')[0]));
        (code, _, error) = Lab("paragliding", "predict", "--model", Model, "--grib", grib, "--pairs", pairs, "--out", probs);
        Assert.Equal(2, code);
        Assert.Contains("either --pairs", error);

        var onnx = Path.Combine(_dir, "model.onnx");
        (code, output, error) = Lab("paragliding", "export", "--onnx", onnx, "--model", Model);
        Assert.True(code == 0, error);
        using var session = new InferenceSession(onnx);
        Assert.Equal(["site", "site_features", "date"], session.InputMetadata.Keys);
        Assert.Equal("probabilities", session.OutputMetadata.Keys.Single());
    }

    [Fact]
    public void Train_resumes_from_the_folders_last_checkpoint_and_names_a_missing_one()
    {
        var runs = Path.Combine(_dir, "mlruns");
        var (code, _, error) = Lab(["paragliding", "train", "--out", Model, "--epochs", "1", "--runs", runs, .. Data]);
        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.Combine(Model, "checkpoints", "last.safetensors")));
        var first = JsonNode.Parse(File.ReadAllText(Path.Combine(Model, "model.json")))!["history"]!.AsArray();
        (code, var output, error) = Lab(["paragliding", "train", "--out", Model, "--epochs", "2", "--resume-from", "last",
            "--runs", runs, .. Data]);
        Assert.True(code == 0, error);
        Assert.Contains("2 of 2 epochs", output);
        var history = JsonNode.Parse(File.ReadAllText(Path.Combine(Model, "model.json")))!["history"]!.AsArray();
        Assert.Equal(2, history.Count);
        Assert.Equal(first[0]!["trainLoss"]!.GetValue<double>(), history[0]!["trainLoss"]!.GetValue<double>(), 9);

        (code, _, error) = Lab(["paragliding", "train", "--out", Path.Combine(_dir, "none"), "--resume-from", "last", .. Data]);
        Assert.Equal(2, code);
        Assert.Contains($"No checkpoint to resume from at {Path.Combine(_dir, "none", "checkpoints", "last.safetensors")}", error);
    }

    [Fact]
    public void Cv_holds_each_fold_of_weeks_out_once_and_writes_the_pooled_table_and_the_folds()
    {
        var output = Path.Combine(_dir, "cv");
        var (code, stdout, error) = Lab("paragliding", "cv", "--folds", "2", "--epochs", "1", "--out", output);
        Assert.True(code == 0, error);
        Assert.Contains("Mean Brier: calibrated", stdout);
        Assert.Contains("Across 2 folds", stdout);
        foreach (var file in new[] { "metrics.csv", "metrics.json", "test_predictions.csv", "folds.csv" })
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        Assert.Equal(89 * 273 + 1, File.ReadAllLines(Path.Combine(output, "test_predictions.csv")).Length);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(output, "folds.csv")).Length);
        (code, _, error) = Lab("paragliding", "cv", "--folds", "1", "--out", output);
        Assert.Equal(2, code);
        Assert.Contains("The folds must be 2", error);
    }

    [Fact]
    public void Tune_runs_the_lr_sweep_and_a_resumable_random_search_each_trial_a_run()
    {
        var runs = Path.Combine(_dir, "mlruns");
        string[] tune = ["tune", "paragliding", "--trials", "2", "--epochs", "1", "--seed", "5", "--runs", runs, .. Data];
        var (code, output, error) = Lab([.. tune, "--lr-sweep", "--sweep-steps", "12"]);
        Assert.True(code == 0, error);
        Assert.Matches(@"LR sweep \(\d+ steps.*\): suggested [0-9.eE+-]+", output);
        Assert.Contains("best_val_loss", output);
        Assert.Contains("2 trials, 0 read back from earlier runs, 2 run now.", output);
        Assert.Matches(@"Train it with: lab paragliding train --epochs 1 --lr [0-9.eE+-]+ --lr-decay", output);
        var recorded = new Lib.Tracking.TrackingStore(runs).Runs("paragliding-tuning");
        Assert.Equal(3, recorded.Count); // the sweep and two trials
        Assert.Equal(2, recorded.Count(r => r.Tags.GetValueOrDefault("lab.study") == "paragliding"));

        (code, output, error) = Lab(tune);
        Assert.True(code == 0, error);
        Assert.Contains("2 trials, 2 read back from earlier runs, 0 run now.", output);
        (code, _, error) = Lab("tune", "paragliding", "--trials", "0", "--runs", runs);
        Assert.Equal(2, code);
        Assert.Contains("--trials 0 without --lr-sweep", error);
    }

    [Fact]
    public void Predict_without_pairs_is_a_usage_error()
    {
        var (code, _, _) = Lab("paragliding", "predict", "--out", Path.Combine(_dir, "p.csv"));
        Assert.Equal(2, code);
    }
}
