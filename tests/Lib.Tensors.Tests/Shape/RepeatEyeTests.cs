namespace Lib.Tensors.Tests.Shape;

public class RepeatEyeTests
{
    [Fact]
    public void Repeat_values_follow_pytorch()
    {
        var x = Tensor.FromArray([1f, 2f, 3f]);
        // torch.tensor([1, 2, 3]).repeat(4, 2) -> [4, 6]
        var y = x.Repeat(4, 2);
        Assert.Equal([4, 6], y.Shape);
        Assert.Equal([1f, 2f, 3f, 1f, 2f, 3f], y.ToArray()[..6]);
        Assert.Equal(y.ToArray()[..6], y.ToArray()[18..]);
        var m = Tensor.FromArray([1f, 2f, 3f, 4f], 2, 2).Repeat(2, 1, 2);
        Assert.Equal([2, 2, 4], m.Shape);
        Assert.Equal([1f, 2f, 1f, 2f, 3f, 4f, 3f, 4f, 1f, 2f, 1f, 2f, 3f, 4f, 3f, 4f], m.ToArray());
        Assert.Equal([1f, 2f, 1f, 2f, 3f, 4f, 3f, 4f], Tensor.FromArray([1f, 2f, 3f, 4f], 2, 2).Repeat(1, 2).ToArray());
        Assert.Equal([1f, 2f, 3f, 4f, 1f, 2f, 3f, 4f], Tensor.FromArray([1f, 2f, 3f, 4f], 2, 2).Repeat(2, 1).ToArray());
        Assert.Equal([0, 3], x.Repeat(0, 1).Shape);
        Assert.Equal([3], Tensor.Scalar(5f).Repeat(3).Shape);
        Assert.Contains("at least one per dimension", Assert.Throws<ArgumentException>(() => m.Repeat(2, 2)).Message);
        Assert.Contains("negative", Assert.Throws<ArgumentException>(() => x.Repeat(-1)).Message);
    }

    [Fact]
    public void Repeat_matches_finite_differences()
    {
        GradCheck.Check(t => t[0].Repeat(2, 3), [GradCheck.Randn(1, 2, 3)]);
        GradCheck.Check(t => t[0].Repeat(2, 1, 2), [GradCheck.Randn(2, 3, 2)]);
        GradCheck.Check(t => t[0].Repeat(1, 1), [GradCheck.Randn(3, 2, 2)]);
    }

    [Fact]
    public void Eye_is_the_identity()
    {
        Assert.Equal([1f, 0f, 0f, 0f, 1f, 0f, 0f, 0f, 1f], Tensor.Eye(3).ToArray());
        Assert.Equal([0, 0], Tensor.Eye(0).Shape);
        var a = GradCheck.Randn(1, 3, 3);
        Assert.Equal(a.ToArray(), a.MatMul(Tensor.Eye(3)).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Eye(-1));
    }
}
