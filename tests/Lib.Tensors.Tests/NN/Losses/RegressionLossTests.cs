using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.NN.Losses;

public class RegressionLossTests
{
    // d = input − target = [−0.5, 2, 0.5]
    private static readonly Tensor Input = Tensor.FromArray([1f, 2f, 3.5f]);
    private static readonly Tensor Target = Tensor.FromArray([1.5f, 0f, 3f]);

    private static Tensor Apply(string loss, Tensor input, Tensor target, Reduction reduction) => loss switch
    {
        "l1" => Functional.L1Loss(input, target, reduction),
        "mse" => Functional.MseLoss(input, target, reduction),
        "huber1" => Functional.HuberLoss(input, target, 1f, reduction),
        "huber0.5" => Functional.HuberLoss(input, target, 0.5f, reduction),
        "smoothl1_1" => Functional.SmoothL1Loss(input, target, 1f, reduction),
        "smoothl1_0.5" => Functional.SmoothL1Loss(input, target, 0.5f, reduction),
        "smoothl1_0" => Functional.SmoothL1Loss(input, target, 0f, reduction),
        _ => throw new ArgumentException(loss),
    };

    public static TheoryData<string, float[]> PerElement => new()
    {
        { "l1", [0.5f, 2f, 0.5f] },
        { "mse", [0.25f, 4f, 0.25f] },
        { "huber1", [0.125f, 1.5f, 0.125f] },
        { "huber0.5", [0.125f, 0.875f, 0.125f] },
        { "smoothl1_1", [0.125f, 1.5f, 0.125f] },
        { "smoothl1_0.5", [0.25f, 1.75f, 0.25f] },
        { "smoothl1_0", [0.5f, 2f, 0.5f] },
    };

    [Theory, MemberData(nameof(PerElement))]
    public void Values_match_hand_computed_numbers_for_every_reduction(string loss, float[] expected)
    {
        Approx.Equal(expected, Apply(loss, Input, Target, Reduction.None).ToArray());
        Assert.Equal([3], Apply(loss, Input, Target, Reduction.None).Shape);
        Assert.Equal(expected.Sum(), Apply(loss, Input, Target, Reduction.Sum).Item(), 5);
        Assert.Equal(expected.Average(), Apply(loss, Input, Target, Reduction.Mean).Item(), 5);
        Assert.Equal([], Apply(loss, Input, Target, Reduction.Mean).Shape);
    }

    public static TheoryData<string, Reduction> GradCases()
    {
        var data = new TheoryData<string, Reduction>();
        foreach (var loss in PerElement.Select(row => (string)row[0]))
            foreach (var reduction in Enum.GetValues<Reduction>()) data.Add(loss, reduction);
        return data;
    }

    [Theory, MemberData(nameof(GradCases))]
    public void Gradients_to_input_and_target_match_finite_differences(string loss, Reduction reduction)
    {
        var target = GradCheck.Randn(1, 4, 3);
        var input = (target + AwayFromKinks(GradCheck.Randn(2, 4, 3) * 1.5f)).Detach();
        GradCheck.Check(t => Apply(loss, t[0], t[1], reduction), [input, target]);
    }

    /// <summary>Differences kept at least 0.1 from the kinks at 0, ±0.5 and ±1.</summary>
    private static Tensor AwayFromKinks(Tensor d)
    {
        var s = d.AsSpan();
        for (int i = 0; i < s.Length; i++)
            foreach (float kink in (float[])[0f, 0.5f, -0.5f, 1f, -1f])
                if (MathF.Abs(s[i] - kink) < 0.1f) s[i] = kink + 0.2f;
        return d;
    }

    [Fact]
    public void Gradient_values_at_known_points()
    {
        var x = Input.Detach().RequireGrad();
        Functional.HuberLoss(x, Target, 1f, Reduction.Sum).Backward();
        Assert.Equal([-0.5f, 1f, 0.5f], x.Grad!.ToArray());
        x.Grad = null;
        Functional.MseLoss(x, Target).Backward(); // 2d/3
        Approx.Equal([-1f / 3, 4f / 3, 1f / 3], x.Grad!.ToArray());
        x.Grad = null;
        Functional.L1Loss(x, x.Detach()).Backward(); // ties: gradient 0
        Assert.All(x.Grad!.ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Bad_arguments_are_clear_errors()
    {
        var error = Assert.Throws<ArgumentException>(() => Functional.MseLoss(Tensor.Ones(4, 3), Tensor.Ones(4)));
        Assert.Contains("target of shape [4] does not match input of shape [4, 3]", error.Message);
        Assert.Contains("delta", Assert.Throws<ArgumentException>(() => Functional.HuberLoss(Input, Target, 0f)).Message);
        Assert.Contains("beta", Assert.Throws<ArgumentException>(() => Functional.SmoothL1Loss(Input, Target, -1f)).Message);
        Assert.Contains("reduction", Assert.Throws<ArgumentException>(() => Functional.L1Loss(Input, Target, (Reduction)7)).Message);
    }

    [Fact]
    public void An_empty_mean_is_nan()
    {
        Assert.True(float.IsNaN(Functional.MseLoss(Tensor.Zeros(0), Tensor.Zeros(0)).Item()));
        Assert.Equal(0f, Functional.MseLoss(Tensor.Zeros(0), Tensor.Zeros(0), Reduction.Sum).Item());
    }
}
