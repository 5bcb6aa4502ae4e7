using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lib.Tensors.Ops;

/// <summary>
/// Copies a rectangular box between two contiguous row-major arrays as a few long runs: trailing
/// dimensions the box covers fully in both arrays merge into one contiguous run, so slicing a
/// leading dimension is one copy and slicing the last one is one copy per row (cat, split, narrow, pad).
/// </summary>
internal static class BoxCopy
{
    /// <summary>
    /// dest[destStart + i] = src[srcStart + i] for every index i of the box <paramref name="extent"/>;
    /// with <paramref name="accumulate"/>, adds instead of overwriting.
    /// </summary>
    public static void Copy(
        float[] src,
        int[] srcShape,
        int[] srcStart,
        float[] dest,
        int[] destShape,
        int[] destStart,
        int[] extent,
        bool accumulate = false
    )
    {
        int rank = extent.Length;
        foreach (int e in extent)
            if (e == 0)
                return;
        // The last dimension the box does not cover fully (or -1 when it covers everything).
        int k = rank - 1;
        while (k >= 0 && extent[k] == srcShape[k] && extent[k] == destShape[k])
            k--;
        int inner = 1;
        for (int d = k + 1; d < rank; d++)
            inner *= extent[d];
        if (k < 0)
        {
            Run(src.AsSpan(0, inner), dest.AsSpan(0, inner), accumulate);
            return;
        }
        var srcStrides = Strides(srcShape);
        var destStrides = Strides(destShape);
        int run = extent[k] * inner;
        if (LeadingDimsFull(srcShape, destShape, extent, k))
        {
            // One run per index of the leading dimensions, at fixed steps (cat, split or narrow of rows): a plain loop.
            int rows = 1;
            for (int d = 0; d < k; d++)
                rows *= extent[d];
            int srcStep = k == 0 ? 0 : srcStrides[k - 1],
                destStep = k == 0 ? 0 : destStrides[k - 1];
            int srcBase = srcStart[k] * srcStrides[k],
                destBase = destStart[k] * destStrides[k];
            if (!accumulate)
            {
                // Rows split across the cores; short ones (narrow along features) copied inline.
                ParallelRanges.For(
                    rows,
                    new RowCopies(src, srcBase, srcStep, dest, destBase, destStep, run),
                    Math.Max(1, ParallelRanges.MinElements / 2 / run),
                    1
                );
                return;
            }
            var from = src.AsSpan(srcBase);
            var to = dest.AsSpan(destBase);
            for (int r = 0, so = 0, dof = 0; r < rows; r++, so += srcStep, dof += destStep)
                Run(from.Slice(so, run), to.Slice(dof, run), accumulate);
            return;
        }
        int srcOffset = 0,
            destOffset = 0;
        for (int d = 0; d <= k; d++)
        {
            srcOffset += srcStart[d] * srcStrides[d];
            destOffset += destStart[d] * destStrides[d];
        }
        var index = new int[k];
        while (true)
        {
            if (run == 1)
                // e.g. stack along the last dim
                dest[destOffset] = accumulate ? dest[destOffset] + src[srcOffset] : src[srcOffset];
            else
                Run(src.AsSpan(srcOffset, run), dest.AsSpan(destOffset, run), accumulate);
            int d = k - 1;
            for (; d >= 0; d--)
            {
                srcOffset += srcStrides[d];
                destOffset += destStrides[d];
                if (++index[d] < extent[d])
                    break;
                srcOffset -= srcStrides[d] * extent[d];
                destOffset -= destStrides[d] * extent[d];
                index[d] = 0;
            }
            if (d < 0)
                return;
        }
    }

    /// <summary>Runs up to this long are copied inline by <see cref="CopyRun"/> rather than by a memmove
    /// call.</summary>
    private const int ShortRun = 256;

    /// <summary>Rows [start, start + length) of a row copy: <c>run</c> floats from src[srcBase + r·srcStep] to
    /// dest[destBase + r·destStep].</summary>
    private readonly struct RowCopies(
        float[] src,
        int srcBase,
        int srcStep,
        float[] dest,
        int destBase,
        int destStep,
        int run
    ) : IRangeBody
    {
        public void Run(int start, int length)
        {
            for (int r = start; r < start + length; r++)
                CopyRun(src, srcBase + r * srcStep, dest, destBase + r * destStep, run);
        }
    }

    /// <summary>dest[destAt ..][..n] = src[srcAt ..][..n]: short runs in inline vector copies (a memmove call costs
    /// more
    /// than copying a few hundred bytes), long ones by memmove.</summary>
    public static void CopyRun(float[] src, int srcAt, float[] dest, int destAt, int n)
    {
        if (
            n < 0
            || n > ShortRun
            || srcAt < 0
            || destAt < 0
            || (long)srcAt + n > src.Length
            || (long)destAt + n > dest.Length
        )
        {
            src.AsSpan(srcAt, n).CopyTo(dest.AsSpan(destAt, n)); // long runs, and the bounds errors
            return;
        }
        ref float s = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(src), srcAt);
        ref float d = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(dest), destAt);
        int width = Vector<float>.Count,
            full = n - n % width,
            i = 0;
        for (; i < full; i += width)
            Vector.LoadUnsafe(ref s, (nuint)i).StoreUnsafe(ref d, (nuint)i);
        for (; i < n; i++)
            Unsafe.Add(ref d, i) = Unsafe.Add(ref s, i);
    }

    /// <summary>Whether the box spans the whole of every dimension before <paramref name="k"/> in both
    /// arrays.</summary>
    private static bool LeadingDimsFull(int[] srcShape, int[] destShape, int[] extent, int k)
    {
        for (int d = 0; d < k; d++)
            if (extent[d] != srcShape[d] || extent[d] != destShape[d])
                return false;
        return true;
    }

    private static void Run(ReadOnlySpan<float> src, Span<float> dest, bool accumulate)
    {
        if (accumulate)
            System.Numerics.Tensors.TensorPrimitives.Add(dest, src, dest);
        else
            src.CopyTo(dest);
    }

    /// <summary>Row-major element strides of <paramref name="shape"/>.</summary>
    public static int[] Strides(int[] shape)
    {
        var strides = new int[shape.Length];
        for (int i = shape.Length - 1, s = 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= shape[i];
        }
        return strides;
    }
}
