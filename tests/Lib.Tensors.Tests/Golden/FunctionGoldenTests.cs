using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.Golden;

/// <summary>Reductions, softmax, layer norm, GELU and matmul against PyTorch 1.13 (tests/fixtures/torch/fn_*.safetensors).</summary>
public class FunctionGoldenTests
{
    public static TheoryData<string> Cases =>
    [
        "fn_softmax_dim0", "fn_softmax_dimlast", "fn_log_softmax_dim0", "fn_log_softmax_dimlast",
        "fn_logsumexp_dimlast", "fn_logsumexp_dim0_keepdim",
        "fn_var_unbiased", "fn_var_biased", "fn_std_unbiased", "fn_std_biased",
        "fn_layer_norm_last", "fn_layer_norm_last2", "fn_gelu_exact", "fn_gelu_tanh", "fn_matmul_broadcast",
    ];

    [Theory, MemberData(nameof(Cases))]
    public void Outputs_and_gradients_match_pytorch(string caseName)
    {
        var f = Fixtures.Load(caseName);
        var cfg = f.Config;
        int Dim() => cfg.Int("dim");
        GoldenCheck.Run(f, x => f.Op switch
        {
            "F.softmax" => new() { ["out"] = x["input"].Softmax(Dim()) },
            "F.log_softmax" => new() { ["out"] = x["input"].LogSoftmax(Dim()) },
            "torch.logsumexp" => new() { ["out"] = x["input"].LogSumExp(Dim(), cfg.Bool("keepdim", false)) },
            "torch.var" => new() { ["out"] = x["input"].Var(Dim(), cfg.Bool("unbiased", false), cfg.Bool("keepdim", false)) },
            "torch.std" => new() { ["out"] = x["input"].Std(Dim(), cfg.Bool("unbiased", false), cfg.Bool("keepdim", false)) },
            "F.layer_norm" => new()
            {
                ["out"] = Functional.LayerNorm(x["input"], cfg.Ints("normalized_shape"), x["weight"], x["bias"], cfg.Float("eps")),
            },
            "F.gelu" => new() { ["out"] = Functional.Gelu(x["input"], cfg.String("approximate", "none")) },
            "torch.matmul" => new() { ["out"] = x["input"].MatMul(x["other"]) },
            _ => throw new InvalidOperationException($"{caseName}: unexpected op {f.Op}"),
        });
    }

    [Fact]
    public void Max_over_a_dimension_matches_pytorch_in_values_indices_and_gradient()
    {
        var f = Fixtures.Load("fn_max_dim1");
        int dim = f.Config.Int("dim");
        IndexTensor? indices = null;
        GoldenCheck.Run(f, x =>
        {
            var (values, at) = x["input"].Max(dim, f.Config.Bool("keepdim", false));
            indices = at;
            return new() { ["values"] = values };
        });
        var expected = f.Index("output.indices");
        Assert.Equal(expected.Shape, indices!.Shape);
        Assert.Equal(expected.ToArray(), indices.ToArray());
        Assert.Equal(expected.ToArray(), f.Float("input.input").ArgMax(dim).ToArray());
    }
}
