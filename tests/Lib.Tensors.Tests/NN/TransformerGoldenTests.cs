using System.Text.Json;
using Lib.Tensors.NN;
using Lib.Tensors.Tests.Golden;
using static Lib.Tensors.Tests.Golden.NnFixtures;

namespace Lib.Tensors.Tests.NN;

/// <summary>
/// nn.MultiheadAttention, nn.TransformerEncoderLayer and nn.TransformerEncoder against PyTorch 1.13:
/// outputs at every position (padded query rows included: PyTorch computes them like any other, and so
/// do we), the attention weights, and the gradients of the inputs and of every parameter.
/// </summary>
public class TransformerGoldenTests
{
    private const double Atol = 1e-5, Rtol = 1e-4;

    [Fact]
    public void Self_attention_with_key_padding_matches_pytorch()
    {
        var f = Load("mod_mha_self_padding");
        var mha = Mha(f);
        var x = f.Tensor("input.query").RequireGrad();
        var (output, weights) = mha.Forward(x, x, x, ValidMask(f), needWeights: true, averageAttnWeights: true);
        AssertClose(f.Tensor("output.out"), output, "mha self out", Atol, Rtol);
        AssertClose(f.Tensor("output.attn_weights"), weights!, "mha self attn_weights", Atol, Rtol);
        (output.Mul(f.Tensor("upstream.out")).Sum() + weights!.Mul(f.Tensor("upstream.attn_weights")).Sum()).Backward();
        AssertClose(f.Tensor("grad.input.query"), x.Grad!, "mha self grad query", Atol, Rtol);
        CheckParameterGradients(f, mha);
    }

    [Fact]
    public void Cross_attention_with_key_padding_matches_pytorch()
    {
        var f = Load("mod_mha_cross_padding");
        var mha = Mha(f);
        var q = f.Tensor("input.query").RequireGrad();
        var k = f.Tensor("input.key").RequireGrad();
        var v = f.Tensor("input.value").RequireGrad();
        var (output, weights) = mha.Forward(q, k, v, ValidMask(f));
        AssertClose(f.Tensor("output.out"), output, "mha cross out", Atol, Rtol);
        AssertClose(f.Tensor("output.attn_weights"), weights!, "mha cross attn_weights", Atol, Rtol);
        (output.Mul(f.Tensor("upstream.out")).Sum() + weights!.Mul(f.Tensor("upstream.attn_weights")).Sum()).Backward();
        AssertClose(f.Tensor("grad.input.query"), q.Grad!, "mha cross grad query", Atol, Rtol);
        AssertClose(f.Tensor("grad.input.key"), k.Grad!, "mha cross grad key", Atol, Rtol);
        AssertClose(f.Tensor("grad.input.value"), v.Grad!, "mha cross grad value", Atol, Rtol);
        CheckParameterGradients(f, mha);
    }

    [Theory]
    [InlineData("mod_transformer_encoder_layer_postnorm_relu")]
    [InlineData("mod_transformer_encoder_layer_prenorm_gelu")]
    public void Encoder_layer_matches_pytorch(string caseName)
    {
        var f = Load(caseName);
        var layer = Layer(f.Config, new Generator(0));
        CheckEncoder(f, layer, (src, mask) => layer.Forward(src, mask));
    }

    [Fact]
    public void Two_layer_encoder_matches_pytorch()
    {
        var f = Load("mod_transformer_encoder_2layer_prenorm_gelu");
        var g = new Generator(0);
        var encoder = new TransformerEncoder(_ => Layer(f.Config.GetProperty("encoder_layer"), g), f.Config.GetProperty("num_layers").GetInt32());
        CheckEncoder(f, encoder, (src, mask) => encoder.Forward(src, mask));
    }

    private static void CheckEncoder(NnFixture f, Module module, Func<Tensor, Tensor, Tensor> forward)
    {
        Assert.Equal(f.Params().Keys.Order(StringComparer.Ordinal), module.StateDict().Keys.Order(StringComparer.Ordinal));
        module.LoadStateDict(f.Params());
        var src = f.Tensor("input.src").RequireGrad();
        var output = forward(src, ValidMask(f));
        AssertClose(f.Tensor("output.out"), output, $"{f.Case} out", Atol, Rtol);
        output.Mul(f.Tensor("upstream.out")).Sum().Backward();
        AssertClose(f.Tensor("grad.input.src"), src.Grad!, $"{f.Case} grad src", Atol, Rtol);
        CheckParameterGradients(f, module);
    }

    private static void CheckParameterGradients(NnFixture f, Module module)
    {
        var names = module.NamedParameters().Select(p => p.Name).ToList();
        Assert.Equal(f.Params().Keys.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        foreach (var (key, p) in module.NamedParameters())
        {
            Assert.True(p.Grad is not null, $"{f.Case}: {key} received no gradient");
            AssertClose(f.Tensor($"grad.param.{key}"), p.Grad!, $"{f.Case} grad {key}", Atol, Rtol);
        }
    }

    private static MultiheadAttention Mha(NnFixture f)
    {
        var cfg = f.Config;
        var mha = new MultiheadAttention(cfg.GetProperty("embed_dim").GetInt32(), cfg.GetProperty("num_heads").GetInt32(), new Generator(0),
            batchFirst: cfg.GetProperty("batch_first").GetBoolean());
        mha.LoadStateDict(f.Params());
        return mha;
    }

    private static TransformerEncoderLayer Layer(JsonElement cfg, Generator g) =>
        new(cfg.GetProperty("d_model").GetInt32(), cfg.GetProperty("nhead").GetInt32(), g,
            dimFeedforward: cfg.GetProperty("dim_feedforward").GetInt32(), dropout: cfg.GetProperty("dropout").GetSingle(),
            activation: cfg.GetProperty("activation").GetString()!, batchFirst: cfg.GetProperty("batch_first").GetBoolean(),
            normFirst: cfg.GetProperty("norm_first").GetBoolean());

    /// <summary>The stored I64 mask (already in our polarity, 1 = real token) as the float 0/1 the engine takes.</summary>
    private static Tensor ValidMask(NnFixture f) => f.Indices("input.valid_mask").ToTensor();
}
