namespace Lib.Tensors.Tests.Shape;

public class IndexTests
{
    private static IndexTensor RandomIndex(long seed, int high, params int[] shape)
    {
        var g = new Generator(seed);
        var values = new int[shape.Aggregate(1, (a, b) => a * b)];
        for (int i = 0; i < values.Length; i++) values[i] = (int)(g.NextDouble() * high);
        return IndexTensor.FromArray(values, shape);
    }

    [Fact]
    public void IndexSelect_matches_finite_differences_with_repeats()
    {
        var index = IndexTensor.FromArray([2, 0, 2, 1]);
        GradCheck.Check(t => t[0].IndexSelect(0, index), [GradCheck.Randn(1, 3, 4)]);
        GradCheck.Check(t => t[0].IndexSelect(1, index), [GradCheck.Randn(2, 2, 3, 2)]);
        GradCheck.Check(t => t[0].IndexSelect(-1, index), [GradCheck.Randn(3, 2, 3)]);
    }

    [Fact]
    public void IndexSelect_values_and_errors()
    {
        var x = Tensor.Arange(0, 6).Reshape(2, 3);
        var cols = x.IndexSelect(1, IndexTensor.FromArray([2, 2, 0]));
        Assert.Equal([2, 3], cols.Shape);
        Assert.Equal([2f, 2f, 0f, 5f, 5f, 3f], cols.ToArray());
        Assert.Equal([3f, 4f, 5f], x.IndexSelect(0, IndexTensor.FromArray([1])).ToArray());
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => x.IndexSelect(0, IndexTensor.FromArray([0, 2])));
        Assert.Contains("index 2 at position 1", ex.Message);
        Assert.Contains("size 2", ex.Message);
        Assert.Contains("index -1", Assert.Throws<ArgumentOutOfRangeException>(() => x.IndexSelect(1, IndexTensor.FromArray([-1]))).Message);
        Assert.Contains("1-dimensional", Assert.Throws<ArgumentException>(() => x.IndexSelect(0, IndexTensor.Zeros(1, 1))).Message);
    }

    [Theory, InlineData(0), InlineData(1), InlineData(2)]
    public void Gather_on_each_dim_of_a_3d_tensor_matches_finite_differences(int dim)
    {
        // The index is smaller than the input in the other dimensions and repeats entries.
        int[] inputShape = [3, 4, 5];
        int[] indexShape = [2, 3, 4];
        indexShape[dim] = 6;
        var index = RandomIndex(10 + dim, inputShape[dim], indexShape);
        GradCheck.Check(t => t[0].Gather(dim, index), [GradCheck.Randn(1, inputShape)]);
    }

    [Theory, InlineData(0), InlineData(1), InlineData(2)]
    public void ScatterAdd_on_each_dim_of_a_3d_tensor_matches_finite_differences(int dim)
    {
        int[] selfShape = [3, 4, 5];
        int[] indexShape = [2, 3, 4];
        indexShape[dim] = 6;
        int[] srcShape = [3, 4, 6]; // larger than the index: the extra entries get zero gradient
        srcShape[dim] = 7;
        var index = RandomIndex(20 + dim, selfShape[dim], indexShape);
        GradCheck.Check(t => t[0].ScatterAdd(dim, index, t[1]), [GradCheck.Randn(1, selfShape), GradCheck.Randn(2, srcShape)]);
        GradCheck.Check(t => t[0].ScatterAdd(dim, index, t[1]), [GradCheck.Randn(3, selfShape), GradCheck.Randn(4, indexShape)]);
    }

    [Fact]
    public void Gather_and_scatter_add_values_follow_pytorch()
    {
        // torch.gather(torch.tensor([[1., 2.], [3., 4.]]), 1, torch.tensor([[0, 0], [1, 0]])) = [[1, 1], [4, 3]]
        var x = Tensor.FromArray([1f, 2f, 3f, 4f], 2, 2);
        Assert.Equal([1f, 1f, 4f, 3f], x.Gather(1, IndexTensor.FromArray([0, 0, 1, 0], 2, 2)).ToArray());
        Assert.Equal([3f, 2f], x.Gather(0, IndexTensor.FromArray([1, 0], 1, 2)).ToArray());
        // zeros(3, 5).scatter_add(0, [[0, 1, 2, 0, 0]], ones(2, 5)) puts 1 at (0,0), (1,1), (2,2), (0,3), (0,4)
        var s = Tensor.Zeros(3, 5).ScatterAdd(0, IndexTensor.FromArray([0, 1, 2, 0, 0], 1, 5), Tensor.Ones(2, 5));
        Assert.Equal([1f, 0f, 0f, 1f, 1f, 0f, 1f, 0f, 0f, 0f, 0f, 0f, 1f, 0f, 0f], s.ToArray());
        var repeated = Tensor.Zeros(3).ScatterAdd(0, IndexTensor.FromArray([1, 1, 2, 1]), Tensor.FromArray([1f, 2f, 3f, 4f]));
        Assert.Equal([0f, 7f, 3f], repeated.ToArray());
    }

    [Fact]
    public void Scatter_add_gradient_wrt_src_is_the_upstream_gathered()
    {
        var self = Tensor.Zeros(2, 3).RequireGrad();
        var src = Tensor.Ones(2, 2).RequireGrad();
        var index = IndexTensor.FromArray([2, 0, 1, 1], 2, 2);
        var upstream = Tensor.Arange(0, 6).Reshape(2, 3);
        (self.ScatterAdd(1, index, src) * upstream).Sum().Backward();
        Assert.Equal(upstream.ToArray(), self.Grad!.ToArray());
        Assert.Equal(upstream.Gather(1, index).ToArray(), src.Grad!.ToArray());
        Assert.Equal([2f, 0f, 4f, 4f], src.Grad!.ToArray());
    }

    [Fact]
    public void Gather_and_scatter_errors_are_clear()
    {
        var x = Tensor.Ones(2, 3);
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => x.Gather(1, IndexTensor.FromArray([0, 1, 3, 0], 2, 2)));
        Assert.Contains("index 3 at position [1, 0]", range.Message);
        Assert.Contains("dimension 1 of size 3", range.Message);
        Assert.Contains("as many dimensions", Assert.Throws<ArgumentException>(() => x.Gather(1, IndexTensor.FromArray([0, 1]))).Message);
        Assert.Contains("larger than the tensor", Assert.Throws<ArgumentException>(() => x.Gather(1, IndexTensor.Zeros(3, 1))).Message);
        Assert.Contains("larger than src", Assert.Throws<ArgumentException>(() => x.ScatterAdd(1, IndexTensor.Zeros(2, 2), Tensor.Ones(2, 1))).Message);
        Assert.Contains("index -1", Assert.Throws<ArgumentOutOfRangeException>(() => x.ScatterAdd(0, IndexTensor.FromArray([-1], 1, 1), Tensor.Ones(1, 1))).Message);
    }
}
