using Lib.Tensors;
using Lib.Tensors.NN;
using Lib.Tensors.Training;
using Lib.Workflow;

namespace Lib.Tests.Workflow;

public class ModelFolderTests
{
    private sealed record Config(int In, int Out);

    private sealed record Inputs(IReadOnlyList<string> Names, double Mean, double Std);

    private const string Format = "lab.test.linear/1";

    private static ModelCard<Config, Inputs> Card(Config config) => new()
    {
        Format = Format,
        Config = config,
        Inputs = new Inputs(["a", "b", "c"], 1.5, double.NaN),
        DataFingerprint = "abc123",
        Training = new TrainingSummary
        {
            TrainSamples = 10, ValidationSamples = 4, MaxEpochs = 5, Epochs = 3, BestEpoch = 1, Monitor = "val_mae", BestValue = 0.25,
            StoppedEarly = true, Seconds = 1.5, Parameters = 8, Options = new Dictionary<string, object?> { ["lr"] = 0.01, ["seed"] = 7L },
        },
        History = [new EpochRecord(0, 1.0, new Dictionary<string, double> { ["val_mae"] = 0.5 }, 0.01, 0.2, 3)],
        Metrics = new Dictionary<string, double> { ["test_mae"] = 0.3 },
    };

    private static (ModelCard<Config, Inputs>, Linear) Load(string folder) =>
        ModelFolder.Load<Config, Inputs, Linear>(folder, Format, c => new Linear(c.Config.In, c.Config.Out, new Generator(9)));

    [Fact]
    public void A_saved_folder_loads_back_the_same_weights_and_card()
    {
        using var dir = new TempDir();
        var network = new Linear(3, 2, new Generator(1));
        ModelFolder.Save(dir.Path, network, Card(new Config(3, 2)));
        Assert.True(ModelFolder.Holds(dir.Path));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));

        var (card, loaded) = Load(dir.Path);
        Assert.Equal(network.Weight.ToArray(), loaded.Weight.ToArray());
        Assert.Equal(network.Bias!.ToArray(), loaded.Bias!.ToArray());
        Assert.False(loaded.Training);
        Assert.Equal(["a", "b", "c"], card.Inputs.Names);
        Assert.True(double.IsNaN(card.Inputs.Std));
        Assert.Equal("abc123", card.DataFingerprint);
        Assert.Equal(1, card.Training.BestEpoch);
        Assert.Equal(0.25, card.Training.BestValue);
        Assert.Equal("0.01", card.Training.Options["lr"]!.ToString());
        Assert.Equal(0.5, card.History[0].Metrics["val_mae"]);
        Assert.Equal(3, card.History[0].Step);
        Assert.Equal(0.3, card.Metrics["test_mae"]);
        Assert.Contains("\"dataFingerprint\": \"abc123\"", File.ReadAllText(Path.Combine(dir.Path, ModelFolder.CardFile)));
    }

    [Fact]
    public void A_folder_that_is_missing_of_another_format_or_with_other_weights_is_refused_naming_the_file()
    {
        using var dir = new TempDir();
        Assert.Throws<DirectoryNotFoundException>(() => Load(Path.Combine(dir.Path, "nope")));
        Assert.Contains("has no model.json", Assert.Throws<FileNotFoundException>(() => Load(dir.Path)).Message);

        ModelFolder.Save(dir.Path, new Linear(3, 2, new Generator(1)), Card(new Config(3, 2)) with { Format = "lab.other/1" });
        var format = Assert.Throws<InvalidDataException>(() => Load(dir.Path));
        Assert.Contains("format 'lab.other/1', expected 'lab.test.linear/1'", format.Message);

        ModelFolder.Save(dir.Path, new Linear(3, 2, new Generator(1)), Card(new Config(4, 2)));
        var shape = Assert.Throws<InvalidDataException>(() => Load(dir.Path));
        Assert.Contains(ModelFolder.WeightsFile, shape.Message);
        Assert.Contains("does not match", shape.Message);

        var explained = Assert.Throws<InvalidDataException>(() => ModelFolder.Load<Config, Inputs, Linear>(dir.Path, Format,
            c => new Linear(c.Config.In, c.Config.Out, new Generator(0)), (c, t) => [$"in: the card says {c.Config.In}, the weights have {t["weight"].Size(1)}"]));
        Assert.Contains("in: the card says 4, the weights have 3", explained.Message);

        File.WriteAllText(Path.Combine(dir.Path, ModelFolder.CardFile), "{\n  \"format\": \"lab.test.linear/1\",\n  \"config\": [\n");
        var broken = Assert.Throws<InvalidDataException>(() => Load(dir.Path));
        Assert.Contains(ModelFolder.CardFile, broken.Message);
        Assert.Contains("line", broken.Message);

        File.Delete(Path.Combine(dir.Path, ModelFolder.WeightsFile));
        Assert.Contains("no model.safetensors", Assert.Throws<FileNotFoundException>(() => Load(dir.Path)).Message);
    }
}
