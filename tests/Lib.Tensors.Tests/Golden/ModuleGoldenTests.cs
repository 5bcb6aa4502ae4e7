using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.Golden;

/// <summary>Layers against PyTorch: forward outputs and the gradients of Σ output · upstream.</summary>
public class ModuleGoldenTests
{
    [Theory]
    [InlineData("mod_linear_bias")]
    [InlineData("mod_linear_nobias")]
    public void Linear_matches_pytorch(string caseName)
    {
        var f = Fixtures.Load(caseName);
        var cfg = f.Config;
        var linear = f.LoadInto(new Linear(cfg.Int("in_features"), cfg.Int("out_features"), new Generator(0), bias: cfg.Bool("bias")));
        GoldenCheck.Run(f, x => new() { ["out"] = linear.Call(x["input"]) }, linear);
    }

    [Fact]
    public void Sequential_mlp_matches_pytorch_with_its_keys()
    {
        var f = Fixtures.Load("mod_sequential_mlp");
        var g = new Generator(0);
        var mlp = f.LoadInto(new Sequential(new Linear(4, 6, g), new ReLU(), new Linear(6, 3, g)));
        GoldenCheck.Run(f, x => new() { ["out"] = mlp.Call(x["input"]) }, mlp);
    }

    [Fact]
    public void Embedding_with_padding_matches_pytorch()
    {
        var f = Fixtures.Load("mod_embedding_padding_idx");
        var cfg = f.Config;
        var emb = f.LoadInto(new Embedding(cfg.Int("num_embeddings"), cfg.Int("embedding_dim"), new Generator(0), paddingIdx: cfg.Int("padding_idx")));
        GoldenCheck.Run(f, _ => new() { ["out"] = emb.Call(f.Index("input.input")) }, emb);
    }

    [Fact]
    public void LayerNorm_matches_pytorch()
    {
        var f = Fixtures.Load("mod_layer_norm");
        var norm = f.LoadInto(new LayerNorm(f.Config.Int("normalized_shape")));
        GoldenCheck.Run(f, x => new() { ["out"] = norm.Call(x["input"]) }, norm, tolerance: Tolerance.Default with { Atol = 1e-5 }, gradientTolerance: Tolerance.Default);
    }
}
