using Lib.Tensors.NN;
using Lib.Tensors.Tests.Golden;

namespace Lib.Tensors.Tests.NN;

/// <summary>
/// nn.MultiheadAttention, nn.TransformerEncoderLayer and nn.TransformerEncoder against PyTorch 1.13:
/// outputs at every position (padded query rows included: PyTorch computes them like any other, and so
/// do we), the attention weights, and the gradients of the inputs and of every parameter.
/// </summary>
public class TransformerGoldenTests
{
    /// <summary>Softmax, layer norms and several matmuls deep.</summary>
    private static readonly Tolerance Deep = new(1e-5, 1e-4);

    [Fact]
    public void Self_attention_with_key_padding_matches_pytorch() => CheckAttention("mod_mha_self_padding");

    [Fact]
    public void Cross_attention_with_key_padding_matches_pytorch() => CheckAttention("mod_mha_cross_padding");

    [Theory]
    [InlineData("mod_transformer_encoder_layer_postnorm_relu")]
    [InlineData("mod_transformer_encoder_layer_prenorm_gelu")]
    public void Encoder_layer_matches_pytorch(string caseName)
    {
        var f = Fixtures.Load(caseName);
        var layer = f.LoadInto(Layer(f.Config, new Generator(0)));
        CheckEncoder(f, layer, (src, mask) => layer.Forward(src, mask));
    }

    [Fact]
    public void Two_layer_encoder_matches_pytorch()
    {
        var f = Fixtures.Load("mod_transformer_encoder_2layer_prenorm_gelu");
        var g = new Generator(0);
        var encoder = f.LoadInto(new TransformerEncoder(_ => Layer(f.Config.Object("encoder_layer"), g), f.Config.Int("num_layers")));
        CheckEncoder(f, encoder, (src, mask) => encoder.Forward(src, mask));
    }

    /// <summary>Key, value and the weights' options as the case called PyTorch (self-attention passes the query as key and value).</summary>
    private static void CheckAttention(string caseName)
    {
        var f = Fixtures.Load(caseName);
        var cfg = f.Config;
        var call = f.Call;
        Assert.Equal("~valid_mask", call.String("key_padding_mask"));
        var mha = f.LoadInto(new MultiheadAttention(cfg.Int("embed_dim"), cfg.Int("num_heads"), new Generator(0), batchFirst: cfg.Bool("batch_first")));
        GoldenCheck.Run(f, x =>
        {
            var (output, weights) = mha.Forward(x["query"], x[call.String("key", "key")], x[call.String("value", "value")], ValidMask(f),
                needWeights: call.Bool("need_weights"), averageAttnWeights: call.Bool("average_attn_weights"));
            return new() { ["out"] = output, ["attn_weights"] = weights! };
        }, mha, Deep);
    }

    private static void CheckEncoder(Fixture f, Module module, Func<Tensor, Tensor, Tensor> forward)
    {
        Assert.Equal("~valid_mask", f.Call.String("src_key_padding_mask"));
        GoldenCheck.Run(f, x => new() { ["out"] = forward(x["src"], ValidMask(f)) }, module, Deep);
    }

    private static TransformerEncoderLayer Layer(FixtureArgs cfg, Generator g) =>
        new(cfg.Int("d_model"), cfg.Int("nhead"), g, dimFeedforward: cfg.Int("dim_feedforward"), dropout: cfg.Float("dropout"),
            activation: cfg.String("activation"), batchFirst: cfg.Bool("batch_first"), normFirst: cfg.Bool("norm_first"));

    /// <summary>The stored I64 mask (already in our polarity, 1 = real token) as the float 0/1 the engine takes.</summary>
    private static Tensor ValidMask(Fixture f) => f.Index("input.valid_mask").ToTensor();
}
