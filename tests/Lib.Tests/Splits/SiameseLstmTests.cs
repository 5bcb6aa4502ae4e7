using System.Text.Json;
using Lib.Splits.Model;
using Lib.Tensors;
using Lib.Tensors.IO;

namespace Lib.Tests.Splits;

/// <summary>The siamese LSTM against PyTorch (the original's PositionClassifier) and its layout.</summary>
public class SiameseLstmTests
{
    [Fact]
    public void Outputs_and_gradients_match_pytorch_with_the_original_keys()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "fixtures", "splits", "siamese_lstm.safetensors");
        var (tensors, meta) = SafeTensors.Load(path);
        var cfg = JsonDocument.Parse(meta["config"]).RootElement;
        var config = new SiameseLstmConfig
        {
            InputSize = cfg.GetProperty("input_size").GetInt32(),
            HiddenSize = cfg.GetProperty("hidden_size").GetInt32(),
            CompressSizes = [.. cfg.GetProperty("compress_sizes").EnumerateArray().Select(e => e.GetInt32())],
            PostLstmSizes = [.. cfg.GetProperty("post_lstm_sizes").EnumerateArray().Select(e => e.GetInt32())],
            Dropout = cfg.GetProperty("dropout").GetSingle(),
        };
        var net = new SiameseLstm(config, new Generator(0));
        var state = tensors
            .Where(kv => kv.Key.StartsWith("param.", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key["param.".Length..], kv => kv.Value.ToTensor());
        Assert.Equal(state.Keys.Order(StringComparer.Ordinal), net.StateDict().Keys.Order(StringComparer.Ordinal));
        net.LoadStateDict(state);
        net.Eval();
        var clip1 = tensors["input.clip1"].ToTensor().RequireGrad();
        var clip2 = tensors["input.clip2"].ToTensor().RequireGrad();
        var output = net.Forward(clip1, clip2);
        Close(tensors["output.out"].ToFloat32(), output.ToArray(), 1e-5f);
        (output * tensors["upstream.out"].ToTensor()).Sum().Backward();
        Close(tensors["grad.input.clip1"].ToFloat32(), clip1.Grad!.ToArray(), 1e-5f);
        Close(tensors["grad.input.clip2"].ToFloat32(), clip2.Grad!.ToArray(), 1e-5f);
        foreach (var (name, p) in net.NamedParameters())
            Close(tensors[$"grad.param.{name}"].ToFloat32(), p.Grad!.ToArray(), 1e-5f);
    }

    [Fact]
    public void The_default_network_is_the_originals_shape()
    {
        var net = new SiameseLstm(new SiameseLstmConfig { InputSize = 512 }, new Generator(1));
        Assert.Equal(
            [
                "compression.0.weight",
                "compression.0.bias",
                "lstm.weight_ih_l0",
                "lstm.weight_hh_l0",
                "lstm.bias_ih_l0",
                "lstm.bias_hh_l0",
                "lstm.weight_ih_l0_reverse",
                "lstm.weight_hh_l0_reverse",
                "lstm.bias_ih_l0_reverse",
                "lstm.bias_hh_l0_reverse",
                "post_lstm.0.weight",
                "post_lstm.0.bias",
                "fc.weight",
                "fc.bias",
            ],
            net.NamedParameters().Select(p => p.Name)
        );
        // 512·128+128, 2·(4·128·(128+128)+2·4·128), 512·64+64, 64+1
        Assert.Equal(65_664 + 264_192 + 32_832 + 65, net.NumParameters());
        var a = Tensor.Zeros(2, 50, 512);
        Assert.Equal([2], net.Forward(a, a).Shape);
        Assert.Throws<ArgumentException>(() => net.Forward(Tensor.Zeros(2, 50, 3), Tensor.Zeros(2, 50, 3)));
        Assert.Throws<ArgumentException>(() => new SiameseLstm(new SiameseLstmConfig { InputSize = 4, Dropout = 1 }, new(0)));
    }

    [Fact]
    public void Head_of_encoded_clips_equals_the_forward_pass()
    {
        var net = new SiameseLstm(new SiameseLstmConfig { InputSize = 6, HiddenSize = 4, CompressSizes = [5] }, new(2));
        net.Eval();
        var g = new Generator(3);
        var a = Tensor.Randn(g, 3, 7, 6);
        var b = Tensor.Randn(g, 3, 7, 6);
        Close(net.Forward(a, b).ToArray(), net.Head(net.Encode(a), net.Encode(b)).ToArray(), 1e-6f);
        var dot = new SiameseLstm(new SiameseLstmConfig { InputSize = 6, HiddenSize = 4, InteractionType = "dot" }, new(2));
        Assert.Equal([3], dot.Forward(a, b).Shape);
    }

    static void Close(float[] expected, float[] actual, float tol)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(
                Math.Abs(expected[i] - actual[i]) <= tol * (1 + Math.Abs(expected[i])),
                $"element {i}: expected {expected[i]}, got {actual[i]}"
            );
    }
}
