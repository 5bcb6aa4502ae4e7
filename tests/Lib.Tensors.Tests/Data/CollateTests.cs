using Lib.Tensors.Data;

namespace Lib.Tensors.Tests.Data;

public class CollateTests
{
    [Fact]
    public void Stack_copies_equal_shape_samples_into_a_new_leading_dimension()
    {
        var batch = Collate.Stack([Tensor.FromArray([1f, 2f, 3f, 4f], 2, 2), Tensor.FromArray([5f, 6f, 7f, 8f], 2, 2)]);
        Assert.Equal([2, 2, 2], batch.Shape);
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f], batch.ToArray());
        var e = Assert.Throws<ArgumentException>(() => Collate.Stack([Tensor.Zeros(2), Tensor.Zeros(3)]));
        Assert.Contains("sample 1 has shape [3] but sample 0 has [2]", e.Message);
        Assert.Throws<ArgumentException>(() => Collate.Stack([]));
    }

    [Fact]
    public void StackFields_stacks_each_field_and_names_a_bad_one()
    {
        var ds = new TensorDataset(Tensor.Arange(0, 6).Reshape(3, 2), Tensor.Arange(10, 13));
        var fields = Collate.StackFields([ds[2], ds[0]]);
        Assert.Equal([2, 2], fields[0].Shape);
        Assert.Equal([4f, 5f, 0f, 1f], fields[0].ToArray());
        Assert.Equal([2], fields[1].Shape);
        Assert.Equal([12f, 10f], fields[1].ToArray());
        var e = Assert.Throws<ArgumentException>(() => Collate.StackFields([[Tensor.Zeros(1), Tensor.Zeros(2)], [Tensor.Zeros(1), Tensor.Zeros(3)]]));
        Assert.StartsWith("Field 1:", e.Message);
    }

    [Fact]
    public void StackIndices_stacks_index_samples()
    {
        var batch = Collate.StackIndices([IndexTensor.FromArray([1, 2]), IndexTensor.FromArray([3, 4])]);
        Assert.Equal([2, 2], batch.Shape);
        Assert.Equal([1, 2, 3, 4], batch.ToArray());
    }

    [Fact]
    public void PadSequences_pads_to_the_longest_with_lengths_and_a_valid_step_mask()
    {
        // Three sequences [T_i, F=2] with T = 3, 1, 2.
        var a = Tensor.FromArray([1f, 1f, 2f, 2f, 3f, 3f], 3, 2);
        var b = Tensor.FromArray([4f, 4f], 1, 2);
        var c = Tensor.FromArray([5f, 5f, 6f, 6f], 2, 2);
        var batch = Collate.PadSequences([a, b, c], paddingValue: -9f);
        Assert.Equal([3, 3, 2], batch.Values.Shape);
        Assert.Equal([3, 1, 2], batch.Lengths.ToArray());
        Assert.Equal([3, 3], batch.Mask.Shape);
        Assert.Equal([1f, 1f, 1f, 1f, 0f, 0f, 1f, 1f, 0f], batch.Mask.ToArray());
        Assert.Equal([1f, 1f, 2f, 2f, 3f, 3f, 4f, 4f, -9f, -9f, -9f, -9f, 5f, 5f, 6f, 6f, -9f, -9f], batch.Values.ToArray());
        Assert.Equal(3, batch.BatchSize);
        Assert.Equal(3, batch.MaxLength);
    }

    [Fact]
    public void PadSequences_truncates_to_maxLength_keeping_the_first_steps()
    {
        var a = Tensor.Arange(0, 5).Reshape(5, 1);
        var b = Tensor.Arange(10, 12).Reshape(2, 1);
        var batch = Collate.PadSequences([a, b], maxLength: 3);
        Assert.Equal([2, 3, 1], batch.Values.Shape);
        Assert.Equal([3, 2], batch.Lengths.ToArray());
        Assert.Equal([0f, 1f, 2f, 10f, 11f, 0f], batch.Values.ToArray());
        Assert.Equal([1f, 1f, 1f, 1f, 1f, 0f], batch.Mask.ToArray());
    }

    [Fact]
    public void PadSequences_accepts_empty_sequences_and_rejects_mismatched_features()
    {
        var batch = Collate.PadSequences([Tensor.Zeros(0, 2), Tensor.Ones(1, 2)]);
        Assert.Equal([2, 1, 2], batch.Values.Shape);
        Assert.Equal([0, 1], batch.Lengths.ToArray());
        Assert.Equal([0f, 1f], batch.Mask.ToArray());
        var e = Assert.Throws<ArgumentException>(() => Collate.PadSequences([Tensor.Zeros(2, 2), Tensor.Zeros(2, 3)]));
        Assert.Contains("sample 1 has shape [3]", e.Message);
        Assert.Throws<ArgumentException>(() => Collate.PadSequences([Tensor.Scalar(1f)]));
    }
}
