namespace Lib.Tensors.NN.Recurrent;

/// <summary>
/// Copies flat element ranges of one or more tensors, in order, into a new tensor; the gradient of
/// each range flows back to where it came from. The recurrent modules use it to split a fused op's
/// packed result (output, h_n, c_n) and to assemble h_n over layers without the general shape ops.
/// </summary>
internal static class FlatGather
{
    /// <summary>The concatenation of <paramref name="ranges"/> (source index, start, count), reshaped to
    /// <paramref name="shape"/>.</summary>
    public static Tensor Apply(Tensor[] sources, (int Source, int Start, int Count)[] ranges, int[] shape)
    {
        var result = TensorStorage.Zeroed((int)Tensor.ShapeSize(shape));
        int at = 0;
        foreach (var (source, start, count) in ranges)
        {
            sources[source].Data.Slice(start, count).CopyTo(result.AsSpan(at, count));
            at += count;
        }
        if (at != result.Length)
            throw new InvalidOperationException(
                $"FlatGather: the ranges hold {at} elements but shape {Tensor.ShapeText(shape)} needs {result.Length}."
            );
        return Tensor.Record(new Tensor(result, shape), "FlatGatherBackward", sources, g =>
        {
            var grads = new Tensor?[sources.Length];
            int from = 0;
            foreach (var (source, start, count) in ranges)
            {
                if (sources[source].RequiresGrad)
                {
                    grads[source] ??= Tensor.ZeroedResult(sources[source]._shape);
                    var target = grads[source]!.AsSpan().Slice(start, count);
                    System.Numerics.Tensors.TensorPrimitives.Add(target, g.Data.Slice(from, count), target);
                }
                from += count;
            }
            return grads;
        });
    }
}
