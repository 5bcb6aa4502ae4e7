using Lib.Climbing.Dataset;
using Lib.Climbing.Model;
using Lib.Climbing.Train;
using Lib.Tensors;
using Lib.Tensors.Autograd;

namespace Lib.Tests.Climbing;

[Collection("climbing")]
public class GradeTransformerTests(ClimbingFixture fixture)
{
    private static readonly GradeTransformerConfig Small = new() { VocabSize = 50, FeatureCount = RouteTokenizer.FeatureCount, MaxLength = 16, DModel = 16, NHead = 2, NumLayers = 2, DimFeedforward = 32 };

    [Fact]
    public void The_defaults_are_the_issues_and_the_keys_are_PyTorchs()
    {
        var config = new GradeTransformerConfig { VocabSize = 10, FeatureCount = 8 };
        Assert.Equal((128, 4, 4, 256, 0.1f, "gelu", 64), (config.DModel, config.NHead, config.NumLayers, config.DimFeedforward, config.Dropout, config.Activation, config.MaxLength));
        var model = new GradeTransformer(Small, new Generator(1));
        var keys = model.StateDict().Keys.ToList();
        Assert.Equal(["token_embedding.weight", "position_embedding.weight", "feature_projection.weight", "feature_projection.bias"], keys.Take(4));
        Assert.Contains("encoder.layers.1.self_attn.in_proj_weight", keys);
        Assert.Contains("encoder.norm.weight", keys);
        Assert.Equal(["head.weight", "head.bias"], keys.TakeLast(2));
        Assert.True(model.Encoder.Layers[0].NormFirst);
        Assert.All(model.TokenEmbedding.Weight.Data[..16].ToArray(), v => Assert.Equal(0f, v)); // the padding row
    }

    [Fact]
    public void Padding_does_not_change_a_routes_prediction()
    {
        var model = new GradeTransformer(Small with { VocabSize = fixture.Data.Tokens.Vocabulary.Count, MaxLength = 64 }, new Generator(2));
        model.Eval();
        var routes = fixture.Data.Split(SplitName.Train).Take(6).ToList();
        var longest = routes.MaxBy(r => r.Length)!;
        var shortest = routes.MinBy(r => r.Length)!;
        Assert.True(longest.Length > shortest.Length);
        using var _ = GradMode.NoGrad();
        var alone = RouteBatch.Collate([shortest], 20, 3);
        var padded = RouteBatch.Collate([shortest, longest], 20, 3);
        Assert.Equal(longest.Length, padded.Ids.Shape[1]);
        var a = model.Forward(alone.Ids, alone.Features, alone.Mask).Data[0];
        var b = model.Forward(padded.Ids, padded.Features, padded.Mask).Data[0];
        Assert.Equal(a, b, 5);
    }

    [Fact]
    public void Wrong_inputs_are_errors_that_say_what_was_expected()
    {
        var model = new GradeTransformer(Small, new Generator(3));
        var ids = IndexTensor.Zeros(2, 20);
        Assert.Contains("longer than the 16 the model reads", Assert.Throws<ArgumentException>(() => model.Forward(ids, Tensor.Zeros(2, 20, 8), Tensor.Ones(2, 20))).Message);
        Assert.Contains("features must be [2, 5, 8], got [2, 5, 3]", Assert.Throws<ArgumentException>(() => model.Forward(IndexTensor.Zeros(2, 5), Tensor.Zeros(2, 5, 3), Tensor.Ones(2, 5))).Message);
    }

    [Fact]
    public void Training_lowers_the_loss_and_the_model_folder_predicts_the_same_after_loading()
    {
        var options = ClimbingFixture.TinyOptions with { Epochs = 4, MaxTrainRoutes = 200 };
        using var dir = new TempDir();
        var result = ClimbingTrainStep.Run(fixture.Data, options, dir.Path);
        var loss = result.History.TrainLoss;
        Assert.Equal(4, loss.Length);
        Assert.True(loss[^1] < loss[0], $"training loss {string.Join(", ", loss)} did not fall");
        Assert.Equal(["model.json", "model.safetensors"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var card = result.Model.Card;
        Assert.Equal(200, card.Training.TrainSamples);
        Assert.Equal(result.History.BestEpoch, card.Training.BestEpoch);
        Assert.Equal(result.History.Metric(GradeModelTrainer.Monitor).Min(), card.Training.BestValue, 9);
        Assert.Equal(RouteTokenizer.FeatureNames, card.Inputs.FeatureNames);
        Assert.Contains(card.Inputs.Boards, b => b.Key == "MOON2016" && b.Holds.Count == 198);

        Assert.Equal((GradeModel.Format, fixture.Data.Fingerprint), (card.Format, card.DataFingerprint));
        Assert.Equal(result.History.Epochs, card.History);
        Assert.Equal(card.Training.BestValue, card.Metrics[GradeModelTrainer.Monitor]);

        var loaded = GradeModel.Load(dir.Path);
        var val = fixture.Data.Split(SplitName.Val).Take(40).ToList();
        Assert.Equal(result.Model.Predict(val), loaded.Predict(val));
        Assert.Equal(result.Model.Predict(fixture.Data.Routes(SplitName.Val).Take(40).ToList()), loaded.Predict(val)); // as an IPredictor<Route>
        Assert.Equal(result.Model.Vocabulary.Tokens, loaded.Vocabulary.Tokens);
        Assert.Equal((card.Inputs.TargetMean, card.Inputs.TargetStd, card.DataFingerprint), (loaded.Card.Inputs.TargetMean, loaded.Card.Inputs.TargetStd, loaded.Card.DataFingerprint));
        Assert.Equal(card.History.Select(e => (e.Epoch, e.TrainLoss, e.Metrics[GradeModelTrainer.Monitor])), loaded.Card.History.Select(e => (e.Epoch, e.TrainLoss, e.Metrics[GradeModelTrainer.Monitor])));
        Assert.Equal((card.Training.BestEpoch, card.Training.Epochs, card.Training.TrainSamples), (loaded.Card.Training.BestEpoch, loaded.Card.Training.Epochs, loaded.Card.Training.TrainSamples));
        Assert.Equal("200", loaded.Card.Training.Options["max_train_routes"]?.ToString());
    }

    [Fact]
    public void A_missing_or_foreign_model_folder_is_a_clear_error()
    {
        using var dir = new TempDir();
        Assert.Contains("does not exist", Assert.Throws<DirectoryNotFoundException>(() => GradeModel.Load(Path.Combine(dir.Path, "none"))).Message);
        Assert.Contains("it has no model.json", Assert.Throws<FileNotFoundException>(() => GradeModel.Load(dir.Path)).Message);
        fixture.Model.Save(dir.Path);
        var json = Path.Combine(dir.Path, "model.json");
        var saved = File.ReadAllText(json);
        File.WriteAllText(json, saved.Replace(GradeModel.Format, "something/9", StringComparison.Ordinal));
        Assert.Contains("format 'something/9', expected 'lab.climbing.grade-transformer/2'", Assert.Throws<InvalidDataException>(() => GradeModel.Load(dir.Path)).Message);
        File.WriteAllText(json, saved.Replace("\"hold_count\"", "\"holds\"", StringComparison.Ordinal));
        var features = Assert.Throws<InvalidDataException>(() => GradeModel.Load(dir.Path)).Message;
        Assert.Contains(json, features);
        Assert.Contains("the model reads features [x, y, is_hold, is_start, is_finish, is_foot, angle, holds]", features);
        File.WriteAllText(json, saved);
        File.Delete(Path.Combine(dir.Path, "model.safetensors"));
        Assert.Contains("has model.json but no model.safetensors", Assert.Throws<FileNotFoundException>(() => GradeModel.Load(dir.Path)).Message);
    }
}
