using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.NN;

public class EmbeddingTests
{
    [Fact]
    public void Rows_are_picked_for_indices_of_any_shape()
    {
        var weight = Tensor.Arange(0, 8).Reshape(4, 2);
        var y = Functional.Embedding(IndexTensor.FromArray([3, 0, 3, 1, 2, 2], 2, 3), weight);
        Assert.Equal([2, 3, 2], y.Shape);
        Assert.Equal([6f, 7f, 0f, 1f, 6f, 7f, 2f, 3f, 4f, 5f, 4f, 5f], y.ToArray());
        Assert.Equal([2], Functional.Embedding(IndexTensor.FromArray([1]).Reshape(), weight).Shape);
    }

    [Fact]
    public void Gradients_match_finite_differences_and_skip_the_padding_row()
    {
        var index = IndexTensor.FromArray([1, 0, 2, 1, 0, 4], 3, 2);
        GradCheck.Check(t => Functional.Embedding(index, t[0]), [GradCheck.Randn(1, 5, 3)]);
        var weight = GradCheck.Randn(2, 5, 3).RequireGrad();
        (Functional.Embedding(index, weight, paddingIdx: 0) * GradCheck.Randn(3, 3, 2, 3)).Sum().Backward();
        Assert.All(weight.Grad!.ToArray()[..3], v => Assert.Equal(0f, v));
        Assert.All(weight.Grad!.ToArray()[9..12], v => Assert.Equal(0f, v)); // row 3 is never picked
        Assert.NotEqual(0f, weight.Grad![1, 0]);
    }

    [Fact]
    public void Negative_padding_idx_counts_from_the_end()
    {
        var weight = Tensor.Ones(4, 2).RequireGrad();
        Functional.Embedding(IndexTensor.FromArray([3, 3, 1]), weight, paddingIdx: -1).Sum().Backward();
        Assert.Equal([0f, 0f, 1f, 1f, 0f, 0f, 0f, 0f], weight.Grad!.ToArray());
    }

    [Fact]
    public void Errors_name_the_index_and_the_table_size()
    {
        var weight = Tensor.Ones(4, 2);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Functional.Embedding(IndexTensor.FromArray([0, 1, 4, 2], 2, 2), weight));
        Assert.Contains("index 4 at position [1, 0]", ex.Message);
        Assert.Contains("table of 4 rows", ex.Message);
        Assert.Contains("index -1", Assert.Throws<ArgumentOutOfRangeException>(() => Functional.Embedding(IndexTensor.FromArray([-1]), weight)).Message);
        Assert.Contains("paddingIdx 4", Assert.Throws<ArgumentOutOfRangeException>(() => Functional.Embedding(IndexTensor.FromArray([0]), weight, 4)).Message);
        Assert.Contains("paddingIdx -5", Assert.Throws<ArgumentOutOfRangeException>(() => Functional.Embedding(IndexTensor.FromArray([0]), weight, -5)).Message);
        Assert.Contains("[num_embeddings, embedding_dim]", Assert.Throws<ArgumentException>(() => Functional.Embedding(IndexTensor.FromArray([0]), Tensor.Ones(4))).Message);
    }
}
