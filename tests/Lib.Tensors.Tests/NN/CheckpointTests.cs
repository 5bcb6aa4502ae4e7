using Lib.Tensors.IO;
using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.NN;

public class CheckpointTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-ckpt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static Sequential Mlp(long seed, int hidden = 5)
    {
        var g = new Generator(seed);
        return new Sequential(new Linear(3, hidden, g), new GELU(), new Linear(hidden, 1, g), new LayerNorm(1));
    }

    private sealed record ModelArgs(int Hidden, string Activation, string[] Vocabulary);

    [Fact]
    public void State_dict_round_trips_through_a_file_with_pytorch_keys()
    {
        var path = PathOf("model.safetensors");
        var source = Mlp(1);
        Checkpoint.Save(path, source, new Dictionary<string, string> { ["epoch"] = "3" });

        var (entries, _) = SafeTensors.Load(path);
        Assert.Equal(["0.bias", "0.weight", "2.bias", "2.weight", "3.bias", "3.weight"], entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("F32", entries["0.weight"].DType);
        Assert.Equal([5, 3], entries["0.weight"].Shape);

        var target = Mlp(2);
        var heldWeight = ((Linear)target[0]).Weight;
        var metadata = Checkpoint.Load(path, target);
        Assert.Equal("3", metadata["epoch"]);
        foreach (var (key, value) in source.StateDict()) Assert.Equal(value.ToArray(), target.StateDict()[key].ToArray());
        Assert.Same(heldWeight, ((Linear)target[0]).Weight); // loaded in place: optimizers keep valid references
    }

    [Fact]
    public void Loading_names_missing_and_unexpected_keys_and_the_file()
    {
        var path = PathOf("small.safetensors");
        Checkpoint.Save(path, new Sequential(new Linear(3, 5, new Generator(0))));
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path, Mlp(0)));
        Assert.Contains(path, e.Message);
        Assert.Contains("missing keys [2.weight, 2.bias, 3.weight, 3.bias]", e.Message);

        var extra = PathOf("extra.safetensors");
        var state = Mlp(0).StateDict();
        state["4.weight"] = Tensor.Zeros(2);
        Checkpoint.Save(extra, state);
        e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(extra, Mlp(0)));
        Assert.Contains("unexpected keys [4.weight]", e.Message);

        var partial = Mlp(5);
        var before = ((Linear)partial[2]).Weight.ToArray();
        Checkpoint.Load(path, partial, strict: false);
        Assert.Equal(before, ((Linear)partial[2]).Weight.ToArray());
    }

    [Fact]
    public void A_shape_mismatch_names_the_key_and_both_shapes()
    {
        var path = PathOf("wide.safetensors");
        Checkpoint.Save(path, Mlp(0, hidden: 8));
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path, Mlp(0)));
        Assert.Contains("'0.weight'", e.Message);
        Assert.Contains("[8, 3]", e.Message);
        Assert.Contains("[5, 3]", e.Message);
    }

    [Fact]
    public void A_corrupt_file_is_a_format_error_naming_it()
    {
        var path = PathOf("model.safetensors");
        Checkpoint.Save(path, Mlp(0));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 4)]);
        var e = Assert.Throws<SafeTensorsFormatException>(() => Checkpoint.Load(path, Mlp(0)));
        Assert.Equal(path, e.Path);
        Assert.Throws<FileNotFoundException>(() => Checkpoint.Load(PathOf("absent.safetensors"), Mlp(0)));
    }

    [Fact]
    public void The_json_sidecar_keeps_model_arguments_beside_the_weights()
    {
        var path = PathOf("run/model.safetensors");
        var args = new ModelArgs(5, "gelu", ["<pad>", "a", "b"]);
        Checkpoint.Save(path, Mlp(0));
        Checkpoint.SaveSidecar(path, args);
        Assert.Equal(PathOf("run/model.json"), Checkpoint.SidecarPath(path));
        Assert.True(File.Exists(PathOf("run/model.json")));

        var loaded = Checkpoint.LoadSidecar<ModelArgs>(path);
        Assert.Equal(args.Hidden, loaded.Hidden);
        Assert.Equal(args.Vocabulary, loaded.Vocabulary);
        Checkpoint.Load(path, Mlp(1, loaded.Hidden));
    }

    [Fact]
    public void A_bad_or_missing_sidecar_is_a_clear_error()
    {
        var path = PathOf("model.safetensors");
        Assert.Contains("model.json", Assert.Throws<FileNotFoundException>(() => Checkpoint.LoadSidecar<ModelArgs>(path)).Message);
        File.WriteAllText(Checkpoint.SidecarPath(path), "{\n  \"Hidden\": 5,\n  \"Activation\": [\n}");
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.LoadSidecar<ModelArgs>(path));
        Assert.Contains("model.json", e.Message);
        Assert.Contains("line", e.Message);
    }

    [Fact]
    public void Tensors_and_indices_convert_to_and_from_safetensors_entries()
    {
        var scalar = Tensor.Scalar(2.5f).ToSafeTensor();
        Assert.Empty(scalar.Shape);
        var back = scalar.ToTensor();
        Assert.Equal(0, back.Dim);
        Assert.Equal(2.5f, back.Item());

        var m = Tensor.Arange(0, 6).Reshape(2, 3).ToSafeTensor().ToTensor();
        Assert.Equal([2, 3], m.Shape);
        Assert.Equal([0f, 1f, 2f, 3f, 4f, 5f], m.ToArray());

        var idx = IndexTensor.FromArray([3, -1, 70000], 3, 1).ToSafeTensor();
        Assert.Equal("I64", idx.DType);
        var roundTrip = idx.ToIndexTensor();
        Assert.Equal([3, 1], roundTrip.Shape);
        Assert.Equal([3, -1, 70000], roundTrip.ToArray());
        Assert.Throws<ArgumentException>(() => m.ToSafeTensor().ToIndexTensor());
        Assert.Throws<ArgumentException>(() => SafeTensor.FromInt64([1L << 40], 1).ToIndexTensor());
    }
}
