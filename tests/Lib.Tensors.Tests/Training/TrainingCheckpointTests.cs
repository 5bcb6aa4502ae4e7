using Lib.Tensors.Optim;
using Lib.Tensors.IO;
using Lib.Tensors.Training;

namespace Lib.Tensors.Tests.Training;

public class TrainingCheckpointTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-ckpt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_plain_safetensors_file_is_not_a_training_checkpoint()
    {
        var path = Path.Combine(_dir, "weights.safetensors");
        SafeTensors.Save(path, new Dictionary<string, SafeTensor> { ["w"] = SafeTensor.FromFloat32([1f], 1) });
        var e = Assert.Throws<SafeTensorsFormatException>(() => TrainingCheckpoint.Load(path));
        Assert.Contains("lab.trainer", e.Message);
        Assert.Throws<FileNotFoundException>(() => TrainingCheckpoint.Load(Path.Combine(_dir, "missing.safetensors")));
    }

    [Fact]
    public void Corrupt_training_state_is_a_clear_error()
    {
        var path = Path.Combine(_dir, "bad.safetensors");
        SafeTensors.Save(path, new Dictionary<string, SafeTensor> { ["model.w"] = SafeTensor.FromFloat32([1f], 1) },
            new Dictionary<string, string> { [TrainingCheckpoint.StateKey] = "{not json" });
        var e = Assert.Throws<SafeTensorsFormatException>(() => TrainingCheckpoint.Load(path));
        Assert.Contains("not valid training state JSON", e.Message);
    }

    [Fact]
    public void Checkpoints_are_readable_as_plain_safetensors_with_prefixed_pytorch_keys()
    {
        var model = new LinearRegression(new Generator(1), 2);
        var trainer = new Trainer<Tensor[]>(model, new SGD(model.Parameters(), 0.1), b => LinearRegression.Mse(model.Call(b[0]), b[1]))
        {
            MaxEpochs = 1,
            Checkpoints = new CheckpointOptions(_dir),
        };
        trainer.Fit(TinyData.Loader(TinyData.Make(8, 1), 4, 3));
        var (tensors, metadata) = SafeTensors.Load(Path.Combine(_dir, "last.safetensors"));
        Assert.Equal(["model.batches_seen", "model.bias", "model.weight"], tensors.Keys.Order());
        Assert.Empty(tensors["model.batches_seen"].Shape);
        Assert.Equal("pt", metadata["format"]);
        Assert.Contains("\"train_shuffle_seed\":", metadata[TrainingCheckpoint.StateKey]);
        Assert.False(File.Exists(Path.Combine(_dir, "best.safetensors"))); // no monitor, no best
    }
}
