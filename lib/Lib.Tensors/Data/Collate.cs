namespace Lib.Tensors.Data;

/// <summary>
/// Default collate functions for <see cref="DataLoader{TSample, TBatch}"/> (PyTorch's
/// <c>default_collate</c> and <c>pad_sequence</c>). Each copies the samples into one new array.
/// </summary>
public static class Collate
{
    /// <summary>Stacks equal-shape samples [...] into one tensor [B, ...].</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> samples)
    {
        var shape = CommonShape(samples, s => s.Shape, "sample");
        int size = samples[0].NumEl;
        var data = new float[checked(samples.Count * size)];
        for (int b = 0; b < samples.Count; b++)
            samples[b].Data.CopyTo(data.AsSpan(b * size, size));
        return new Tensor(data, [samples.Count, .. shape]);
    }

    /// <summary>Stacks equal-shape index samples [...] into one index tensor [B, ...] (class targets, token
    /// ids).</summary>
    public static IndexTensor StackIndices(IReadOnlyList<IndexTensor> samples)
    {
        var shape = CommonShape(samples, s => s.Shape, "sample");
        int size = samples[0].NumEl;
        var data = new int[checked(samples.Count * size)];
        for (int b = 0; b < samples.Count; b++)
            samples[b].Data.CopyTo(data.AsSpan(b * size, size));
        return IndexTensor.Wrap(data, [samples.Count, .. shape]);
    }

    /// <summary>Stacks each field of multi-tensor samples (what <see cref="TensorDataset"/> yields): field k → [B,
    /// ...].</summary>
    public static Tensor[] StackFields(IReadOnlyList<Tensor[]> samples)
    {
        if (samples is null || samples.Count == 0)
            throw new ArgumentException("Cannot collate an empty batch.", nameof(samples));
        int fields = samples[0].Length;
        for (int b = 1; b < samples.Count; b++)
            if (samples[b].Length != fields)
                throw new ArgumentException(
                    $"Sample {b} has {samples[b].Length} fields but sample 0 has {fields}.",
                    nameof(samples)
                );
        var result = new Tensor[fields];
        var column = new Tensor[samples.Count];
        for (int k = 0; k < fields; k++)
        {
            for (int b = 0; b < samples.Count; b++)
                column[b] = samples[b][k];
            try
            {
                result[k] = Stack(column);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"Field {k}: {e.Message}", nameof(samples), e);
            }
        }
        return result;
    }

    /// <summary>
    /// Pads sequences [T_i, ...] (equal trailing shape) into [B, T_max, ...] with
    /// <paramref name="paddingValue"/>, with their lengths [B] and a float mask [B, T_max] where
    /// 1 = a real step and 0 = padding (the engine's one polarity). With <paramref name="maxLength"/>,
    /// longer sequences keep their first <paramref name="maxLength"/> steps.
    /// </summary>
    public static PaddedBatch PadSequences(
        IReadOnlyList<Tensor> samples,
        int? maxLength = null,
        float paddingValue = 0f
    )
    {
        if (samples is null || samples.Count == 0)
            throw new ArgumentException("Cannot collate an empty batch.", nameof(samples));
        if (maxLength is < 0)
            throw new ArgumentOutOfRangeException(
                nameof(maxLength),
                $"maxLength must be non-negative, got {maxLength}."
            );
        for (int b = 0; b < samples.Count; b++)
            if (samples[b].Dim == 0)
                throw new ArgumentException(
                    $"Sample {b} is 0-dimensional; sequences need a time dimension first ([T, ...]).",
                    nameof(samples)
                );
        var step = CommonShape(samples, s => s._shape[1..], "sequence step of sample");
        int stepSize = 1;
        foreach (int s in step)
            stepSize *= s;

        var lengths = new int[samples.Count];
        int tMax = 0;
        for (int b = 0; b < samples.Count; b++)
        {
            lengths[b] = Math.Min(samples[b].Size(0), maxLength ?? int.MaxValue);
            tMax = Math.Max(tMax, lengths[b]);
        }
        var values = new float[checked(samples.Count * tMax * stepSize)];
        var mask = new float[samples.Count * tMax];
        if (paddingValue != 0f)
            Array.Fill(values, paddingValue);
        for (int b = 0; b < samples.Count; b++)
        {
            int n = lengths[b] * stepSize;
            samples[b].Data[..n].CopyTo(values.AsSpan(b * tMax * stepSize, n));
            mask.AsSpan(b * tMax, lengths[b]).Fill(1f);
        }
        return new PaddedBatch(
            new Tensor(values, [samples.Count, tMax, .. step]),
            IndexTensor.Wrap(lengths),
            new Tensor(mask, [samples.Count, tMax])
        );
    }

    private static int[] CommonShape<T>(IReadOnlyList<T> samples, Func<T, IReadOnlyList<int>> shapeOf, string what)
    {
        if (samples is null || samples.Count == 0)
            throw new ArgumentException("Cannot collate an empty batch.", nameof(samples));
        var first = shapeOf(samples[0]);
        for (int b = 1; b < samples.Count; b++)
        {
            var shape = shapeOf(samples[b]);
            if (!shape.SequenceEqual(first))
                throw new ArgumentException(
                    $"Cannot stack: {what} {b} has shape {Tensor.ShapeText(shape)} but {what} 0 has "
                        + $"{Tensor.ShapeText(first)}; every sample must have the same shape.",
                    nameof(samples)
                );
        }
        return [.. first];
    }
}
