using Lib.Tracking;

namespace Lib.Tests.Tracking;

public class TrackingStoreTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Writes_the_mlflow_file_store_layout()
    {
        var store = new TrackingStore(Path.Combine(_dir.Path, "mlruns"));
        string runDir;
        using (var run = store.StartRun("track", "lstm-baseline"))
        {
            run.LogParam("hidden_size", 64);
            run.LogParam("lr", 0.001);
            run.LogMetric("train_loss", 0.9, step: 0);
            run.LogMetric("train_loss", 0.5, step: 1);
            run.LogMetric("val/mae", double.NaN, step: 1);
            var artifact = _dir.File("model.json", "{}");
            run.LogArtifact(artifact, "model");
            runDir = run.Directory;
        }

        var root = Path.Combine(_dir.Path, "mlruns");
        Assert.Contains("name: Default", File.ReadAllText(Path.Combine(root, "0", "meta.yaml")));
        var experimentMeta = File.ReadAllText(Path.Combine(root, "1", "meta.yaml"));
        Assert.Contains("experiment_id: '1'", experimentMeta);
        Assert.Contains("name: track", experimentMeta);
        Assert.Contains("artifact_location: file://", experimentMeta);

        var runMeta = File.ReadAllText(Path.Combine(runDir, "meta.yaml"));
        Assert.Contains("status: 3", runMeta);
        Assert.Contains("run_name: lstm-baseline", runMeta);
        Assert.Matches(@"run_uuid: '?[0-9a-f]{32}'?", runMeta);
        Assert.Equal("64", File.ReadAllText(Path.Combine(runDir, "params", "hidden_size")));
        var lines = File.ReadAllLines(Path.Combine(runDir, "metrics", "train_loss"));
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^\d{13} 0.5 1$", lines[1]);
        Assert.Matches(@"^\d{13} nan 1$", File.ReadAllText(Path.Combine(runDir, "metrics", "val", "mae")).Trim());
        Assert.Equal("lstm-baseline", File.ReadAllText(Path.Combine(runDir, "tags", "mlflow.runName")));
        Assert.True(File.Exists(Path.Combine(runDir, "artifacts", "model", "model.json")));
    }

    [Fact]
    public void Runs_read_back_with_params_metrics_and_a_history_chart()
    {
        var store = new TrackingStore(Path.Combine(_dir.Path, "mlruns"));
        using (var run = store.StartRun("climbing"))
        {
            for (int epoch = 0; epoch < 3; epoch++) run.LogMetric("loss", 1.0 / (epoch + 1), epoch);
            run.LogParam("layers", 4);
        }
        using (var failed = store.StartRun("climbing", "broken")) failed.End(RunStatus.Failed);

        var runs = store.Runs("climbing");
        Assert.Equal(2, runs.Count);
        var done = runs.Single(r => r.Status == RunStatus.Finished);
        Assert.Equal("4", done.Params["layers"]);
        Assert.Equal([0L, 1, 2], done.Metrics["loss"].Select(p => p.Step));
        Assert.Equal(1.0 / 3, done.Last("loss"));
        Assert.NotNull(done.EndTime);
        Assert.Equal(RunStatus.Failed, runs.Single(r => r.RunName == "broken").Status);
        Assert.Equal(done.RunId, store.Run(done.RunId).RunId);
        var history = done.HistoryChart();
        var loss = Assert.Single(Lib.Tests.Charts.PlotlyFigure.Traces(history))!;
        Assert.Equal(("loss", "lines+markers"), ((string)loss["name"]!, (string)loss["mode"]!));
        Assert.Equal([0.0, 1, 2], Lib.Tests.Charts.PlotlyFigure.Numbers(loss, "x"));
        Assert.Equal(("step", "value"), (Lib.Tests.Charts.PlotlyFigure.AxisTitle(history, "xaxis"),
            Lib.Tests.Charts.PlotlyFigure.AxisTitle(history, "yaxis")));
        Assert.Contains("'accuracy'", Assert.Throws<KeyNotFoundException>(() => done.HistoryChart("accuracy")).Message);
        Assert.Equal(["Default", "climbing"], store.Experiments().Select(e => e.Name));
        Assert.Equal(store.Experiment("climbing"), new TrackingStore(store.Root).Experiment("climbing"));
    }

    [Fact]
    public void Parameters_cannot_change_and_keys_are_validated()
    {
        var store = new TrackingStore(Path.Combine(_dir.Path, "mlruns"));
        using var run = store.StartRun("x");
        run.LogParam("epochs", 10);
        run.LogParam("epochs", 10);
        var e = Assert.Throws<InvalidOperationException>(() => run.LogParam("epochs", 20));
        Assert.Contains("already logged as '10'", e.Message);
        Assert.Throws<ArgumentException>(() => run.LogMetric("../escape", 1));
        Assert.Throws<ArgumentException>(() => run.LogParam("bad:key", 1));
    }

    [Fact]
    public void Malformed_metric_files_name_the_file_and_line()
    {
        var store = new TrackingStore(Path.Combine(_dir.Path, "mlruns"));
        string dir;
        using (var run = store.StartRun("x")) { run.LogMetric("loss", 1, 0); dir = run.Directory; }
        File.AppendAllText(Path.Combine(dir, "metrics", "loss"), "oops\n");
        var e = Assert.Throws<InvalidDataException>(() => RunRecord.Load(dir));
        Assert.Contains("loss:2: expected 'timestamp value step'", e.Message);
    }
}
