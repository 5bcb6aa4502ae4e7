namespace Lib.Tensors.IO;

/// <summary>Conversions between engine tensors and safetensors entries.</summary>
public static class SafeTensorConversions
{
    /// <summary>An F32 entry with the tensor's shape and a copy of its values.</summary>
    public static SafeTensor ToSafeTensor(this Tensor tensor) => SafeTensor.FromFloat32(tensor.Data, [.. tensor.Shape]);

    /// <summary>An I64 entry with the indices' shape (PyTorch's index dtype).</summary>
    public static SafeTensor ToSafeTensor(this IndexTensor indices)
    {
        var values = new long[indices.NumEl];
        var data = indices.Data;
        for (int i = 0; i < values.Length; i++)
            values[i] = data[i];
        return SafeTensor.FromInt64(values, [.. indices.Shape]);
    }

    /// <summary>A float32 tensor of the entry's shape (a 0-dim entry gives a 0-dim tensor); F16, BF16, F64 and integer
    /// dtypes are converted.</summary>
    public static Tensor ToTensor(this SafeTensor entry) => new(entry.ToFloat32(), entry.Shape);

    /// <summary>Indices from an integer entry (I64, I32, I16, I8, U8, BOOL).</summary>
    /// <exception cref="ArgumentException">The entry is a float dtype, 0-dim, or holds a value outside the int32
    /// range.</exception>
    public static IndexTensor ToIndexTensor(this SafeTensor entry)
    {
        if (entry.DType is "F32" or "F64" or "F16" or "BF16")
            throw new ArgumentException(
                $"A {entry.DType} entry cannot become an IndexTensor; expected an integer dtype (I64, I32, ...).",
                nameof(entry)
            );
        if (entry.Shape.Length == 0)
            throw new ArgumentException(
                "A 0-dim entry cannot become an IndexTensor; reshape it to [1] first.",
                nameof(entry)
            );
        var values = new int[checked((int)entry.NumEl)];
        if (entry.DType == "I64")
        {
            for (int i = 0; i < values.Length; i++)
            {
                long v = BitConverter.ToInt64(entry.Data, i * 8);
                if (v is < int.MinValue or > int.MaxValue)
                    throw new ArgumentException($"Index {v} at position {i} does not fit in int32.", nameof(entry));
                values[i] = (int)v;
            }
        }
        else if (entry.DType == "I32")
        {
            for (int i = 0; i < values.Length; i++)
                values[i] = BitConverter.ToInt32(entry.Data, i * 4);
        }
        else
        {
            var small = entry.ToFloat32(); // I16, I8, U8, BOOL: exact as float32
            for (int i = 0; i < values.Length; i++)
                values[i] = (int)small[i];
        }
        return IndexTensor.Wrap(values, entry.Shape);
    }
}
