namespace Lib.Tensors.Tests.Autograd;

public class ReduceAndMatMulGradTests
{
    [Fact]
    public void Sum_and_mean_over_dims_match_finite_differences()
    {
        GradCheck.Check(t => t[0].Sum([0, 2], keepDim: true), [GradCheck.Randn(1, 2, 3, 4)]);
        GradCheck.Check(t => t[0].Mean(-1), [GradCheck.Randn(2, 2, 3, 4)]);
        GradCheck.Check(t => t[0].Mean(), [GradCheck.Randn(3, 5)]);
        Assert.Equal([3f, 12f], Tensor.Arange(0, 6).Reshape(2, 3).Sum(1).ToArray());
        Assert.Equal([2], Tensor.Ones(2, 3).Sum(-1).Shape);
        Assert.Equal([2, 1], Tensor.Ones(2, 3).Sum(-1, keepDim: true).Shape);
    }

    public static TheoryData<int[], int[]> MatMulShapes => new()
    {
        { [3, 4], [4, 5] }, { [4], [4, 2] }, { [3, 4], [4] }, { [4], [4] },
        { [2, 3, 4], [4, 5] }, { [2, 1, 3, 4], [5, 4, 2] }, { [3, 4], [2, 4, 3] },
    };

    [Theory, MemberData(nameof(MatMulShapes))]
    public void MatMul_broadcasts_and_matches_finite_differences(int[] a, int[] b)
    {
        GradCheck.Check(t => t[0].MatMul(t[1]), [GradCheck.Randn(1, a), GradCheck.Randn(2, b)]);
    }

    [Fact]
    public void MatMul_values_and_shapes()
    {
        var a = Tensor.FromArray([1f, 2f, 3f, 4f, 5f, 6f], 2, 3);
        var b = Tensor.FromArray([1f, 0f, 0f, 1f, 1f, 1f], 3, 2);
        Assert.Equal([4f, 5f, 10f, 11f], a.MatMul(b).ToArray());
        Assert.Equal([], Tensor.Ones(3).MatMul(Tensor.Ones(3)).Shape);
        Assert.Equal([2, 5, 3, 2], Tensor.Ones(2, 1, 3, 4).MatMul(Tensor.Ones(5, 4, 2)).Shape);
        Assert.Contains("do not chain", Assert.Throws<ArgumentException>(() => a.MatMul(a)).Message);
    }

    [Fact]
    public void Linear_matches_matmul_and_finite_differences()
    {
        var x = GradCheck.Randn(1, 2, 3, 4);
        var w = GradCheck.Randn(2, 5, 4);
        var bias = GradCheck.Randn(3, 5);
        var fused = Tensor.Linear(x, w, bias).ToArray();
        var plain = (x.MatMul(w.Transpose(0, 1)) + bias).ToArray();
        for (int i = 0; i < fused.Length; i++) Assert.Equal(plain[i], fused[i], 4);
        GradCheck.Check(t => Tensor.Linear(t[0], t[1], t[2]), [x, w, bias]);
        GradCheck.Check(t => Tensor.Linear(t[0], t[1]), [GradCheck.Randn(4, 3, 4), GradCheck.Randn(5, 2, 4)]);
    }
}
