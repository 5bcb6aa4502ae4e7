using System.Numerics.Tensors;

namespace Lib.Tensors.NN;

public static partial class Functional
{
    /// <summary>
    /// Rows of <paramref name="weight"/> [num, dim] picked by <paramref name="input"/> of any shape → [..., dim]
    /// (<c>F.embedding</c>). The <paramref name="paddingIdx"/> row (negative counts from the end) gets no gradient.
    /// </summary>
    public static Tensor Embedding(IndexTensor input, Tensor weight, int? paddingIdx = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.Dim != 2)
            throw new ArgumentException(
                $"Embedding: weight must be [num_embeddings, embedding_dim], got {Tensor.ShapeText(weight.Shape)}.",
                nameof(weight)
            );
        int num = weight._shape[0],
            dim = weight._shape[1];
        int padding = -1;
        if (paddingIdx is int p)
        {
            if (p >= num || p < -num)
                throw new ArgumentOutOfRangeException(
                    nameof(paddingIdx),
                    $"Embedding: paddingIdx {p} is out of range for a table of {num} rows (expected {-num} to "
                        + $"{num - 1})."
                );
            padding = p < 0 ? p + num : p;
        }
        var idx = input._data;
        for (int i = 0; i < idx.Length; i++)
            if ((uint)idx[i] >= (uint)num)
                throw new ArgumentOutOfRangeException(
                    nameof(input),
                    $"Embedding: index {idx[i]} at position {Tensor.PositionText(i, input._shape)} is out of "
                        + $"range for a table of {num} rows."
                );
        var result = TensorStorage.Uninitialized(idx.Length * dim);
        var table = weight._data;
        for (int i = 0; i < idx.Length; i++)
            table.AsSpan(idx[i] * dim, dim).CopyTo(result.AsSpan(i * dim, dim));
        int[] shape = [.. input._shape, dim];
        var saved = Tensor.SavedIndices(idx, weight);
        return Tensor.Record(new Tensor(result, shape), "EmbeddingBackward", [weight], g =>
        {
            var grad = TensorStorage.Zeroed(weight.NumEl);
            var gd = g._data;
            for (int i = 0; i < saved.Length; i++)
            {
                if (saved[i] == padding)
                    continue;
                var row = grad.AsSpan(saved[i] * dim, dim);
                TensorPrimitives.Add(row, gd.AsSpan(i * dim, dim), row);
            }
            return [new Tensor(grad, weight._shape)];
        });
    }
}
