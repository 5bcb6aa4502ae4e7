using Lib.Tensors.Autograd;
using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.NN;

/// <summary>MultiheadAttention, TransformerEncoderLayer and TransformerEncoder: names, init, layouts, masks, dropout and errors.</summary>
public class TransformerModuleTests
{
    private static readonly string[] LayerKeys =
    [
        "self_attn.in_proj_weight", "self_attn.in_proj_bias", "self_attn.out_proj.weight", "self_attn.out_proj.bias",
        "linear1.weight", "linear1.bias", "linear2.weight", "linear2.bias",
        "norm1.weight", "norm1.bias", "norm2.weight", "norm2.bias",
    ];

    private static TransformerEncoderLayer Layer(Generator g, float dropout = 0f, bool batchFirst = true, bool normFirst = false) =>
        new(8, 2, g, dimFeedforward: 16, dropout: dropout, batchFirst: batchFirst, normFirst: normFirst);

    [Fact]
    public void Multihead_attention_has_pytorchs_keys_and_init()
    {
        var mha = new MultiheadAttention(16, 4, new Generator(1));
        Assert.Equal(["in_proj_weight", "in_proj_bias", "out_proj.weight", "out_proj.bias"], mha.NamedParameters().Select(p => p.Name));
        Assert.Equal(["in_proj_weight", "in_proj_bias", "out_proj.weight", "out_proj.bias"], mha.StateDict().Keys);
        Assert.Equal([48, 16], mha.InProjWeight.Shape);
        Assert.Equal(4, mha.HeadDim);
        double xavier = Math.Sqrt(6.0 / (16 + 48));
        Assert.All(mha.InProjWeight.ToArray(), w => Assert.InRange(w, -xavier, xavier));
        Assert.True(mha.InProjWeight.ToArray().Max(Math.Abs) > 0.95 * xavier);
        Assert.All(mha.OutProj.Weight.ToArray(), w => Assert.InRange(w, -0.25, 0.25)); // nn.Linear's U(-1/√16, 1/√16)
        Assert.All(mha.InProjBias!.ToArray(), b => Assert.Equal(0f, b));
        Assert.All(mha.OutProj.Bias!.ToArray(), b => Assert.Equal(0f, b));
        Assert.Equal(mha.InProjWeight.ToArray(), new MultiheadAttention(16, 4, new Generator(1)).InProjWeight.ToArray());
        Assert.Equal(["in_proj_weight", "out_proj.weight"], new MultiheadAttention(16, 4, new Generator(1), bias: false).StateDict().Keys);
    }

    [Fact]
    public void Encoder_layer_and_encoder_keys_equal_pytorchs()
    {
        var layer = Layer(new Generator(0));
        Assert.Equal(["self_attn", "linear1", "dropout", "linear2", "norm1", "norm2", "dropout1", "dropout2"], layer.NamedChildren().Select(c => c.Name));
        Assert.Equal(LayerKeys, layer.NamedParameters().Select(p => p.Name));
        Assert.Equal(LayerKeys, layer.StateDict().Keys);

        var g = new Generator(0);
        var encoder = new TransformerEncoder(_ => Layer(g), 2, norm: new LayerNorm(8));
        string[] expected = [.. LayerKeys.Select(k => "layers.0." + k), .. LayerKeys.Select(k => "layers.1." + k), "norm.weight", "norm.bias"];
        Assert.Equal(expected, encoder.StateDict().Keys);
        Assert.Equal(expected, encoder.NamedParameters().Select(p => p.Name));
        Assert.Equal(2, encoder.NumLayers);
        Assert.NotEqual(encoder.Layers[0].Linear1.Weight.ToArray(), encoder.Layers[1].Linear1.Weight.ToArray());
        Assert.DoesNotContain(new TransformerEncoder(_ => Layer(g), 1).StateDict().Keys, k => k.StartsWith("norm", StringComparison.Ordinal));
        Assert.Contains("(self_attn): MultiheadAttention(", layer.ToString());
        Assert.Contains("(out_proj): Linear(in_features=8, out_features=8, bias=True)", layer.ToString());
    }

    [Fact]
    public void Packed_self_attention_equals_three_separate_projections()
    {
        var mha = new MultiheadAttention(8, 2, new Generator(2), batchFirst: true);
        var mask = Tensor.FromArray([1f, 1f, 1f, 1f, 1f, 1f, 0f, 0f], 2, 4);
        var x = GradCheck.Randn(3, 2, 4, 8).RequireGrad();
        var (packed, wPacked) = mha.Forward(x, x, x, mask);
        packed.Mul(GradCheck.Randn(4, 2, 4, 8)).Sum().Backward();
        var gradPacked = mha.InProjWeight.Grad!.ToArray();
        mha.ZeroGrad();

        var (q, k, v) = (x.Detach().Clone().RequireGrad(), x.Detach().Clone().RequireGrad(), x.Detach().Clone().RequireGrad());
        var (separate, wSeparate) = mha.Forward(q, k, v, mask);
        separate.Mul(GradCheck.Randn(4, 2, 4, 8)).Sum().Backward();
        Approx.Equal(separate, packed, 1e-6f, 1e-5f, "output");
        Approx.Equal(wSeparate!, wPacked!, 1e-6f, 1e-5f, "weights");
        Approx.Equal(mha.InProjWeight.Grad!.ToArray(), gradPacked, 1e-5f, 1e-4f, "grad in_proj_weight");
        Approx.Equal(x.Grad!, q.Grad! + k.Grad! + v.Grad!, 1e-5f, 1e-4f, "grad input");
    }

    [Fact]
    public void Sequence_first_layout_matches_batch_first_on_transposed_inputs()
    {
        var first = Layer(new Generator(5), batchFirst: true, normFirst: true);
        var second = Layer(new Generator(6), batchFirst: false, normFirst: true);
        second.LoadStateDict(first.StateDict());
        var x = GradCheck.Randn(7, 3, 5, 8); // [B, T, E]
        var mask = Tensor.FromArray([1f, 1f, 1f, 1f, 1f, 1f, 1f, 0f, 0f, 0f, 1f, 1f, 1f, 1f, 0f], 3, 5);
        Approx.Equal(first.Forward(x, mask), second.Forward(x.Transpose(0, 1), mask).Transpose(0, 1), 1e-6f, 1e-5f, "layer");

        var mhaFirst = new MultiheadAttention(8, 2, new Generator(8), batchFirst: true);
        var mhaSecond = new MultiheadAttention(8, 2, new Generator(9));
        mhaSecond.LoadStateDict(mhaFirst.StateDict());
        var kv = GradCheck.Randn(10, 3, 5, 8);
        var q = GradCheck.Randn(11, 3, 2, 8);
        var (o1, w1) = mhaFirst.Forward(q, kv, kv, mask);
        var (o2, w2) = mhaSecond.Forward(q.Transpose(0, 1), kv.Transpose(0, 1), kv.Transpose(0, 1), mask);
        Assert.Equal([2, 3, 8], o2.Shape);
        Approx.Equal(o1, o2.Transpose(0, 1), 1e-6f, 1e-5f, "mha output");
        Approx.Equal(w1!, w2!, 1e-6f, 1e-5f, "mha weights are [B, T, S] in both layouts");
    }

    [Fact]
    public void Weights_per_head_average_to_the_returned_weights_and_can_be_skipped()
    {
        var mha = new MultiheadAttention(8, 2, new Generator(2), batchFirst: true);
        var x = GradCheck.Randn(3, 2, 4, 8);
        var (_, perHead) = mha.Forward(x, x, x, averageAttnWeights: false);
        var (_, averaged) = mha.Forward(x, x, x);
        Assert.Equal([2, 2, 4, 4], perHead!.Shape);
        Assert.Equal([2, 4, 4], averaged!.Shape);
        Approx.Equal(perHead.Mean(1), averaged, 1e-7f, 1e-6f, "mean over heads");
        Approx.Equal(Tensor.Ones(2, 4), averaged.Sum(-1), 1e-6f, 1e-6f, "rows sum to one");
        Assert.Null(mha.Forward(x, x, x, needWeights: false).Weights);
    }

    [Fact]
    public void A_causal_mask_hides_later_positions()
    {
        const int t = 5;
        var causal = Tensor.Zeros(t, t);
        for (int i = 0; i < t; i++) for (int j = i + 1; j < t; j++) causal.AsSpan()[i * t + j] = float.NegativeInfinity;
        var mha = new MultiheadAttention(8, 2, new Generator(2), batchFirst: true);
        var x = GradCheck.Randn(3, 1, t, 8);
        var (o, w) = mha.Forward(x, x, x, attnMask: causal);
        for (int i = 0; i < t; i++) for (int j = i + 1; j < t; j++) Assert.Equal(0f, w![0, i, j]);
        var changed = x.ToArray();
        for (int e = 0; e < 8; e++) changed[(t - 1) * 8 + e] += 1f; // alter only the last token
        var (o2, _) = mha.Forward(Tensor.FromArray(changed, 1, t, 8), Tensor.FromArray(changed, 1, t, 8), Tensor.FromArray(changed, 1, t, 8), attnMask: causal);
        Approx.Equal(o.Narrow(1, 0, t - 1), o2.Narrow(1, 0, t - 1), 1e-6f, 1e-6f, "earlier positions");

        var encoder = new TransformerEncoder(_ => Layer(new Generator(4)), 2);
        var y = encoder.Forward(x, mask: causal);
        var y2 = encoder.Forward(Tensor.FromArray(changed, 1, t, 8), mask: causal);
        Approx.Equal(y.Narrow(1, 0, t - 1), y2.Narrow(1, 0, t - 1), 1e-5f, 1e-5f, "encoder, earlier positions");
        Assert.NotEqual(y.Narrow(1, t - 1, 1).ToArray(), y2.Narrow(1, t - 1, 1).ToArray());
    }

    [Fact]
    public void Attention_dropout_acts_only_in_training_and_repeats_for_a_seed()
    {
        var mha = new MultiheadAttention(8, 2, new Generator(3), dropout: 0.5f, batchFirst: true);
        var x = GradCheck.Randn(4, 2, 6, 8);
        mha.Eval();
        var (evalOut, evalW) = mha.Forward(x, x, x, averageAttnWeights: false);
        Assert.Equal(evalOut.ToArray(), mha.Forward(x, x, x).Output.ToArray());
        var noDropout = new MultiheadAttention(8, 2, new Generator(0), batchFirst: true);
        noDropout.LoadStateDict(mha.StateDict());
        Assert.Equal(evalOut.ToArray(), noDropout.Forward(x, x, x).Output.ToArray());

        mha.Train();
        var (trainOut, trainW) = mha.Forward(x, x, x, averageAttnWeights: false);
        Assert.NotEqual(evalOut.ToArray(), trainOut.ToArray());
        var e = evalW!.ToArray();
        var d = trainW!.ToArray();
        int dropped = 0;
        for (int i = 0; i < e.Length; i++)
        {
            if (d[i] == 0f) { dropped++; continue; }
            Assert.Equal(2f * e[i], d[i], 5); // kept weights are scaled by 1/(1 − p)
        }
        Assert.InRange(dropped, e.Length / 4, 3 * e.Length / 4);

        var twin = new MultiheadAttention(8, 2, new Generator(3), dropout: 0.5f, batchFirst: true);
        Assert.Equal(new MultiheadAttention(8, 2, new Generator(3), dropout: 0.5f, batchFirst: true).Forward(x, x, x).Output.ToArray(),
            twin.Forward(x, x, x).Output.ToArray());
    }

    [Fact]
    public void Encoder_layer_dropout_acts_only_in_training_and_repeats_for_a_seed()
    {
        var x = GradCheck.Randn(1, 2, 5, 8);
        var layer = Layer(new Generator(4), dropout: 0.2f);
        var trained = layer.Forward(x).ToArray();
        Assert.Equal(trained, Layer(new Generator(4), dropout: 0.2f).Forward(x).ToArray());
        Assert.NotEqual(trained, layer.Forward(x).ToArray()); // the generator moved on
        layer.Eval();
        var evaluated = layer.Forward(x).ToArray();
        Assert.Equal(evaluated, layer.Forward(x).ToArray());
        var plain = Layer(new Generator(0));
        plain.LoadStateDict(layer.StateDict());
        Assert.Equal(evaluated, plain.Forward(x).ToArray());
        Assert.NotEqual(trained, evaluated);
    }

    [Fact]
    public void Encoder_runs_every_layer_then_the_norm()
    {
        var g = new Generator(12);
        var encoder = new TransformerEncoder(_ => Layer(g, normFirst: true), 3, new LayerNorm(8));
        var x = GradCheck.Randn(13, 2, 4, 8);
        var mask = Tensor.FromArray([1f, 1f, 1f, 0f, 1f, 1f, 1f, 1f], 2, 4);
        var expected = x;
        foreach (var layer in encoder.Layers) expected = layer.Forward(expected, mask);
        Approx.Equal(encoder.Norm!.Forward(expected), encoder.Forward(x, mask), 0f, 0f, "encoder");
        using (GradMode.NoGrad()) Assert.False(encoder.Forward(x, mask).RequiresGrad);
    }

    [Fact]
    public void Bad_configurations_and_inputs_are_clear_errors()
    {
        var g = new Generator(0);
        var e = Assert.Throws<ArgumentException>(() => new MultiheadAttention(10, 3, g));
        Assert.Contains("embed_dim must be divisible by num_heads", e.Message);
        Assert.Throws<ArgumentException>(() => new TransformerEncoderLayer(10, 4, g));
        e = Assert.Throws<ArgumentException>(() => new TransformerEncoderLayer(8, 2, g, activation: "tanh"));
        Assert.Contains("relu/gelu", e.Message);

        var mha = new MultiheadAttention(8, 2, g, batchFirst: true);
        var x = GradCheck.Randn(1, 2, 4, 8);
        e = Assert.Throws<ArgumentException>(() => mha.Forward(x, x, x, Tensor.Ones(2, 5)));
        Assert.Contains("keyPaddingMask must be [B, S] = [2, 4]", e.Message);
        e = Assert.Throws<ArgumentException>(() => mha.Forward(x, x, x, Tensor.Ones(4, 2)));
        Assert.Contains("got [4, 2]", e.Message);
        e = Assert.Throws<ArgumentException>(() => mha.Forward(GradCheck.Randn(1, 2, 4, 6), x, x));
        Assert.Contains("query must be [B, T, E] with E = 8", e.Message);
        e = Assert.Throws<ArgumentException>(() => mha.Forward(x, GradCheck.Randn(1, 3, 4, 8), GradCheck.Randn(1, 3, 4, 8)));
        Assert.Contains("batch size 3", e.Message);
        e = Assert.Throws<ArgumentException>(() => mha.Forward(x, x, GradCheck.Randn(1, 2, 5, 8)));
        Assert.Contains("key and value must both be", e.Message);
        e = Assert.Throws<ArgumentException>(() => Layer(g).Forward(x, Tensor.Ones(2, 3)));
        Assert.Contains("[B, S] = [2, 4]", e.Message);

        var shared = Layer(g);
        e = Assert.Throws<ArgumentException>(() => new TransformerEncoder(_ => shared, 2));
        Assert.Contains("same layer instance", e.Message);
        e = Assert.Throws<ArgumentException>(() => new TransformerEncoder(i => Layer(g, batchFirst: i == 0), 2));
        Assert.Contains("batch_first", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransformerEncoder(_ => Layer(g), 0));
    }
}
