namespace Lib.Tensors.Tests.Shape;

public class PadTests
{
    [Fact]
    public void Pad_with_positive_and_negative_amounts_on_two_dims_matches_finite_differences()
    {
        GradCheck.Check(t => t[0].Pad([1, 2, 2, 0]), [GradCheck.Randn(1, 2, 3, 4)]);
        GradCheck.Check(t => t[0].Pad([-1, 2, 1, -2], 0.5f), [GradCheck.Randn(2, 2, 4, 5)]);
        GradCheck.Check(t => t[0].Pad([-1, -1, -1, 0]), [GradCheck.Randn(3, 3, 4)]);
    }

    [Fact]
    public void Pad_values_follow_f_pad_order()
    {
        var x = Tensor.FromArray([1f, 2f, 3f, 4f], 2, 2);
        // Last dim (1 left, 0 right), first dim (0 before, 1 after).
        var y = x.Pad([1, 0, 0, 1], -1f);
        Assert.Equal([3, 3], y.Shape);
        Assert.Equal([-1f, 1f, 2f, -1f, 3f, 4f, -1f, -1f, -1f], y.ToArray());
        var cropped = Tensor.Arange(0, 12).Reshape(3, 4).Pad([-1, 1, 0, -2]);
        Assert.Equal([1, 4], cropped.Shape);
        Assert.Equal([1f, 2f, 3f, 0f], cropped.ToArray());
        Assert.Equal([2, 2], x.Pad([]).Shape);
        var leading = Tensor.Ones(2, 3, 4).Pad([0, 0, -1, 0, 1, 1], 7f);
        Assert.Equal([4, 2, 4], leading.Shape);
        Assert.Equal(7f, leading[0, 0, 0]);
        Assert.Equal(1f, leading[1, 1, 3]);
    }

    [Fact]
    public void Pad_errors_are_clear()
    {
        var x = Tensor.Ones(2, 3);
        Assert.Contains("even", Assert.Throws<ArgumentException>(() => x.Pad([1])).Message);
        Assert.Contains("covers 3 dimension(s)", Assert.Throws<ArgumentException>(() => x.Pad([0, 0, 0, 0, 1, 1])).Message);
        Assert.Contains("negative size", Assert.Throws<ArgumentException>(() => x.Pad([-2, -2])).Message);
    }
}
