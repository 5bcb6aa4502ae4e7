namespace Lib.Tensors.Tests.Shape;

public class SliceTests
{
    [Fact]
    public void Narrow_and_select_match_finite_differences()
    {
        GradCheck.Check(t => t[0].Narrow(1, 1, 2), [GradCheck.Randn(1, 2, 4, 3)]);
        GradCheck.Check(t => t[0].Narrow(-1, -2, 2), [GradCheck.Randn(2, 2, 4, 3)]);
        GradCheck.Check(t => t[0].Select(0, 1), [GradCheck.Randn(3, 3, 4)]);
        GradCheck.Check(t => t[0].Select(-1, -1), [GradCheck.Randn(4, 2, 3, 4)]);
    }

    [Fact]
    public void Narrow_and_select_values()
    {
        var x = Tensor.Arange(0, 12).Reshape(3, 4);
        Assert.Equal([1f, 2f, 5f, 6f, 9f, 10f], x.Narrow(1, 1, 2).ToArray());
        Assert.Equal([3, 2], x.Narrow(1, 1, 2).Shape);
        Assert.Equal([8f, 9f, 10f, 11f], x.Narrow(0, -1, 1).ToArray());
        Assert.Equal([4f, 5f, 6f, 7f], x.Select(0, 1).ToArray());
        Assert.Equal([4], x.Select(0, 1).Shape);
        Assert.Equal([3f, 7f, 11f], x.Select(1, -1).ToArray());
        Assert.Equal([3, 0], x.Narrow(1, 4, 0).Shape);
    }

    [Fact]
    public void Split_by_size_and_by_sizes()
    {
        var x = Tensor.Arange(0, 10).Reshape(5, 2);
        var pieces = x.Split(2);
        Assert.Equal(3, pieces.Length);
        Assert.Equal([2, 2], pieces[0].Shape);
        Assert.Equal([1, 2], pieces[2].Shape);
        Assert.Equal([8f, 9f], pieces[2].ToArray());
        var sized = x.Split([1, 0, 4]);
        Assert.Equal([1, 2], sized[0].Shape);
        Assert.Equal([0, 2], sized[1].Shape);
        Assert.Equal([2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f], sized[2].ToArray());
        var columns = x.Split(1, dim: 1);
        Assert.Equal([0f, 2f, 4f, 6f, 8f], columns[0].ToArray());
    }

    [Fact]
    public void Split_backward_gives_zero_gradient_to_unused_pieces()
    {
        GradCheck.Check(t => { var p = t[0].Split(2, 1); return p[0] * p[2]; }, [GradCheck.Randn(1, 3, 6)]);
        GradCheck.Check(t => t[0].Split([1, 2, 1], 0)[1], [GradCheck.Randn(2, 4, 3)]);
        var x = Tensor.Ones(2, 4).RequireGrad();
        var pieces = x.Split(2, 1);
        (pieces[1] * 3f).Sum().Backward();
        Assert.Equal([0f, 0f, 3f, 3f, 0f, 0f, 3f, 3f], x.Grad!.ToArray());
    }

    [Fact]
    public void Chunk_uses_pytorch_sizing()
    {
        var x = Tensor.Arange(0, 5);
        Assert.Equal([2, 2, 1], x.Chunk(3).Select(p => p.Size(0)));
        Assert.Equal([2, 2, 1], x.Chunk(4).Select(p => p.Size(0))); // ⌈5/4⌉ = 2: only three pieces, as in PyTorch
        Assert.Equal([1, 1, 1, 1, 1], x.Chunk(5).Select(p => p.Size(0)));
        Assert.Equal([1, 1, 1, 1, 1], x.Chunk(9).Select(p => p.Size(0)));
        Assert.Equal([3, 3], Tensor.Arange(0, 6).Chunk(2).Select(p => p.Size(0)));
        Assert.Equal([0, 0, 0], Tensor.Zeros(0).Chunk(3).Select(p => p.Size(0)));
        var gates = Tensor.Arange(0, 16).Reshape(2, 8).Chunk(4, 1);
        Assert.Equal([2f, 3f, 10f, 11f], gates[1].ToArray());
        GradCheck.Check(t => { var c = t[0].Chunk(4, -1); return c[0].Sigmoid() * c[2].Tanh() + c[3]; }, [GradCheck.Randn(3, 2, 8)]);
    }

    [Fact]
    public void Unbind_removes_the_dimension_and_matches_finite_differences()
    {
        var x = Tensor.Arange(0, 6).Reshape(2, 3);
        var rows = x.Unbind();
        Assert.Equal(2, rows.Length);
        Assert.Equal([3f, 4f, 5f], rows[1].ToArray());
        var cols = x.Unbind(1);
        Assert.Equal(3, cols.Length);
        Assert.Equal([2], cols[0].Shape);
        Assert.Equal([2f, 5f], cols[2].ToArray());
        GradCheck.Check(t => { var u = t[0].Unbind(1); return u[0] * u[2]; }, [GradCheck.Randn(2, 2, 3, 2)]);
    }

    [Fact]
    public void Bad_split_sizes_and_ranges_are_clear_errors()
    {
        var x = Tensor.Ones(5, 2);
        var sum = Assert.Throws<ArgumentException>(() => x.Split([2, 2]));
        Assert.Contains("sum to 4", sum.Message);
        Assert.Contains("size 5", sum.Message);
        Assert.Contains("negative", Assert.Throws<ArgumentException>(() => x.Split([6, -1])).Message);
        Assert.Contains("positive", Assert.Throws<ArgumentOutOfRangeException>(() => x.Split(0)).Message);
        Assert.Contains("positive", Assert.Throws<ArgumentOutOfRangeException>(() => x.Chunk(0)).Message);
        Assert.Contains("exceeds dimension 0 of size 5", Assert.Throws<ArgumentOutOfRangeException>(() => x.Narrow(0, 3, 3)).Message);
        Assert.Contains("start 6", Assert.Throws<ArgumentOutOfRangeException>(() => x.Narrow(0, 6, 0)).Message);
        Assert.Contains("index 2 is out of range for dimension 1 of size 2", Assert.Throws<ArgumentOutOfRangeException>(() => x.Select(1, 2)).Message);
        Assert.Throws<ArgumentException>(() => Tensor.Scalar(1f).Unbind());
    }
}
