using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.Golden;

/// <summary>Reductions, softmax and layer norm against PyTorch 1.13 (tests/fixtures/torch/fn_*.safetensors).</summary>
public class FunctionGoldenTests
{
    public static TheoryData<string> Cases =>
    [
        "fn_softmax_dim0", "fn_softmax_dimlast", "fn_log_softmax_dim0", "fn_log_softmax_dimlast",
        "fn_logsumexp_dimlast", "fn_logsumexp_dim0_keepdim",
        "fn_var_unbiased", "fn_var_biased", "fn_std_unbiased", "fn_std_biased",
        "fn_layer_norm_last", "fn_layer_norm_last2",
    ];

    [Theory, MemberData(nameof(Cases))]
    public void Outputs_and_gradients_match_pytorch(string caseName)
    {
        var f = Fixtures.Load(caseName);
        int Dim() => f.Config.GetProperty("dim").GetInt32();
        GoldenCheck.Run(f, x => f.Op switch
        {
            "F.softmax" => new() { ["out"] = x["input"].Softmax(Dim()) },
            "F.log_softmax" => new() { ["out"] = x["input"].LogSoftmax(Dim()) },
            "torch.logsumexp" => new() { ["out"] = x["input"].LogSumExp(Dim(), f.Flag("keepdim")) },
            "torch.var" => new() { ["out"] = x["input"].Var(Dim(), f.Flag("unbiased"), f.Flag("keepdim")) },
            "torch.std" => new() { ["out"] = x["input"].Std(Dim(), f.Flag("unbiased"), f.Flag("keepdim")) },
            "F.layer_norm" => new()
            {
                ["out"] = Functional.LayerNorm(x["input"], f.Config.GetProperty("normalized_shape").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
                    x["weight"], x["bias"], f.Number("eps")),
            },
            _ => throw new InvalidOperationException($"{caseName}: unexpected op {f.Op}"),
        });
    }

    [Fact]
    public void Max_over_a_dimension_matches_pytorch_in_values_indices_and_gradient()
    {
        var f = Fixtures.Load("fn_max_dim1");
        IndexTensor? indices = null;
        GoldenCheck.Run(f, x =>
        {
            var (values, at) = x["input"].Max(f.Config.GetProperty("dim").GetInt32(), f.Flag("keepdim"));
            indices = at;
            return new() { ["values"] = values };
        });
        var expected = f.Index("output.indices");
        Assert.Equal(expected.Shape, indices!.Shape);
        Assert.Equal(expected.ToArray(), indices.ToArray());
        Assert.Equal(expected.ToArray(), Fixtures.Load("fn_max_dim1").Float("input.input").ArgMax(1).ToArray());
    }
}
