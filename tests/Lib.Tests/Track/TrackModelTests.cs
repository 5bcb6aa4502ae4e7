using System.Text.Json.Nodes;
using Lib.Tensors;
using Lib.Track.Dataset;
using Lib.Track.Evaluate;
using Lib.Track.Model;
using Lib.Track.Scrape;
using Lib.Tests.Charts;
using Lib.Track.Train;

namespace Lib.Tests.Track;

/// <summary>The hierarchical model, its files and its training, on the bundled data with smoke-sized settings.</summary>
[Collection(TrackCollection.Name)]
public class TrackModelTests(TrackFixture fixture)
{
    private List<WindowSample> Samples(TrackModel model, int count) =>
        [.. Windows.Build(fixture.Data.Of(model.Meta.Gender == "F" ? Gender.Women : Gender.Men), model.Meta.Config.Seasons)
            .Where(w => model.Encoder.Knows(w.Family.Event.Code)).Take(count).Select(model.Encoder.Encode)];

    [Theory]
    [InlineData(HeadKind.Mlp32, false)]
    [InlineData(HeadKind.LayerNormLinear, true)]
    [InlineData(HeadKind.Linear, false)]
    public void An_untrained_model_forecasts_its_residual_base_and_every_head_gets_gradients(HeadKind head, bool shared)
    {
        var model = fixture.Models[0];
        var config = model.Meta.Config with { Head = head, SharedHead = shared };
        var network = new HierarchicalLstm(config, model.Meta.Events.Count, new Generator(3));
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
        var men = fixture.Models.Single(m => m.Meta.Gender == "M");
        var t = men.Meta.Training;
        Assert.Equal(TrackFixture.Options.MaxEpochs, t.MaxEpochs);
        Assert.InRange(t.Epochs, 1, t.MaxEpochs);
        Assert.Equal(t.Epochs, men.Meta.History.Count);
        Assert.All(men.Meta.History, h => Assert.True(h.Validation.ContainsKey(TrackTrainer.ValidationMetric) && h.Validation.ContainsKey("val_l1_z")));
        Assert.Equal(["2025 Outdoor", "2025 XC"], men.Meta.ValidationSeasons);
        Assert.Equal(["2026 Indoor", "2026 Outdoor"], men.Meta.TestSeasons);
        Assert.Equal(fixture.Data.Fingerprint, men.Meta.DataFingerprint);
        Assert.True(t.TrainWindows > 1000 && t.ValidationWindows > 200, $"{t.TrainWindows}, {t.ValidationWindows}");
        Assert.Equal(men.Meta.Events.Order(StringComparer.Ordinal), men.Meta.Events);
        Assert.All(men.Meta.Events, e => Assert.True(men.Meta.Scales[e].Std > 0));

        var batch = TrackBatch.Collate(Samples(men, 100), men.Meta.Config.Seasons);
        men.Network.Eval();
        Assert.NotEqual(batch.Base.ToArray(), men.Network.Forward(batch).ToArray());
    }

    [Fact]
    public void A_saved_model_loads_back_and_forecasts_the_same()
    {
        var women = fixture.Models.Single(m => m.Meta.Gender == "F");
        var loaded = TrackModel.Load(Path.Combine(fixture.ModelDirectory, "women"));
        var samples = Samples(women, 200);
        Assert.Equal(women.Predict(samples), loaded.Predict(samples));
        Assert.Equal(women.Meta.Events, loaded.Meta.Events);
        Assert.Equal(women.Meta.Config, loaded.Meta.Config);
        var meta = JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.ModelDirectory, "women", TrackModel.MetaFile)))!;
        Assert.Equal("F", meta["gender"]!.GetValue<string>());
        Assert.Equal("layerNormLinear", meta["config"]!["head"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("seasonHidden", 64, "seasonHidden: meta.json says 64, the weights have 8")]
    [InlineData("acrossHidden", 16, "acrossHidden: meta.json says 16, the weights have 8")]
    [InlineData("labelEmbedding", 3, "labelEmbedding: meta.json says 3, the weights have 2")]
    public void Loading_weights_of_another_shape_than_the_meta_says_fails_clearly(string setting, int value, string expected)
    {
        var dir = Copy("women", setting);
        var meta = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, TrackModel.MetaFile)))!;
        meta["config"]![setting] = value;
        File.WriteAllText(Path.Combine(dir, TrackModel.MetaFile), meta.ToJsonString());

        var e = Assert.Throws<InvalidDataException>(() => TrackModel.Load(dir));
        Assert.Contains("model.safetensors does not match", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.Contains("do not belong together", e.Message);
    }

    [Fact]
    public void Another_head_variant_or_event_list_in_the_meta_fails_clearly()
    {
        var dir = Copy("men", "head");
        var path = Path.Combine(dir, TrackModel.MetaFile);
        var meta = JsonNode.Parse(File.ReadAllText(path))!;
        meta["config"]!["head"] = "mlp32";
        File.WriteAllText(path, meta.ToJsonString());
        Assert.Contains("head: meta.json says Mlp32, the weights have LayerNormLinear", Assert.Throws<InvalidDataException>(() => TrackModel.Load(dir)).Message);

        meta["config"]!["head"] = "layerNormLinear";
        meta["events"]!.AsArray().RemoveAt(0);
        File.WriteAllText(path, meta.ToJsonString());
        Assert.Matches(@"events: meta\.json says \d+, the weights have \d+", Assert.Throws<InvalidDataException>(() => TrackModel.Load(dir)).Message);

        File.WriteAllText(path, "{ \"gender\": ");
        Assert.Contains($"{path}: line 1: not a track model's meta", Assert.Throws<InvalidDataException>(() => TrackModel.Load(dir)).Message);
        File.Delete(path);
        Assert.Contains("meta.json is missing", Assert.Throws<FileNotFoundException>(() => TrackModel.Load(dir)).Message);
    }

    [Fact]
    public void Evaluation_scores_the_model_and_every_baseline_on_the_same_test_windows()
    {
        var report = new EvaluationReport([.. fixture.Models.Select(m => TrackEvaluation.Run(fixture.Data, m))]);
        foreach (var g in report.Genders)
        {
            Assert.Equal(["model", "last same-label peak", "last peak (any label)", "mean of past peaks", "linear trend"], g.Scores.Select(s => s.Predictor));
            Assert.True(g.SameData);
            Assert.All(g.Forecasts, f => Assert.Contains(f.Window.TargetSeason.Season.ToString(), g.TestSeasons));
            Assert.All(g.Forecasts, f => Assert.Equal(f.Window.LastSameLabel.Peak, f.Baselines[Baseline.LastSameLabelPeak]));
            Assert.All(g.Scores, s => Assert.Equal(g.Model.MaeByEvent.Keys, s.MaeByEvent.Keys));
        }
        var json = JsonNode.Parse(report.ToJson())!;
        Assert.Equal(2, json["genders"]!.AsArray().Count);
        Assert.Equal(5, json["genders"]![0]!["scores"]!.AsArray().Count);
        Assert.Equal(10, report.Summary().Rows.Count);
        Assert.Equal(["gender", "predictor", "windows", "error %"], report.Summary().Columns.Take(4).Select(c => c.Name));
        Assert.Contains("men: model", report.ToString());

        var men = report.Genders[0];
        var families = men.Forecasts.Select(f => f.Window.Family.Event.Family).Distinct().Count();
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

        var curves = EvaluationCharts.LearningCurves([.. report.Genders.Select(g => g.Meta)]);
        var lines = PlotlyFigure.Traces(curves);
        Assert.Equal(6, lines.Count);
        Assert.Equal(["x", "x", "x", "x", "x2", "x2"], lines.Select(t => (string)t!["xaxis"]!));
        Assert.Equal(men.Meta.History.Select(h => h.TrainLoss), PlotlyFigure.Numbers(lines[0]!, "y"));
        Assert.Equal("validation error (% of the mark)", PlotlyFigure.AxisTitle(curves, "yaxis2"));
        Assert.Equal("Learning curves", PlotlyFigure.Title(curves));
    }

    private string Copy(string gender, string name)
    {
        var dir = Path.Combine(fixture.Temp, $"copy-{gender}-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        foreach (var file in Directory.GetFiles(Path.Combine(fixture.ModelDirectory, gender))) File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        return dir;
    }
}
