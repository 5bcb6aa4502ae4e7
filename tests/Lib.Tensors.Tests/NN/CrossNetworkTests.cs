using Lib.Tensors.NN;
using Lib.Tensors.Tests.Golden;

namespace Lib.Tensors.Tests.NN;

/// <summary>The DCN-V2 cross layer and network: PyTorch goldens, finite differences, init, keys and errors.</summary>
public class CrossNetworkTests
{
    [Theory]
    [InlineData("mod_cross_network_full")]
    [InlineData("mod_cross_network_rank2")]
    public void Cross_network_matches_pytorch_reference_with_its_keys(string caseName)
    {
        var f = Fixtures.Load(caseName);
        var cfg = f.Config;
        int? rank =
            cfg.Json.GetProperty("rank").ValueKind == System.Text.Json.JsonValueKind.Null ? null : cfg.Int("rank");
        var net = f.LoadInto(
            new CrossNetwork(cfg.Int("in_features"), cfg.Int("num_layers"), new Generator(0), rank, cfg.Bool("bias"))
        );
        Assert.Equal(rank, net.Rank);
        GoldenCheck.Run(f, x => new() { ["out"] = net.Call(x["input"]) }, net);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(2)]
    public void Gradients_of_input_and_every_parameter_match_finite_differences(int? rank)
    {
        var net = new CrossNetwork(4, 2, new Generator(3), rank);
        Tensor[] inputs = [GradCheck.Randn(4, 2, 3, 4), .. net.Parameters()];
        GradCheck.Check(x => net.Call(x[0]), inputs, eps: 1e-2f, atol: 1e-2f, rtol: 1e-2f);
    }

    [Fact]
    public void A_layer_computes_x0_times_wx_plus_b_plus_x()
    {
        var layer = new CrossLayer(2, new Generator(0));
        Tensor.FromArray([1f, 2f, 3f, 4f]).Data.CopyTo(layer.Weight!.AsSpan()); // [[1,2],[3,4]]
        Tensor.FromArray([0.5f, -1f]).Data.CopyTo(layer.Bias!.AsSpan());
        var x0 = Tensor.FromArray([2f, -1f], 1, 2);
        var xl = Tensor.FromArray([1f, 1f], 1, 2);
        // W xl + b = [3.5, 6]; x0 ⊙ that = [7, -6]; + xl = [8, -5]
        Assert.Equal([8f, -5f], layer.Forward(x0, xl).ToArray());
    }

    [Fact]
    public void Low_rank_layer_equals_the_full_rank_layer_with_w_equal_u_vt()
    {
        var low = new CrossLayer(5, new Generator(1), rank: 2);
        var full = new CrossLayer(5, new Generator(2));
        var w = low.WeightU!.MatMul(low.WeightV!); // [5, 5]
        w.Data.CopyTo(full.Weight!.AsSpan());
        low.Bias!.Data.CopyTo(full.Bias!.AsSpan());
        var x0 = GradCheck.Randn(5, 3, 5);
        var xl = GradCheck.Randn(6, 3, 5);
        Approx.Equal(full.Forward(x0, xl), low.Forward(x0, xl));
    }

    [Fact]
    public void Keys_shapes_and_parameter_counts_follow_the_documented_layout()
    {
        var full = new CrossNetwork(6, 2, new Generator(0));
        Assert.Equal(
            ["layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias"],
            full.NamedParameters().Select(p => p.Name)
        );
        Assert.Equal(2 * (6 * 6 + 6), full.NumParameters());
        var low = new CrossNetwork(6, 2, new Generator(0), rank: 3, bias: false);
        Assert.Equal(
            ["layers.0.weight_v", "layers.0.weight_u", "layers.1.weight_v", "layers.1.weight_u"],
            low.NamedParameters().Select(p => p.Name)
        );
        Assert.Equal([3, 6], low.Layers[0].WeightV!.Shape);
        Assert.Equal([6, 3], low.Layers[0].WeightU!.Shape);
        Assert.Equal(2 * (2 * 6 * 3), low.NumParameters());
        Assert.Contains("CrossLayer(in_features=6, rank=3, bias=False)", low.ToString());
    }

    [Fact]
    public void Initialises_like_nn_linear_and_repeats_for_a_seed()
    {
        var layer = new CrossLayer(64, new Generator(1));
        double bound = 1 / Math.Sqrt(64);
        Assert.All(layer.Weight!.ToArray(), v => Assert.InRange(v, -bound, bound));
        Assert.All(layer.Bias!.ToArray(), v => Assert.InRange(v, -bound, bound));
        Assert.True(layer.Weight.ToArray().Max(Math.Abs) > 0.98 * bound);
        Assert.Equal(new Linear(64, 64, new Generator(1)).Weight.ToArray(), layer.Weight.ToArray());

        var low = new CrossLayer(64, new Generator(1), rank: 4);
        double vBound = 1 / Math.Sqrt(64),
            uBound = 1 / Math.Sqrt(4);
        Assert.All(low.WeightV!.ToArray(), v => Assert.InRange(v, -vBound, vBound));
        Assert.All(low.WeightU!.ToArray(), v => Assert.InRange(v, -uBound, uBound));
        Assert.True(low.WeightU.ToArray().Max(Math.Abs) > 0.9 * uBound);
        Assert.All(low.Bias!.ToArray(), v => Assert.InRange(v, -uBound, uBound));
    }

    [Fact]
    public void Bad_arguments_and_shapes_are_clear_errors()
    {
        var g = new Generator(0);
        Assert.Contains(
            "rank",
            Assert.Throws<ArgumentOutOfRangeException>(() => new CrossLayer(4, g, rank: 5)).Message
        );
        Assert.Contains(
            "rank",
            Assert.Throws<ArgumentOutOfRangeException>(() => new CrossLayer(4, g, rank: 0)).Message
        );
        Assert.Throws<ArgumentOutOfRangeException>(() => new CrossLayer(0, g));
        Assert.Contains(
            "numLayers",
            Assert.Throws<ArgumentOutOfRangeException>(() => new CrossNetwork(4, 0, g)).Message
        );
        var net = new CrossNetwork(4, 1, g);
        var error = Assert.Throws<ArgumentException>(() => net.Call(Tensor.Zeros(2, 3)));
        Assert.Contains("[2, 3]", error.Message);
        Assert.Contains("4 features", error.Message);
        Assert.Throws<ArgumentException>(() => net.Layers[0].Forward(Tensor.Zeros(2, 4), Tensor.Zeros(3, 4)));
    }
}
