using Lib.Tensors.NN;
using static Lib.Tensors.Tests.Golden.NnFixtures;

namespace Lib.Tensors.Tests.Golden;

/// <summary>Layers against PyTorch: forward outputs and the gradients of Σ output · upstream.</summary>
public class ModuleGoldenTests
{
    private static void CheckBackward(NnFixture f, Module module, Tensor output, Tensor? input)
    {
        output.Mul(f.Tensor("upstream.out")).Sum().Backward();
        if (input is not null) AssertClose(f.Tensor("grad.input.input"), input.Grad!, $"{f.Case} grad.input.input");
        foreach (var (key, p) in module.NamedParameters())
            AssertClose(f.Tensor($"grad.param.{key}"), p.Grad!, $"{f.Case} grad.param.{key}");
    }

    [Theory]
    [InlineData("mod_linear_bias")]
    [InlineData("mod_linear_nobias")]
    public void Linear_matches_pytorch(string caseName)
    {
        var f = Load(caseName);
        var cfg = f.Config;
        var linear = new Linear(cfg.GetProperty("in_features").GetInt32(), cfg.GetProperty("out_features").GetInt32(), new Generator(0), bias: cfg.GetProperty("bias").GetBoolean());
        linear.LoadStateDict(f.Params());
        var x = f.Tensor("input.input").RequireGrad();
        var y = linear.Call(x);
        AssertClose(f.Tensor("output.out"), y, $"{caseName} out");
        CheckBackward(f, linear, y, x);
    }

    [Fact]
    public void Sequential_mlp_matches_pytorch_with_its_keys()
    {
        var f = Load("mod_sequential_mlp");
        var g = new Generator(0);
        var mlp = new Sequential(new Linear(4, 6, g), new ReLU(), new Linear(6, 3, g));
        Assert.Equal(f.Params().Keys.Order(StringComparer.Ordinal), mlp.StateDict().Keys.Order(StringComparer.Ordinal));
        mlp.LoadStateDict(f.Params());
        var x = f.Tensor("input.input").RequireGrad();
        var y = mlp.Call(x);
        AssertClose(f.Tensor("output.out"), y, "mod_sequential_mlp out");
        CheckBackward(f, mlp, y, x);
    }

    [Fact]
    public void Embedding_with_padding_matches_pytorch()
    {
        var f = Load("mod_embedding_padding_idx");
        var cfg = f.Config;
        var emb = new Embedding(cfg.GetProperty("num_embeddings").GetInt32(), cfg.GetProperty("embedding_dim").GetInt32(), new Generator(0),
            paddingIdx: cfg.GetProperty("padding_idx").GetInt32());
        emb.LoadStateDict(f.Params());
        var y = emb.Call(f.Indices("input.input"));
        AssertClose(f.Tensor("output.out"), y, "mod_embedding_padding_idx out");
        CheckBackward(f, emb, y, input: null);
    }

    [Fact]
    public void LayerNorm_matches_pytorch()
    {
        var f = Load("mod_layer_norm");
        var norm = new LayerNorm(f.Config.GetProperty("normalized_shape").GetInt32());
        norm.LoadStateDict(f.Params());
        var x = f.Tensor("input.input").RequireGrad();
        var y = norm.Call(x);
        AssertClose(f.Tensor("output.out"), y, "mod_layer_norm out", atol: 1e-5);
        CheckBackward(f, norm, y, x);
    }
}
