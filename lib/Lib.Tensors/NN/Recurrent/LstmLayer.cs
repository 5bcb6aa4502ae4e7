using System.Numerics.Tensors;
using Lib.Tensors.Kernels;
using Lib.Tensors.Ops;

namespace Lib.Tensors.NN.Recurrent;

/// <summary>
/// One LSTM layer (one or both directions) as a single autograd op. Forward: one GEMM projects the
/// whole packed input (x·W_ihᵀ + b_ih + b_hh), then each step adds h·W_hhᵀ for its running rows and
/// applies the gates (PyTorch's order i, f, g, o) in place. Backward runs through time once, then
/// finishes dX, dW_ih and dW_hh with one GEMM each over all packed rows.
/// </summary>
internal static class LstmLayer
{
    private sealed record Saved(float[] Gates, float[] Cells, float[] Outputs, float[] PrevOutputs, float[] C0);

    /// <summary>
    /// Runs the layer on <paramref name="x"/> (padded, the batch's layout) from rows
    /// <paramref name="stateRow"/> + d of the [L·D, B, H] initial states (zeros when null). Returns
    /// one flat tensor: the padded output [.., D·H] (zeros past each length), then h_n [D, B, H], then c_n [D, B, H].
    /// </summary>
    public static Tensor Apply(Tensor x, RnnBatch batch, Tensor? h0, Tensor? c0, int stateRow, RnnWeights[] directions)
    {
        int dirs = directions.Length,
            hidden = directions[0].HiddenSize,
            inF = x.Size(-1),
            b = batch.Batch;
        int outWidth = dirs * hidden,
            outSize = batch.Batch * batch.Time * outWidth,
            stateSize = dirs * b * hidden;
        var result = TensorStorage.Uninitialized(outSize + 2 * stateSize); // Run writes every element
        var (xs, saved) = Run(
            x,
            batch,
            h0,
            c0,
            stateRow,
            directions,
            result.AsSpan(0, outSize),
            result.AsSpan(outSize, stateSize),
            result.AsSpan(outSize + stateSize, stateSize)
        );

        var inputs = new List<Tensor> { x };
        if (h0 is not null)
            inputs.Add(h0);
        if (c0 is not null)
            inputs.Add(c0);
        foreach (var w in directions)
            inputs.AddRange(w.Tensors());
        return Tensor.Record(new Tensor(result, [result.Length]), "LstmBackward", [.. inputs], g =>
        {
            var grads = new List<Tensor?> { null };
            var dh0 = h0 is { RequiresGrad: true } ? Tensor.ZeroedResult(h0._shape) : null;
            var dc0 = c0 is { RequiresGrad: true } ? Tensor.ZeroedResult(c0._shape) : null;
            if (h0 is not null)
                grads.Add(dh0);
            if (c0 is not null)
                grads.Add(dc0);
            var dxs = x.RequiresGrad ? TensorStorage.Zeroed(xs.Length) : null;
            for (int d = 0; d < dirs; d++)
            {
                var stateGrad = g.Data.Slice(outSize + d * b * hidden, b * hidden);
                var cellGrad = g.Data.Slice(outSize + stateSize + d * b * hidden, b * hidden);
                var (dhInit, dcInit) = Backward(
                    g._data,
                    outWidth,
                    d,
                    stateGrad,
                    cellGrad,
                    xs,
                    inF,
                    batch,
                    directions[d],
                    saved[d],
                    dxs,
                    grads
                );
                int row = (stateRow + d) * b * hidden;
                if (dh0 is not null)
                    batch.UnsortState(dhInit, hidden, dh0.AsSpan().Slice(row, b * hidden));
                if (dc0 is not null)
                    batch.UnsortState(dcInit, hidden, dc0.AsSpan().Slice(row, b * hidden));
            }
            if (dxs is not null)
            {
                var dx = TensorStorage.Zeroed(x.NumEl);
                batch.Unpack(dxs, inF, dx, inF, 0);
                grads[0] = new Tensor(dx, x._shape);
            }
            return [.. grads];
        });
    }

    /// <summary>Without autograd: the padded output [.., D·H], h_n [D, B, H] and c_n [D, B, H] in arrays of their own
    /// (no flat result to split).</summary>
    public static (float[] Output, float[] H, float[] C) Infer(
        Tensor x,
        RnnBatch batch,
        Tensor? h0,
        Tensor? c0,
        int stateRow,
        RnnWeights[] directions
    )
    {
        int dirs = directions.Length,
            stateSize = dirs * batch.Batch * directions[0].HiddenSize;
        var (output, h, c) = (
            TensorStorage.Uninitialized(batch.Batch * batch.Time * dirs * directions[0].HiddenSize),
            TensorStorage.Uninitialized(stateSize),
            TensorStorage.Uninitialized(stateSize)
        );
        LstmInference.Run(
            batch.Pack(x.Data, x.Size(-1)),
            x.Size(-1),
            batch,
            h0,
            c0,
            stateRow,
            directions,
            output,
            h,
            c
        );
        return (output, h, c);
    }

    /// <summary>Every direction forward; writes the padded output (zeros past each length), h_n and c_n in caller
    /// order.</summary>
    private static (float[] Xs, Saved[] Saved) Run(
        Tensor x,
        RnnBatch batch,
        Tensor? h0,
        Tensor? c0,
        int stateRow,
        RnnWeights[] directions,
        Span<float> output,
        Span<float> hN,
        Span<float> cN
    )
    {
        int dirs = directions.Length,
            hidden = directions[0].HiddenSize,
            inF = x.Size(-1),
            b = batch.Batch;
        var xs = batch.Pack(x.Data, inF);
        var saved = new Saved[dirs];
        batch.ClearPadding(output, dirs * hidden);
        for (int d = 0; d < dirs; d++)
        {
            bool reverse = d == 1;
            saved[d] = Forward(
                xs,
                inF,
                batch,
                directions[d],
                batch.SortState(h0, stateRow + d, hidden),
                batch.SortState(c0, stateRow + d, hidden),
                reverse
            );
            batch.Unpack(saved[d].Outputs, hidden, output, dirs * hidden, d * hidden);
            batch.WriteFinal(saved[d].Outputs, hidden, reverse, hN.Slice(d * b * hidden, b * hidden));
            batch.WriteFinal(saved[d].Cells, hidden, reverse, cN.Slice(d * b * hidden, b * hidden));
        }
        return (xs, saved);
    }

    private static Saved Forward(
        float[] xs,
        int inF,
        RnnBatch batch,
        RnnWeights w,
        float[] h0,
        float[] c0,
        bool reverse
    )
    {
        int hidden = w.HiddenSize,
            width = 4 * hidden,
            rows = batch.Rows;
        var gates = TensorStorage.Uninitialized(rows * width); // the products overwrite it
        float[]? rowBias = null;
        if (w.BiasIh is not null)
        {
            rowBias = TensorStorage.Uninitialized(width);
            TensorPrimitives.Add(w.BiasIh.Data, w.BiasHh!.Data, rowBias);
        }
        var cells = TensorStorage.Uninitialized(rows * hidden); // every row is some step's
        var outputs = TensorStorage.Uninitialized(rows * hidden);
        var prevOutputs = TensorStorage.Uninitialized(rows * hidden); // carried rows, then h0 rows, at every step
        // Both weights packed once for the layer's products instead of at each one (the products are the same), and
        // the input projection (x·W_ihᵀ + b_ih + b_hh) a few steps at a time, as LstmInference does, so that those
        // steps' gates are still in cache when the steps add h·W_hhᵀ and apply the cell.
        var wih = PackRecurrent(w.WeightIh, true, inF, width);
        var whh = PackRecurrent(w.WeightHh, true, hidden, width);
        var steps = batch.Steps(reverse);
        int stepsPerChunk = Math.Max(1, ChunkGateFloats / width / Math.Max(1, batch.Batch));
        for (int first = 0; first < steps.Length; first++)
        {
            var s = steps[first];
            if (first % stepsPerChunk == 0)
            {
                // The chunk's steps are consecutive in time, so their packed rows are too (ascending or descending).
                var z = steps[Math.Min(first + stepsPerChunk, steps.Length) - 1];
                int row0 = Math.Min(s.Offset, z.Offset),
                    chunkRows = Math.Max(s.Offset + s.Count, z.Offset + z.Count) - row0;
                Gemm.SgemmPacked(
                    Gemm.MaxThreads,
                    false,
                    chunkRows,
                    1f,
                    xs.AsSpan(row0 * inF),
                    inF,
                    wih,
                    0f,
                    rowBias,
                    gates.AsSpan(row0 * width),
                    width
                );
            }
            // The previous hidden state of each running row, contiguous, for one GEMM.
            outputs.AsSpan(s.PrevOffset * hidden, s.Carried * hidden).CopyTo(prevOutputs.AsSpan(s.Offset * hidden));
            h0.AsSpan(s.Carried * hidden, (s.Count - s.Carried) * hidden)
                .CopyTo(prevOutputs.AsSpan((s.Offset + s.Carried) * hidden));
            Gemm.SgemmPacked(
                Gemm.MaxThreads,
                false,
                s.Count,
                1f,
                prevOutputs.AsSpan(s.Offset * hidden),
                hidden,
                whh,
                1f,
                default,
                gates.AsSpan(s.Offset * width),
                width
            );
            ParallelRanges.For(
                s.Count,
                new ForwardCells(s, hidden, gates, cells, outputs, c0),
                MinCellsPerPart / hidden,
                1
            );
        }
        return new Saved(gates, cells, outputs, prevOutputs, c0);
    }

    /// <summary>A weight [4H, k] packed for the layer's products: op(B) = Wᵀ [k, n = 4H] forward
    /// (<paramref name="transB"/>; W_ih and W_hh), W_hh [k = 4H, n = H] backward.</summary>
    private static PackedMatrix PackRecurrent(Tensor weight, bool transB, int k, int n) =>
        PackedMatrix.Pack(
            transB,
            k,
            n,
            weight.Data,
            weight.Size(1),
            TensorStorage.Uninitialized(PackedMatrix.Length(k, n, Gemm.Path))
        );

    /// <summary>Gate pre-activations projected at a time (floats, as in <see cref="LstmInference"/>): 512 KB, which
    /// stays in a core's L2.</summary>
    private const int ChunkGateFloats = 128 * 1024;

    /// <summary>A step's rows split across the cores only from this many cell elements per part (a fork-join costs
    /// microseconds).</summary>
    private const int MinCellsPerPart = 8192;

    /// <summary>The gates of rows [start, start + length) of one step: c and h from the gate pre-activations and
    /// c_prev.</summary>
    private readonly struct ForwardCells(
        RnnStep s,
        int hidden,
        float[] gates,
        float[] cells,
        float[] outputs,
        float[] c0
    ) : IRangeBody
    {
        public void Run(int start, int length)
        {
            int width = 4 * hidden;
            for (int j = start; j < start + length; j++)
            {
                int row = s.Offset + j;
                ReadOnlySpan<float> cPrev =
                    j < s.Carried ? cells.AsSpan((s.PrevOffset + j) * hidden, hidden) : c0.AsSpan(j * hidden, hidden);
                LstmCell.Forward(
                    gates.AsSpan(row * width, width),
                    cPrev,
                    cells.AsSpan(row * hidden, hidden),
                    outputs.AsSpan(row * hidden, hidden)
                );
            }
        }
    }

    /// <summary>Backward through the gates of rows [start, start + length) of one step: dh gains the output's gradient,
    /// then dGates and dc_prev.</summary>
    private readonly struct BackwardCells(
        RnnStep st,
        int hidden,
        RnnBatch batch,
        int d,
        int outWidth,
        float[] dOut,
        Saved s,
        float[] dh,
        float[] dc,
        float[] dc0,
        float[] dGates
    ) : IRangeBody
    {
        public void Run(int start, int length)
        {
            int width = 4 * hidden;
            for (int j = start; j < start + length; j++)
            {
                int row = st.Offset + j;
                var dhj = dh.AsSpan(j * hidden, hidden);
                TensorPrimitives.Add(
                    dhj,
                    dOut.AsSpan(batch.PaddedRow(batch.Order[j], st.Time) * outWidth + d * hidden, hidden),
                    dhj
                );
                ReadOnlySpan<float> cPrev =
                    j < st.Carried
                        ? s.Cells.AsSpan((st.PrevOffset + j) * hidden, hidden)
                        : s.C0.AsSpan(j * hidden, hidden);
                var dcj = dc.AsSpan(j * hidden, hidden);
                var dcPrev = j < st.Carried ? dcj : dc0.AsSpan(j * hidden, hidden);
                LstmCell.Backward(
                    s.Gates.AsSpan(row * width, width),
                    cPrev,
                    s.Cells.AsSpan(row * hidden, hidden),
                    dhj,
                    dcj,
                    dGates.AsSpan(row * width, width),
                    dcPrev
                );
            }
        }
    }

    /// <summary>
    /// Backward through time for direction <paramref name="d"/>; adds this direction's input-weight,
    /// recurrent-weight and bias gradients to <paramref name="grads"/> (in input order) and its dX to
    /// <paramref name="dxs"/>, and returns the gradients of its initial h and c in sorted order.
    /// </summary>
    private static (float[] Dh0, float[] Dc0) Backward(
        float[] dOut,
        int outWidth,
        int d,
        ReadOnlySpan<float> dhn,
        ReadOnlySpan<float> dcn,
        float[] xs,
        int inF,
        RnnBatch batch,
        RnnWeights w,
        Saved s,
        float[]? dxs,
        List<Tensor?> grads
    )
    {
        int hidden = w.HiddenSize,
            width = 4 * hidden,
            rows = batch.Rows,
            b = batch.Batch;
        bool reverse = d == 1;
        var dh = TensorStorage.Zeroed(b * hidden);
        var dc = TensorStorage.Zeroed(b * hidden);
        for (int j = 0; j < b; j++)
        {
            dhn.Slice(batch.Order[j] * hidden, hidden).CopyTo(dh.AsSpan(j * hidden, hidden));
            dcn.Slice(batch.Order[j] * hidden, hidden).CopyTo(dc.AsSpan(j * hidden, hidden));
        }
        var dGates = TensorStorage.Uninitialized(rows * width); // every row is some step's
        var dh0 = TensorStorage.Zeroed(b * hidden);
        var dc0 = TensorStorage.Zeroed(b * hidden);
        var whh = PackRecurrent(w.WeightHh, false, width, hidden); // op(B) = W_hh [4H, H], packed once
        var steps = batch.Steps(reverse);
        for (int k = steps.Length - 1; k >= 0; k--)
        {
            var st = steps[k];
            ParallelRanges.For(
                st.Count,
                new BackwardCells(st, hidden, batch, d, outWidth, dOut, s, dh, dc, dc0, dGates),
                MinCellsPerPart / hidden,
                1
            );
            // dh_prev = dGates · W_hh: carried rows continue to the previous step, the rest go to the initial state.
            Gemm.SgemmPacked(
                Gemm.MaxThreads,
                false,
                st.Carried,
                1f,
                dGates.AsSpan(st.Offset * width),
                width,
                whh,
                0f,
                default,
                dh,
                hidden
            );
            Gemm.SgemmPacked(
                Gemm.MaxThreads,
                false,
                st.Count - st.Carried,
                1f,
                dGates.AsSpan((st.Offset + st.Carried) * width),
                width,
                whh,
                0f,
                default,
                dh0.AsSpan(st.Carried * hidden),
                hidden
            );
        }

        Tensor? dWih = null,
            dWhh = null,
            dBias = null;
        if (w.WeightIh.RequiresGrad)
        {
            dWih = Tensor.ZeroedResult(width, inF);
            Blas.Sgemm(true, false, width, inF, rows, 1f, dGates, width, xs, inF, 0f, dWih.AsSpan(), inF);
        }
        if (w.WeightHh.RequiresGrad)
        {
            dWhh = Tensor.ZeroedResult(width, hidden);
            Blas.Sgemm(
                true,
                false,
                width,
                hidden,
                rows,
                1f,
                dGates,
                width,
                s.PrevOutputs,
                hidden,
                0f,
                dWhh.AsSpan(),
                hidden
            );
        }
        if (w.BiasIh is not null && (w.BiasIh.RequiresGrad || w.BiasHh!.RequiresGrad))
        {
            dBias = Tensor.ZeroedResult(width);
            for (int r = 0; r < rows; r++)
                TensorPrimitives.Add(dBias.Data, dGates.AsSpan(r * width, width), dBias.AsSpan());
        }
        if (dxs is not null)
            Blas.Sgemm(false, false, rows, inF, width, 1f, dGates, width, w.WeightIh.Data, inF, 1f, dxs, inF);
        grads.Add(dWih);
        grads.Add(dWhh);
        if (w.BiasIh is not null)
        {
            grads.Add(w.BiasIh.RequiresGrad ? dBias : null);
            grads.Add(w.BiasHh!.RequiresGrad ? dBias!.Clone() : null);
        }
        return (dh0, dc0);
    }
}
