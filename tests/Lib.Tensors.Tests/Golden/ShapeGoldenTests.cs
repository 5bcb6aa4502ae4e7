using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.Golden;

/// <summary>Forward values and gradients against real PyTorch for cat, stack, pad, index_select, gather, scatter_add and embedding.</summary>
public class ShapeGoldenTests
{
    /// <summary>Where values are summed (repeated indices, scattered gradients) the order of the additions may differ.</summary>
    private static readonly Tolerance Summed = new(1e-5, 1e-5);

    [Theory, InlineData("fn_cat_dim1"), InlineData("fn_cat_dimlast"), InlineData("fn_stack_dim0"), InlineData("fn_stack_dim2")]
    public void Cat_and_stack_match_pytorch(string name)
    {
        var c = Fixtures.Load(name);
        int dim = c.Config.Int("dim");
        // A pure copy: exact, forward and backward.
        GoldenCheck.Run(c, x => new()
        {
            ["out"] = c.Op == "torch.cat" ? Tensor.Cat([x["tensors.0"], x["tensors.1"]], dim) : Tensor.Stack([x["tensors.0"], x["tensors.1"]], dim),
        }, tolerance: Tolerance.Exact);
    }

    [Theory, InlineData("fn_pad_last"), InlineData("fn_pad_last2")]
    public void Pad_matches_pytorch(string name)
    {
        var c = Fixtures.Load(name);
        Assert.Equal("constant", c.Config.String("mode"));
        var pad = c.Config.Ints("pad");
        float value = c.Config.Float("value");
        GoldenCheck.Run(c, x => new() { ["out"] = x["input"].Pad(pad, value) }, tolerance: Tolerance.Exact);
    }

    [Fact]
    public void Index_select_matches_pytorch()
    {
        var c = Fixtures.Load("fn_index_select_dim0");
        int dim = c.Config.Int("dim");
        GoldenCheck.Run(c, x => new() { ["out"] = x["input"].IndexSelect(dim, c.Index("input.index")) }, tolerance: Tolerance.Exact, gradientTolerance: Summed);
    }

    [Fact]
    public void Gather_matches_pytorch()
    {
        var c = Fixtures.Load("fn_gather_dim1");
        int dim = c.Config.Int("dim");
        GoldenCheck.Run(c, x => new() { ["out"] = x["input"].Gather(dim, c.Index("input.index")) }, tolerance: Tolerance.Exact, gradientTolerance: Summed);
    }

    [Fact]
    public void Scatter_add_with_repeated_indices_matches_pytorch()
    {
        var c = Fixtures.Load("fn_scatter_add_dim1");
        int dim = c.Config.Int("dim");
        GoldenCheck.Run(c, x => new() { ["out"] = x["input"].ScatterAdd(dim, c.Index("input.index"), x["src"]) }, tolerance: Summed, gradientTolerance: Tolerance.Exact);
    }

    [Fact]
    public void Embedding_matches_pytorch()
    {
        var c = Fixtures.Load("fn_embedding");
        GoldenCheck.Run(c, x => new() { ["out"] = Functional.Embedding(c.Index("input.input"), x["weight"]) }, tolerance: Tolerance.Exact, gradientTolerance: Summed);
    }

    [Fact]
    public void Embedding_with_padding_idx_matches_pytorch_module()
    {
        var c = Fixtures.Load("mod_embedding_padding_idx");
        var weight = c.Float("param.weight").RequireGrad();
        int paddingIdx = c.Config.Int("padding_idx");
        var indices = c.Index("input.input");
        GoldenCheck.Run(c, _ =>
        {
            weight.Grad = null; // Run runs the case once per engine mode; the last run's gradient is checked below
            return new() { ["out"] = Functional.Embedding(indices, weight, paddingIdx) };
        }, tolerance: Tolerance.Exact);
        c.AssertClose("grad.param.weight", weight.Grad, Summed);
        Assert.Contains(paddingIdx, indices.ToArray()); // the padding row is used, so its zero gradient is tested
    }
}
