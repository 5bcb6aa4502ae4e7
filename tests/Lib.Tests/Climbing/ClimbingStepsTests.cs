using Lib.Climbing.Cache;
using Lib.Climbing.Dataset;
using Lib.Climbing.Evaluate;
using Lib.Climbing.Ingest;
using Lib.Climbing.Predict;
using Lib.Climbing.Train;
using Lib.Storage;
using Lib.Tracking;
using Lib.Workflow;

namespace Lib.Tests.Climbing;

/// <summary>The workflow's step classes, one per room (what <c>lab climbing</c> and the notebooks call), on the bundled data.</summary>
[Collection("climbing")]
public class ClimbingStepsTests(ClimbingFixture fixture)
{
    [Fact]
    public void Cache_step_reads_back_the_cached_table_account_and_rejections_and_copies_the_files()
    {
        using var dir = new TempDir();
        var cache = Path.Combine(dir.Path, "cache");
        var first = ClimbingCacheStep.Run(ClimbingFixture.DataFolder, cache);
        Assert.True(first.Step.Rebuilt);
        var direct = ClimbingIngest.Run(ClimbingFixture.DataFolder);
        Assert.Equal(direct.Routes.Select(r => r.Key), first.Table.Routes.Select(r => r.Key));
        Assert.Equal(direct.Rejected, first.Rejected); // the kit's RejectedRecord survives rejected.csv: source, location, reason, text
        Assert.Equal(direct.Files.Select(f => (f.File, f.Records, f.Parsed, f.Rejected.Count, f.Routes.Count)),
            first.Files.Select(f => (f.File, f.Records, f.Parsed, f.Reported, f.Routes)));
        Assert.Equal("smchase_raw_2016-40.json: record 4 (apiId 19224 'Tess'): move 8: hold E18 appears twice", first.Rejected[0].ToString());

        var again = ClimbingCacheStep.Run(ClimbingFixture.DataFolder, cache);
        Assert.False(again.Step.Rebuilt);
        Assert.True(ClimbingCacheStep.Run(ClimbingFixture.DataFolder, cache, force: true).Step.Rebuilt);

        var copy = Path.Combine(dir.Path, "routes");
        again.CopyTo(copy);
        Assert.Equal(["files.csv", "holds.parquet", "rejected.csv", "routes.json", "routes.parquet"], Directory.GetFiles(copy).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllBytes(again.Step.PathOf("routes.parquet")), File.ReadAllBytes(Path.Combine(copy, "routes.parquet")));
    }

    [Fact]
    public void Dataset_step_fingerprints_the_data_a_model_is_trained_on()
    {
        using var dir = new TempDir();
        var cache = Path.Combine(dir.Path, "cache");
        var data = ClimbingDatasetStep.Run(ClimbingFixture.DataFolder, cache);
        Assert.Equal(fixture.Data.Fingerprint, data.Fingerprint); // the same sources and options, another cache
        Assert.Matches("^[0-9a-f]{64}$", data.Fingerprint);
        Assert.NotEqual(data.Fingerprint, ClimbingDatasetStep.Run(ClimbingFixture.DataFolder, cache, new TokenOptions { MinCount = 1 }).Fingerprint);
        Assert.Equal(data.Split(SplitName.Test).Select(t => t.Key), data.Routes(SplitName.Test).Select(r => r.Key));
    }

    [Fact]
    public void Train_step_LoadOrRun_loads_a_saved_folder_and_trains_only_when_it_holds_no_model()
    {
        _ = fixture.Model;
        var written = File.GetLastWriteTimeUtc(Path.Combine(fixture.ModelFolder, ModelFolder.WeightsFile));
        var loaded = ClimbingTrainStep.LoadOrRun(fixture.Data, ClimbingFixture.TinyOptions with { Epochs = 1 }, fixture.ModelFolder);
        Assert.Equal(fixture.Model.Card.Training.Epochs, loaded.Card.Training.Epochs);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(fixture.ModelFolder, ModelFolder.WeightsFile)));

        using var dir = new TempDir();
        var folder = Path.Combine(dir.Path, "model");
        var trained = ClimbingTrainStep.LoadOrRun(fixture.Data, ClimbingFixture.TinyOptions with { Epochs = 1 }, folder);
        Assert.True(ModelFolder.Holds(folder));
        Assert.Equal(1, trained.Card.Training.Epochs);
        Assert.Equal(fixture.Data.Fingerprint, trained.Card.DataFingerprint);
    }

    [Fact]
    public void Evaluate_step_scores_the_saved_folder_writes_beside_it_and_records_the_run()
    {
        _ = fixture.Model;
        using var dir = new TempDir();
        var folder = Path.Combine(dir.Path, "model");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(fixture.ModelFolder)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        var runs = Path.Combine(dir.Path, "mlruns");

        var evaluated = ClimbingEvaluateStep.Run(fixture.Data, folder, runs);
        var test = fixture.Data.Split(SplitName.Test);
        Assert.Equal(test.Count, evaluated.Evaluation.Metric("transformer").Count);
        Assert.Equal(RegressionMetrics.MeanAbsoluteError(fixture.Model.Predict(test), [.. test.Select(r => r.Difficulty)]), evaluated.Evaluation.Metric("transformer").Mae, 9);
        foreach (var file in new[] { "predictions.csv", "metrics.json", "metrics.csv" }) Assert.True(File.Exists(Path.Combine(folder, file)), file);

        var run = new TrackingStore(runs).Runs("climbing").Single();
        Assert.Equal(evaluated.Run!.RunId, run.RunId);
        Assert.Equal("300", run.Params["max_train_routes"]);
        Assert.Equal(fixture.Model.Vocabulary.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), run.Params["vocabulary"]);
        Assert.Equal(evaluated.Evaluation.Metric("linear baseline").Mae, run.Metrics["test_mae_linear_baseline"].Single().Value, 9);
        Assert.Equal(fixture.Model.Card.History.Count, run.Metrics[GradeModelTrainer.Monitor].Count);

        var other = ClimbingDatasetStep.Run(ClimbingFixture.DataFolder, Path.Combine(dir.Path, "cache"), new TokenOptions { MinCount = 1 });
        Assert.Contains("was trained on other data", Assert.Throws<InvalidOperationException>(() => ClimbingEvaluateStep.Run(other, folder)).Message);
    }

    [Fact]
    public void Predict_step_grades_a_file_or_typed_holds_and_writes_the_csv()
    {
        _ = fixture.Model;
        using var dir = new TempDir();
        var csv = Path.Combine(dir.Path, "out.csv");
        var graded = ClimbingPredictStep.Run(fixture.ModelFolder, Path.Combine(ClimbingFixture.DataFolder, "moonboard", "smchase_raw_2016-40.json"), csv);
        Assert.Equal(("MoonBoard problems", 405, 3), (graded.Format, graded.Predictions.Count, graded.Refused.Count));
        Assert.Equal(406, File.ReadAllLines(csv).Length);
        Assert.Equal(fixture.Model.Predict(graded.Predictions.Take(3).Select(p => p.RouteId).Select(id => fixture.Data.Table.Routes.First(r => r.Board == "MOON2016" && r.RouteId == id)).ToList()),
            graded.Predictions.Take(3).Select(p => p.PredictedDifficulty));

        var typed = ClimbingPredictStep.Run(fixture.ModelFolder, "E6:start C5:start F11 K18:end", "2016", 40);
        var p = Assert.Single(typed.Predictions);
        Assert.Equal(("typed holds", "MOON2016", 40, "E6:start C5:start F11:middle K18:finish"), (typed.Format, p.Board, p.Angle, p.Holds));
        Assert.Empty(typed.Refused);
    }
}
