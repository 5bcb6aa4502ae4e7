using System.Text.Json.Nodes;
using Lib.Tensors;
using Lib.Track.Dataset;
using Lib.Track.Domain;
using Lib.Track.Evaluate;
using Lib.Track.Model;
using Lib.Tests.Charts;
using Lib.Track.Train;
using Lib.Workflow;

namespace Lib.Tests.Track;

/// <summary>The hierarchical model, its files and its training, on the bundled data with smoke-sized settings.</summary>
[Collection(TrackCollection.Name)]
public class TrackModelTests(TrackFixture fixture)
{
    private List<WindowSample> Samples(TrackModel model, int count) =>
        [.. Windows.Build(fixture.Data.Of(model.Gender), model.Config.Seasons)
            .Where(w => model.Encoder.Knows(w.History.Event.Code)).Take(count).Select(model.Encoder.Encode)];

    [Theory]
    [InlineData(HeadKind.Mlp32, false)]
    [InlineData(HeadKind.LayerNormLinear, true)]
    [InlineData(HeadKind.Linear, false)]
    public void An_untrained_model_forecasts_its_residual_base_and_every_head_gets_gradients(HeadKind head, bool shared)
    {
        var model = fixture.Models[0];
        var config = model.Config with { Head = head, SharedHead = shared };
        var network = new HierarchicalLstm(config, model.Inputs.Events.Count, new Generator(3));
        var batch = TrackBatch.Collate(Samples(model, 50), config.Seasons);
        network.Eval();
        Assert.Equal(batch.Base.ToArray(), network.Forward(batch).ToArray()); // the output layer starts at zero

        network.Train();
        Lib.Tensors.NN.Functional.L1Loss(network.Forward(batch), batch.Target).Backward();
        var withGrad = network.NamedParameters().Where(p => p.Parameter.Grad is { } g && g.ToArray().Any(v => v != 0)).Select(p => p.Name).ToList();
        Assert.Contains(withGrad, n => n.StartsWith("heads.", StringComparison.Ordinal));
        Assert.Equal(head == HeadKind.Mlp32 ? 4 + (shared ? 2 : 0) : 2 + (shared ? 2 : 0) + (head == HeadKind.LayerNormLinear ? 2 : 0),
            network.NamedParameters().Count(p => p.Name.StartsWith("heads.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Training_records_its_settings_history_and_split_and_moves_the_weights()
    {
        var men = fixture.Models.Single(m => m.Gender == Gender.Men);
        var t = men.Card.Training;
        Assert.Equal(TrackModel.Format, men.Card.Format);
        Assert.Equal(TrackFixture.Options.MaxEpochs, t.MaxEpochs);
        Assert.InRange(t.Epochs, 1, t.MaxEpochs);
        Assert.Equal(t.Epochs, men.Card.History.Count);
        Assert.All(men.Card.History, h => Assert.True(h.Metrics.ContainsKey(TrackTrainer.ValidationMetric) && h.Metrics.ContainsKey("val_l1_z")));
        Assert.Equal(TrackTrainer.ValidationMetric, t.Monitor);
        Assert.Equal(men.Card.History.Min(h => h.Metrics[TrackTrainer.ValidationMetric]), t.BestValue);
        Assert.Equal(men.Card.History[t.BestEpoch].Metrics, men.Card.Metrics);
        Assert.Equal(["2025 Outdoor", "2025 XC"], men.Inputs.ValidationSeasons);
        Assert.Equal(["2026 Indoor", "2026 Outdoor"], men.Inputs.TestSeasons);
        Assert.Equal(fixture.Data.Fingerprint, men.Card.DataFingerprint);
        Assert.True(t.TrainSamples > 1000 && t.ValidationSamples > 200, $"{t.TrainSamples}, {t.ValidationSamples}");
        Assert.Equal(TrackFixture.Options.Seed, Convert.ToInt64(t.Options["seed"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(men.Inputs.Events.Order(StringComparer.Ordinal), men.Inputs.Events);
        Assert.All(men.Inputs.Events, e => Assert.True(men.Inputs.Scales[e].Std > 0));

        var batch = TrackBatch.Collate(Samples(men, 100), men.Config.Seasons);
        men.Network.Eval();
        Assert.NotEqual(batch.Base.ToArray(), men.Network.Forward(batch).ToArray());
    }

    [Fact]
    public void A_saved_model_loads_back_and_forecasts_the_same()
    {
        var women = fixture.Models.Single(m => m.Gender == Gender.Women);
        var loaded = TrackModel.Load(Path.Combine(fixture.ModelDirectory, "women"));
        var samples = Samples(women, 200);
        Assert.Equal(women.Predict(samples), loaded.Predict(samples));
        var windows = samples.Select(s => s.Window!).ToList();
        Assert.Equal(women.Predict(samples), loaded.Predict(windows)); // as a predictor of windows, the same forecasts
        Assert.Equal(women.Inputs.Events, loaded.Inputs.Events);
        Assert.Equal(women.Inputs.Scales, loaded.Inputs.Scales);
        Assert.Equal(women.Config, loaded.Config);
        Assert.Equal(women.Card.History.Select(h => (h.Epoch, h.TrainLoss)), loaded.Card.History.Select(h => (h.Epoch, h.TrainLoss)));
        Assert.Equal(women.Card.Training.BestEpoch, loaded.Card.Training.BestEpoch);
        Assert.Equal(["model.json", "model.safetensors", BoostedTrees.FileName], Directory.GetFiles(Path.Combine(fixture.ModelDirectory, "women")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var card = JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.ModelDirectory, "women", ModelFolder.CardFile)))!;
        Assert.Equal(TrackModel.Format, card["format"]!.GetValue<string>());
        Assert.Equal("women", card["inputs"]!["gender"]!.GetValue<string>());
        Assert.Equal("layerNormLinear", card["config"]!["head"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("seasonHidden", 64, "seasonHidden: the card says 64, the weights have 8")]
    [InlineData("acrossHidden", 16, "acrossHidden: the card says 16, the weights have 8")]
    [InlineData("labelEmbedding", 3, "labelEmbedding: the card says 3, the weights have 2")]
    public void Loading_weights_of_another_shape_than_the_card_says_fails_clearly(string setting, int value, string expected)
    {
        var dir = Copy("women", setting);
        var card = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, ModelFolder.CardFile)))!;
        card["config"]![setting] = value;
        File.WriteAllText(Path.Combine(dir, ModelFolder.CardFile), card.ToJsonString());

        var e = Assert.Throws<InvalidDataException>(() => TrackModel.Load(dir));
        Assert.Contains("model.safetensors does not match", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.Contains("do not belong together", e.Message);
    }

    [Fact]
    public void Another_head_variant_event_list_or_format_in_the_card_fails_clearly()
    {
        var dir = Copy("men", "head");
        var path = Path.Combine(dir, ModelFolder.CardFile);
        var card = JsonNode.Parse(File.ReadAllText(path))!;
        card["config"]!["head"] = "mlp32";
        File.WriteAllText(path, card.ToJsonString());
        Assert.Contains("head: the card says Mlp32, the weights have LayerNormLinear", Assert.Throws<InvalidDataException>(() => TrackModel.Load(dir)).Message);

        card["config"]!["head"] = "layerNormLinear";
        card["inputs"]!["events"]!.AsArray().RemoveAt(0);
        File.WriteAllText(path, card.ToJsonString());
        Assert.Matches(@"events: the card says \d+, the weights have \d+", Assert.Throws<InvalidDataException>(() => TrackModel.Load(dir)).Message);

        card["format"] = "lab.track.hierarchical-lstm/1";
        File.WriteAllText(path, card.ToJsonString());
        Assert.Contains($"format 'lab.track.hierarchical-lstm/1', expected '{TrackModel.Format}'", Assert.Throws<InvalidDataException>(() => TrackModel.Load(dir)).Message);

        File.WriteAllText(path, "{ \"format\": ");
        Assert.Contains($"{path}: line 1: not JSON", Assert.Throws<InvalidDataException>(() => TrackModel.Load(dir)).Message);
        File.Delete(path);
        Assert.Contains("model.json is missing", Assert.Throws<FileNotFoundException>(() => TrackModel.Load(dir)).Message);
    }

    [Fact]
    public void Evaluation_scores_the_model_and_every_baseline_on_the_same_test_windows()
    {
        var report = TrackEvaluateStep.Run(fixture.Data, fixture.Models);
        foreach (var g in report.Genders)
        {
            Assert.Equal(["model", "last same-label peak", "last peak (any label)", "mean of past peaks", "linear trend"], g.Scores.Select(s => s.Predictor));
            Assert.True(g.SameData);
            Assert.All(g.Forecasts, f => Assert.Contains(f.Window.TargetSeason.Season.ToString(), g.TestSeasons));
            Assert.All(g.Forecasts, f => Assert.Equal(f.Window.LastSameLabel.Peak, f.Of(Baselines.LastSameLabelPeak.Name)));
            Assert.All(g.Scores, s => Assert.Equal(g.Model.MaeByEvent.Keys, s.MaeByEvent.Keys));
        }
        var json = JsonNode.Parse(report.ToJson())!;
        Assert.Equal(2, json["genders"]!.AsArray().Count);
        Assert.Equal(5, json["genders"]![0]!["scores"]!.AsArray().Count);
        Assert.Equal(10, report.Summary().Rows.Count);
        Assert.Equal(["gender", "predictor", "windows", "error %"], report.Summary().Columns.Take(4).Select(c => c.Name));
        Assert.Contains("men: model", report.ToString());

        var men = report.Genders[0];
        var families = men.Forecasts.Select(f => f.Window.History.Event.Family).Distinct().Count();
        var forecast = EvaluationCharts.PredictedVsActual(men);
        var panels = PlotlyFigure.Traces(forecast);
        Assert.Equal(2 * families, panels.Count); // the points and y = x, per family
        Assert.Equal(men.Forecasts.Count, panels.Where((_, i) => i % 2 == 0).Sum(t => t!["x"]!.AsArray().Count));
        Assert.All(panels.Where((_, i) => i % 2 == 1), t => Assert.Equal("y = x", (string)t!["name"]!));
        if (families > 1) Assert.Equal("x2", (string)panels[2]!["xaxis"]!); // the second family's own panel
        Assert.Equal(Math.Min(3, families), (int)PlotlyFigure.Layout(forecast)["grid"]!["columns"]!);
        Assert.Equal("forecast", PlotlyFigure.AxisTitle(forecast, "yaxis"));
        Assert.False((bool)PlotlyFigure.Layout(forecast)["showlegend"]!);

        var women = report.Genders[1];
        var errors = EvaluationCharts.ErrorByEvent(women);
        var bars = PlotlyFigure.Traces(errors);
        Assert.Equal(women.Scores.Select(s => s.Predictor), bars.Select(t => (string)t!["name"]!));
        Assert.All(bars, t => Assert.Equal("bar", (string)t!["type"]!));
        var firstEvent = women.Model.PercentByEvent.Keys.First();
        Assert.Equal(firstEvent, (string)bars[0]!["x"]![0]!);
        Assert.Equal(Math.Round(women.Model.PercentByEvent[firstEvent], 3), (double)bars[0]!["y"]![0]!);
        Assert.Equal("group", (string)PlotlyFigure.Layout(errors)["barmode"]!);
        Assert.Equal("mean error (%)", PlotlyFigure.AxisTitle(errors, "yaxis"));

        var curves = EvaluationCharts.LearningCurves([.. report.Genders.Select(g => g.Card)]);
        var lines = PlotlyFigure.Traces(curves);
        Assert.Equal(6, lines.Count);
        Assert.Equal(["x", "x", "x", "x", "x2", "x2"], lines.Select(t => (string)t!["xaxis"]!));
        Assert.Equal(men.Card.History.Select(h => h.TrainLoss), PlotlyFigure.Numbers(lines[0]!, "y"));
        Assert.Equal("validation error (% of the mark)", PlotlyFigure.AxisTitle(curves, "yaxis2"));
        Assert.Equal("Learning curves", PlotlyFigure.Title(curves));

        var dir = Path.Combine(fixture.Temp, $"charts-{Guid.NewGuid():N}");
        var files = TrackEvaluateStep.SaveCharts(report, dir);
        Assert.Equal(["learning-curves.html", "men-error-by-event.html", "men-forecast-vs-actual.html", "women-error-by-event.html", "women-forecast-vs-actual.html"],
            files.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Contains("Plotly.newPlot", File.ReadAllText(f), StringComparison.Ordinal));
    }

    private string Copy(string gender, string name)
    {
        var dir = Path.Combine(fixture.Temp, $"copy-{gender}-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        foreach (var file in Directory.GetFiles(Path.Combine(fixture.ModelDirectory, gender))) File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        return dir;
    }
}
