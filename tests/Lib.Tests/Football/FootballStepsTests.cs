using System.Globalization;
using Lib.Football.Dataset;
using Lib.Football.Evaluate;
using Lib.Football.Model;
using Lib.Football.Predict;
using Lib.Football.Train;
using Lib.Workflow;

namespace Lib.Tests.Football;

[Collection("football")]
public class FootballStepsTests(FootballDataFixture fixture)
{
    private static readonly FootballTrainOptions Tiny = new()
    {
        MaxTrainSamples = 96,
        BatchSize = 16,
        MaxEpochs = 2,
        Hidden = 16,
        Layers = 1,
        Patience = 5,
        SaveTopK = 1,
        LearningRate = 3e-3,
    };

    private static string Fixture(string name) => Path.Combine(RepoPaths.Root, "tests", "fixtures", "football", name);

    [Fact]
    public void Train_saves_a_model_with_checkpoints_and_resumes_and_the_folder_forecasts_the_same_after_loading()
    {
        using var dir = new TempDir();
        var folder = Path.Combine(dir.Path, "model");
        var outcome = FootballTrainStep.Run(fixture.Data, Tiny, folder, runsRoot: Path.Combine(dir.Path, "runs"));
        var loss = outcome.History.TrainLoss;
        Assert.Equal(2, loss.Length);
        Assert.True(loss[1] < loss[0], $"training loss {string.Join(", ", loss)} did not fall");
        var checkpoints = ResumePoint.Folder(folder);
        Assert.True(File.Exists(Path.Combine(checkpoints, "last.safetensors")));
        Assert.True(File.Exists(Path.Combine(checkpoints, "best.safetensors")));
        Assert.Single(outcome.TopCheckpoints);
        Assert.NotNull(outcome.RunId);
        var card = outcome.Model.Card;
        Assert.Equal((FootballModel.Format, fixture.Data.Fingerprint), (card.Format, card.DataFingerprint));
        Assert.Equal(96, card.Training.TrainSamples);
        Assert.Equal(TrajectoryFeatures.Names, card.Inputs.FeatureNames);
        Assert.Equal(outcome.History.Metric(FootballTrainer.Monitor).Min(), card.Training.BestValue, 9);

        var loaded = FootballModel.Load(folder);
        var batch = TrajectoryFeatures.Of(FootballBatch.Collate([.. fixture.Data.Of(DataSplit.Validation).Take(5)]));
        Assert.Equal(outcome.Model.Forecast(batch).Means, loaded.Forecast(batch).Means);

        var resumed = FootballTrainStep.Run(fixture.Data, Tiny with { MaxEpochs = 3 }, folder, resumeFrom: "last");
        Assert.Equal(3, resumed.History.Epochs.Count);
        Assert.Equal(loss[0], resumed.History.TrainLoss[0], 9);
        Assert.Throws<FileNotFoundException>(() => FootballTrainStep.Run(fixture.Data, Tiny, Path.Combine(dir.Path, "none"), resumeFrom: "last"));
    }

    [Fact]
    public void Evaluation_scores_the_model_and_the_baselines_on_the_same_test_players()
    {
        using var dir = new TempDir();
        var model = FootballTrainStep.Run(fixture.Data, Tiny with { MaxEpochs = 1 }, dir.Path).Model;
        var evaluation = FootballEvaluateStep.Run(fixture.Data, model);
        Assert.Equal(fixture.Data.Of(DataSplit.Test).Count, evaluation.Samples);
        var names = evaluation.Rows.Select(r => r.Predictor).Distinct().ToList();
        Assert.Equal([model.Name, .. TrajectoryBaselines.All.Select(b => b.Name)], names);
        var all = names.Select(n => evaluation.Score(n)).ToList();
        Assert.All(all, s => Assert.Equal(all[0].Count2, s.Count2));
        Assert.True(all[0].Count2 > 1000);
        // the baseline's row is the errors computed directly on the test samples
        var direct = fixture.Data.Of(DataSplit.Test).Chunk(64)
            .Select(c => TrajectoryFeatures.Of(FootballBatch.Collate(c)))
            .SelectMany(b => NodeErrors.Of(b, TrajectoryBaselines.ConstantVelocity.Forecast(b)));
        Assert.Equal(TrajectoryScore.Of(direct).Ade2, evaluation.Score("constant velocity").Ade2, 9);
        Assert.Contains(evaluation.Rows, r => r.Slice == "group WR");
        Assert.Contains(evaluation.Rows, r => r.Slice == "play Rush");
        Assert.NotNull(evaluation.Coverage);
        Assert.InRange(evaluation.Coverage!.PositiveRate, 0.05, 0.95);
        Assert.Equal(evaluation.Rows.Count, evaluation.ToDataFrame().Rows.Count);
        Assert.Equal(20, evaluation.ErrorByStep[model.Name].Length);
        Assert.NotNull(FootballCharts.ErrorByHorizon(evaluation));
        Assert.NotNull(FootballCharts.Play(evaluation));
    }

    [Fact]
    public void Predict_writes_every_player_and_step_in_the_inputs_frame_and_names_bad_cuts()
    {
        using var dir = new TempDir();
        var folder = Path.Combine(dir.Path, "model");
        FootballTrainStep.Run(fixture.Data, Tiny with { MaxEpochs = 1 }, folder);
        var cuts = Path.Combine(dir.Path, "cuts.csv");
        File.WriteAllText(cuts, "game_id,play_id,cut_frame\n2018011401,4497,140\n2018011401,4497,150\n");
        var preds = Path.Combine(dir.Path, "preds.csv");
        var coverage = Path.Combine(dir.Path, "coverage.csv");
        var request = new FootballPredictRequest(folder, Fixture("one_play.csv.gz"), cuts, preds, Path.Combine(dir.Path, "cache"))
        {
            CoverageOutput = coverage,
        };
        var outcome = FootballPredictStep.Run(request);
        var lines = File.ReadAllLines(preds);
        Assert.Equal("game_id,play_id,cut_frame,nfl_id,step,x,y", lines[0]);
        Assert.Equal(2 * 22 * 20, outcome.Rows); // 22 players (not the ball), 20 steps, 2 cuts
        Assert.Equal(outcome.Rows + 1, lines.Length);
        // step 1 lies within a yard and a half of where the player really was a frame after the cut
        var truth = ReadTruth(Fixture("one_play.csv.gz"));
        foreach (var line in lines.Skip(1).Where(l => l.Split(',')[4] == "1"))
        {
            var f = line.Split(',');
            var (x, y) = truth[(int.Parse(f[3], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture) + 1)];
            double dx = double.Parse(f[5], CultureInfo.InvariantCulture) - x,
                dy = double.Parse(f[6], CultureInfo.InvariantCulture) - y;
            Assert.True(Math.Sqrt(dx * dx + dy * dy) < 1.5, line);
        }
        var probabilities = File.ReadAllLines(coverage);
        Assert.Equal("game_id,play_id,p_tight_window", probabilities[0]);
        Assert.StartsWith("2018011401,4497,", probabilities[1]);

        File.WriteAllText(cuts, "game_id,play_id,cut_frame\n2018011401,4497,140\n2018011401,4497,5\n");
        var error = Assert.Throws<InvalidDataException>(() => FootballPredictStep.Run(request));
        Assert.Contains("line 3: cut_frame 5 needs frames", error.Message);
        File.WriteAllText(cuts, "game_id,play_id,cut_frame\n2018011401,1,140\n");
        Assert.Contains("line 2: play 2018011401/1 is not in the tracking file", Assert.Throws<InvalidDataException>(() => FootballPredictStep.Run(request)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => FootballPredictStep.Run(request with { Horizon = 21 }));
    }

    [Fact]
    public void The_three_configs_load_and_a_wrong_key_names_its_line()
    {
        var configs = Path.Combine(RepoPaths.Root, "configs", "football");
        var sanity = FootballTrainOptions.Named("sanity", configs);
        Assert.Equal((2, 16, "football-sanity"), (sanity.MaxEpochs, sanity.Hidden, sanity.ExperimentName));
        Assert.False(FootballTrainOptions.Named("production", configs).Probabilistic);
        var probabilistic = FootballTrainOptions.Named("probabilistic", configs);
        Assert.True(probabilistic.Probabilistic);
        Assert.Equal(6, probabilistic.Modes);
        using var dir = new TempDir();
        var bad = Path.Combine(dir.Path, "bad.yaml");
        File.WriteAllText(bad, "batch_size: 8\nmax_epoch: 3\n");
        var error = Assert.Throws<InvalidDataException>(() => FootballTrainOptions.Load(bad));
        Assert.Contains($"{bad}: line 2", error.Message);
        File.WriteAllText(bad, "weeks: [1, 2]\n");
        Assert.Equal([1, 2], FootballTrainOptions.Load(bad).Weeks);
    }

    private static Dictionary<(int Id, int Frame), (double X, double Y)> ReadTruth(string path)
    {
        using var reader = new StreamReader(new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress));
        reader.ReadLine();
        var truth = new Dictionary<(int, int), (double, double)>();
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split(',');
            if (f[6].Length > 0)
                truth[(int.Parse(f[6], CultureInfo.InvariantCulture), int.Parse(f[4], CultureInfo.InvariantCulture))] = (double.Parse(f[11], CultureInfo.InvariantCulture), double.Parse(f[12], CultureInfo.InvariantCulture));
        }
        return truth;
    }
}
