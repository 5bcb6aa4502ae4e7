namespace Lib.Tensors.Tests.Shape;

public class JoinTests
{
    [Fact]
    public void Cat_of_three_tensors_of_different_sizes_matches_finite_differences()
    {
        GradCheck.Check(t => Tensor.Cat([t[0], t[1], t[2]], 1),
            [GradCheck.Randn(1, 2, 1, 3), GradCheck.Randn(2, 2, 4, 3), GradCheck.Randn(3, 2, 2, 3)]);
        GradCheck.Check(t => Tensor.Cat([t[0], t[1], t[2]], -1),
            [GradCheck.Randn(4, 2, 3, 1), GradCheck.Randn(5, 2, 3, 2), GradCheck.Randn(6, 2, 3, 3)]);
        GradCheck.Check(t => Tensor.Cat([t[0], t[1]]), [GradCheck.Randn(7, 1, 3), GradCheck.Randn(8, 2, 3)]);
    }

    [Fact]
    public void Cat_values_follow_pytorch()
    {
        var a = Tensor.Arange(0, 4).Reshape(2, 2);
        var b = Tensor.Arange(10, 16).Reshape(2, 3);
        var c = Tensor.Cat([a, b], 1);
        Assert.Equal([2, 5], c.Shape);
        Assert.Equal([0f, 1f, 10f, 11f, 12f, 2f, 3f, 13f, 14f, 15f], c.ToArray());
        var rows = Tensor.Cat([a, Tensor.Full(9f, 1, 2)]);
        Assert.Equal([0f, 1f, 2f, 3f, 9f, 9f], rows.ToArray());
        Assert.Equal([3, 2], rows.Shape);
    }

    [Fact]
    public void Cat_skips_empty_one_dimensional_tensors_as_pytorch_does()
    {
        var c = Tensor.Cat([Tensor.Zeros(0), Tensor.Ones(2, 2), Tensor.Zeros(0)], 1);
        Assert.Equal([2, 2], c.Shape);
        Assert.Equal([0], Tensor.Cat([Tensor.Zeros(0), Tensor.Zeros(0)]).Shape);
    }

    [Fact]
    public void Cat_gradient_only_reaches_inputs_that_require_it()
    {
        var a = Tensor.Ones(2, 2).RequireGrad();
        var b = Tensor.Ones(2, 1);
        var y = Tensor.Cat([a, b], 1);
        (y * Tensor.Arange(0, 6).Reshape(2, 3)).Sum().Backward();
        Assert.Equal([0f, 1f, 3f, 4f], a.Grad!.ToArray());
        Assert.Null(b.Grad);
    }

    [Fact]
    public void Cat_errors_name_the_tensor_position_and_dimension()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Cat([Tensor.Ones(2, 3), Tensor.Ones(2, 1), Tensor.Ones(3, 3)], 1));
        Assert.Contains("tensor 2", ex.Message);
        Assert.Contains("dimension 0", ex.Message);
        Assert.Contains("[3, 3]", ex.Message);
        var rank = Assert.Throws<ArgumentException>(() => Tensor.Cat([Tensor.Ones(2, 3), Tensor.Ones(2, 3, 1)]));
        Assert.Contains("tensor 1", rank.Message);
        Assert.Contains("Cat needs at least one tensor", Assert.Throws<ArgumentException>(() => Tensor.Cat([])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Cat([Tensor.Ones(2, 3)], 2));
        Assert.Contains("0-dimensional", Assert.Throws<ArgumentException>(() => Tensor.Cat([Tensor.Scalar(1f)])).Message);
    }

    [Fact]
    public void Stack_along_first_and_last_dims_matches_finite_differences()
    {
        GradCheck.Check(t => Tensor.Stack([t[0], t[1], t[2]]), [GradCheck.Randn(1, 2, 3), GradCheck.Randn(2, 2, 3), GradCheck.Randn(3, 2, 3)]);
        GradCheck.Check(t => Tensor.Stack([t[0], t[1]], -1), [GradCheck.Randn(4, 2, 3), GradCheck.Randn(5, 2, 3)]);
        GradCheck.Check(t => Tensor.Stack([t[0], t[1]], 1), [GradCheck.Randn(6, 2, 3), GradCheck.Randn(7, 2, 3)]);
    }

    [Fact]
    public void Stack_values_and_errors()
    {
        var a = Tensor.FromArray([1f, 2f]);
        var b = Tensor.FromArray([3f, 4f]);
        Assert.Equal([2, 2], Tensor.Stack([a, b]).Shape);
        Assert.Equal([1f, 2f, 3f, 4f], Tensor.Stack([a, b]).ToArray());
        Assert.Equal([1f, 3f, 2f, 4f], Tensor.Stack([a, b], -1).ToArray());
        Assert.Equal([3], Tensor.Stack([Tensor.Scalar(1f), Tensor.Scalar(2f), Tensor.Scalar(3f)]).Shape);
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Stack([a, b, Tensor.Ones(3)]));
        Assert.Contains("tensor 2", ex.Message);
        Assert.Contains("[3]", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Stack([a, b], 2));
    }
}
