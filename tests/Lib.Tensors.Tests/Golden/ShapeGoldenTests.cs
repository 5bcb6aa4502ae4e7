using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.Golden;

/// <summary>Forward values and gradients against real PyTorch for cat, stack, pad, index_select, gather, scatter_add and embedding.</summary>
public class ShapeGoldenTests
{
    /// <summary>Runs <paramref name="forward"/>, backpropagates the stored upstream and returns the output.</summary>
    private static Tensor ForwardBackward(ShapeCase c, Func<Tensor> forward)
    {
        var output = forward();
        (output * c.Tensor("upstream.out")).Sum().Backward();
        return output;
    }

    [Theory, InlineData("fn_cat_dim1"), InlineData("fn_cat_dimlast"), InlineData("fn_stack_dim0"), InlineData("fn_stack_dim2")]
    public void Cat_and_stack_match_pytorch(string name)
    {
        var c = ShapeFixtures.Load(name);
        var a = c.Tensor("input.tensors.0").RequireGrad();
        var b = c.Tensor("input.tensors.1").RequireGrad();
        int dim = c.Config.GetProperty("dim").GetInt32();
        var output = ForwardBackward(c, () => name.StartsWith("fn_cat") ? Tensor.Cat([a, b], dim) : Tensor.Stack([a, b], dim));
        c.AssertClose("output.out", output, 0f, 0f); // a pure copy: exact
        c.AssertClose("grad.input.tensors.0", a.Grad, 0f, 0f);
        c.AssertClose("grad.input.tensors.1", b.Grad, 0f, 0f);
    }

    [Theory, InlineData("fn_pad_last"), InlineData("fn_pad_last2")]
    public void Pad_matches_pytorch(string name)
    {
        var c = ShapeFixtures.Load(name);
        Assert.Equal("constant", c.Config.GetProperty("mode").GetString());
        var pad = c.Config.GetProperty("pad").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        float value = c.Config.GetProperty("value").GetSingle();
        var x = c.Tensor("input.input").RequireGrad();
        c.AssertClose("output.out", ForwardBackward(c, () => x.Pad(pad, value)), 0f, 0f);
        c.AssertClose("grad.input.input", x.Grad, 0f, 0f);
    }

    [Fact]
    public void Index_select_matches_pytorch()
    {
        var c = ShapeFixtures.Load("fn_index_select_dim0");
        var x = c.Tensor("input.input").RequireGrad();
        int dim = c.Config.GetProperty("dim").GetInt32();
        c.AssertClose("output.out", ForwardBackward(c, () => x.IndexSelect(dim, c.Index("input.index"))), 0f, 0f);
        c.AssertClose("grad.input.input", x.Grad);
    }

    [Fact]
    public void Gather_matches_pytorch()
    {
        var c = ShapeFixtures.Load("fn_gather_dim1");
        var x = c.Tensor("input.input").RequireGrad();
        int dim = c.Config.GetProperty("dim").GetInt32();
        c.AssertClose("output.out", ForwardBackward(c, () => x.Gather(dim, c.Index("input.index"))), 0f, 0f);
        c.AssertClose("grad.input.input", x.Grad);
    }

    [Fact]
    public void Scatter_add_with_repeated_indices_matches_pytorch()
    {
        var c = ShapeFixtures.Load("fn_scatter_add_dim1");
        var x = c.Tensor("input.input").RequireGrad();
        var src = c.Tensor("input.src").RequireGrad();
        int dim = c.Config.GetProperty("dim").GetInt32();
        c.AssertClose("output.out", ForwardBackward(c, () => x.ScatterAdd(dim, c.Index("input.index"), src)));
        c.AssertClose("grad.input.input", x.Grad, 0f, 0f);
        c.AssertClose("grad.input.src", src.Grad, 0f, 0f);
    }

    [Fact]
    public void Embedding_matches_pytorch()
    {
        var c = ShapeFixtures.Load("fn_embedding");
        var weight = c.Tensor("input.weight").RequireGrad();
        c.AssertClose("output.out", ForwardBackward(c, () => Functional.Embedding(c.Index("input.input"), weight)), 0f, 0f);
        c.AssertClose("grad.input.weight", weight.Grad);
    }

    [Fact]
    public void Embedding_with_padding_idx_matches_pytorch_module()
    {
        var c = ShapeFixtures.Load("mod_embedding_padding_idx");
        var weight = c.Tensor("param.weight").RequireGrad();
        int paddingIdx = c.Config.GetProperty("padding_idx").GetInt32();
        c.AssertClose("output.out", ForwardBackward(c, () => Functional.Embedding(c.Index("input.input"), weight, paddingIdx)), 0f, 0f);
        c.AssertClose("grad.param.weight", weight.Grad);
        Assert.Contains(paddingIdx, c.Index("input.input").ToArray()); // the padding row is used, so its zero gradient is tested
    }
}
