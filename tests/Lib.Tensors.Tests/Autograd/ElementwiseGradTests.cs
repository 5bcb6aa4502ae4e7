namespace Lib.Tensors.Tests.Autograd;

public class ElementwiseGradTests
{
    public static TheoryData<string> Unary => ["neg", "abs", "exp", "log", "sqrt", "pow3", "pow2", "tanh", "sigmoid", "relu", "clamp", "gelu", "gelu_tanh"];

    private static Tensor ApplyUnary(string op, Tensor x) => op switch
    {
        "neg" => x.Neg(),
        "abs" => x.Abs(),
        "exp" => x.Exp(),
        "log" => x.Log(),
        "sqrt" => x.Sqrt(),
        "pow3" => x.Pow(3f),
        "pow2" => x.Pow(2f),
        "tanh" => x.Tanh(),
        "sigmoid" => x.Sigmoid(),
        "relu" => x.Relu(),
        "clamp" => x.Clamp(-0.5f, 0.7f),
        "gelu" => x.Gelu(),
        "gelu_tanh" => x.Gelu(tanhApproximation: true),
        _ => throw new ArgumentException(op),
    };

    [Theory, MemberData(nameof(Unary))]
    public void Unary_gradients_match_finite_differences(string op)
    {
        // Positive inputs for log and sqrt; otherwise values kept away from kinks (|x| > 0.05).
        var x = op is "log" or "sqrt" ? GradCheck.Uniform(3, 0.5f, 2f, 3, 4) : AwayFromKinks(GradCheck.Randn(3, 3, 4));
        GradCheck.Check(t => ApplyUnary(op, t[0]), [x]);
    }

    private static Tensor AwayFromKinks(Tensor x)
    {
        var d = x.AsSpan();
        for (int i = 0; i < d.Length; i++)
        {
            if (MathF.Abs(d[i]) < 0.05f) d[i] += 0.2f;
            foreach (float kink in (float[])[-0.5f, 0.7f]) if (MathF.Abs(d[i] - kink) < 0.05f) d[i] += 0.15f;
        }
        return x;
    }

    public static TheoryData<string, int[], int[]> BinaryCases => new()
    {
        { "add", [3, 4], [3, 4] }, { "add", [2, 3, 4], [4] }, { "add", [3, 1], [1, 4] },
        { "sub", [2, 3, 4], [3, 1] }, { "mul", [3, 4], [4] }, { "mul", [2, 1, 4], [3, 1] },
        { "div", [3, 4], [3, 4] }, { "div", [4], [2, 4] }, { "max", [3, 4], [4] }, { "min", [3, 4], [3, 4] },
        { "pow", [3, 4], [4] },
    };

    [Theory, MemberData(nameof(BinaryCases))]
    public void Binary_gradients_match_finite_differences_with_broadcasting(string op, int[] shapeA, int[] shapeB)
    {
        var a = op == "pow" ? GradCheck.Uniform(5, 0.5f, 2f, shapeA) : GradCheck.Randn(5, shapeA);
        var b = op == "div" ? GradCheck.Uniform(6, 0.5f, 2f, shapeB) : GradCheck.Randn(6, shapeB);
        GradCheck.Check(t => op switch
        {
            "add" => t[0] + t[1],
            "sub" => t[0] - t[1],
            "mul" => t[0] * t[1],
            "div" => t[0] / t[1],
            "max" => t[0].Maximum(t[1]),
            "min" => t[0].Minimum(t[1]),
            "pow" => t[0].Pow(t[1]),
            _ => throw new ArgumentException(op),
        }, [a, b]);
    }

    [Fact]
    public void Broadcast_values_follow_pytorch()
    {
        var a = Tensor.Arange(0, 6).Reshape(2, 3, 1);
        var b = Tensor.FromArray([10f, 20f]);
        var c = a + b; // [2, 3, 2]
        Assert.Equal([2, 3, 2], c.Shape);
        Assert.Equal([10f, 20f, 11f, 21f, 12f, 22f, 13f, 23f, 14f, 24f, 15f, 25f], c.ToArray());
    }

    [Fact]
    public void Where_and_masked_fill_route_gradients()
    {
        var cond = Tensor.FromArray([1f, 0f, 1f, 0f], 2, 2);
        GradCheck.Check(t => Tensor.Where(cond, t[0], t[1]), [GradCheck.Randn(1, 2, 2), GradCheck.Randn(2, 1, 2)]);
        var x = Tensor.FromArray([1f, 2f, 3f]);
        Assert.Equal([1f, -1f, 3f], x.MaskedFill(Tensor.FromArray([0f, 1f, 0f]), -1f).ToArray());
    }

    [Fact]
    public void Ties_in_maximum_split_the_gradient()
    {
        var a = Tensor.FromArray([1f, 2f]).RequireGrad();
        var b = Tensor.FromArray([1f, 3f]).RequireGrad();
        a.Maximum(b).Sum().Backward();
        Assert.Equal([0.5f, 0f], a.Grad!.ToArray());
        Assert.Equal([0.5f, 1f], b.Grad!.ToArray());
    }
}
