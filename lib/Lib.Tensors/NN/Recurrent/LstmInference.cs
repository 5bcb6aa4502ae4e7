using System.Numerics.Tensors;
using Lib.Tensors.Kernels;
using Lib.Tensors.Ops;

namespace Lib.Tensors.NN.Recurrent;

/// <summary>
/// One LSTM layer (one or both directions) without autograd, for inference: nothing is kept for a backward pass, so
/// the state is two [B, H] arrays updated in place and each step's h goes straight to the padded output. Both weight
/// matrices are packed once per call (<see cref="PackedMatrix"/>), not at every product. The input projection
/// (x·W_ihᵀ + b_ih + b_hh) runs a few steps at a time, so that those steps' gate pre-activations are still in the
/// core's cache when the steps add h·W_hhᵀ and apply the gates. With two directions and more than one thread, each
/// direction runs whole on a core of its own instead of splitting every step's small product and meeting after it.
/// The arithmetic is the autograd layer's (<see cref="LstmLayer"/>): the same products and the same cell, so the
/// results are the same to the bit.
/// </summary>
internal static class LstmInference
{
    /// <summary>Gate pre-activations projected at a time (floats): 512 KB, which stays in a core's L2.</summary>
    private const int ChunkGateFloats = 128 * 1024;

    /// <summary>A step's rows split across the cores only from this many cell elements per part (as in
    /// <see cref="LstmLayer"/>).</summary>
    private const int MinCellsPerPart = 8192;

    /// <summary>
    /// Runs the layer on <paramref name="xs"/> (the input packed by <see cref="RnnBatch.Pack"/>, rows of
    /// <paramref name="inF"/>) from rows <paramref name="stateRow"/> + d of the [L·D, B, H] initial states (zeros when
    /// null); writes the padded <paramref name="output"/> [.., D·H] (zeros past each length), h_n and c_n [D, B, H].
    /// </summary>
    public static void Run(
        float[] xs,
        int inF,
        RnnBatch batch,
        Tensor? h0,
        Tensor? c0,
        int stateRow,
        RnnWeights[] directions,
        float[] output,
        float[] hN,
        float[] cN
    )
    {
        int dirs = directions.Length,
            hidden = directions[0].HiddenSize,
            width = 4 * hidden,
            b = batch.Batch;
        batch.ClearPadding(output, dirs * hidden);
        int stepsPerChunk = Math.Max(1, ChunkGateFloats / width / b);
        var work = new Direction[dirs];
        for (int d = 0; d < dirs; d++)
        {
            var w = directions[d];
            float[]? bias = null;
            if (w.BiasIh is not null)
            {
                bias = TensorStorage.Uninitialized(width);
                TensorPrimitives.Add(w.BiasIh.Data, w.BiasHh!.Data, bias);
            }
            work[d] = new Direction(
                xs,
                inF,
                batch,
                hidden,
                dirs,
                d,
                Pack(w.WeightIh, inF, width),
                Pack(w.WeightHh, hidden, width),
                bias,
                batch.SortState(h0, stateRow + d, hidden),
                batch.SortState(c0, stateRow + d, hidden),
                TensorStorage.Uninitialized(stepsPerChunk * b * width),
                stepsPerChunk,
                output
            );
        }
        if (dirs > 1 && Math.Min(Gemm.MaxThreads, GemmThreads.MaxParallelism) > 1)
            ParallelRanges.For(dirs, new Directions(work), 1, 1);
        else
            foreach (var direction in work)
                direction.Run(Gemm.MaxThreads);
        for (int d = 0; d < dirs; d++)
        {
            batch.UnsortState(work[d].H, hidden, hN.AsSpan(d * b * hidden, b * hidden));
            batch.UnsortState(work[d].C, hidden, cN.AsSpan(d * b * hidden, b * hidden));
        }
    }

    /// <summary>W [4H, k] packed as op(B) = Wᵀ [k, 4H].</summary>
    private static PackedMatrix Pack(Tensor weight, int k, int width) =>
        PackedMatrix.Pack(
            true,
            k,
            width,
            weight.Data,
            k,
            TensorStorage.Uninitialized(PackedMatrix.Length(k, width, Gemm.Path))
        );

    /// <summary>Each direction on a thread of its own (parts of <see cref="ParallelRanges.For{TBody}(int, TBody, int,
    /// int)"/>).</summary>
    private readonly struct Directions(Direction[] work) : IRangeBody
    {
        public void Run(int start, int length)
        {
            for (int d = start; d < start + length; d++)
                work[d].Run(1);
        }
    }

    /// <summary>One direction's weights, state and buffers.</summary>
    private sealed class Direction(
        float[] xs,
        int inF,
        RnnBatch batch,
        int hidden,
        int dirs,
        int d,
        PackedMatrix wih,
        PackedMatrix whh,
        float[]? bias,
        float[] h,
        float[] c,
        float[] gates,
        int stepsPerChunk,
        float[] output
    )
    {
        /// <summary>Each sequence's hidden state in sorted order [B, H]: h_0, then its latest step's.</summary>
        public float[] H => h;

        /// <summary>Each sequence's cell state in sorted order [B, H].</summary>
        public float[] C => c;

        /// <summary>Every step of the direction, with products on at most <paramref name="maxThreads"/>
        /// threads.</summary>
        public void Run(int maxThreads)
        {
            int width = 4 * hidden;
            var steps = batch.Steps(reverse: d == 1);
            for (int first = 0; first < steps.Length; first += stepsPerChunk)
            {
                // The chunk's steps are consecutive in time, so their packed rows are too (ascending or descending).
                var (a, z) = (steps[first], steps[Math.Min(first + stepsPerChunk, steps.Length) - 1]);
                int row0 = Math.Min(a.Offset, z.Offset),
                    rows = Math.Max(a.Offset + a.Count, z.Offset + z.Count) - row0;
                Gemm.SgemmPacked(
                    maxThreads,
                    false,
                    rows,
                    1f,
                    xs.AsSpan(row0 * inF),
                    inF,
                    wih,
                    0f,
                    bias,
                    gates,
                    width
                );
                for (int i = first; i < first + stepsPerChunk && i < steps.Length; i++)
                {
                    var s = steps[i];
                    // The running rows are a prefix of the sorted batch; their h is the previous step's (or h_0).
                    var stepGates = gates.AsSpan((s.Offset - row0) * width, s.Count * width);
                    Gemm.SgemmPacked(maxThreads, false, s.Count, 1f, h, hidden, whh, 1f, default, stepGates, width);
                    var cells = new Cells(this, s.Time, s.Offset - row0);
                    if (maxThreads > 1)
                        ParallelRanges.For(s.Count, cells, MinCellsPerPart / hidden, 1);
                    else
                        cells.Run(0, s.Count);
                }
            }
        }

        /// <summary>The gates of rows [start, start + length) of a step at <paramref name="time"/>, whose gate rows
        /// start at row <paramref name="gateRow"/> of the chunk: c and h in place, h also to the output.</summary>
        private readonly struct Cells(Direction x, int time, int gateRow) : IRangeBody
        {
            public void Run(int start, int length)
            {
                int hidden = x.Hidden,
                    width = 4 * hidden,
                    outWidth = x.Dirs * hidden;
                for (int j = start; j < start + length; j++)
                {
                    var c = x.C.AsSpan(j * hidden, hidden);
                    var h = x.H.AsSpan(j * hidden, hidden);
                    LstmCell.Forward(x.Gates.AsSpan((gateRow + j) * width, width), c, c, h);
                    h.CopyTo(x.Output.AsSpan(x.Batch.PaddedRow(x.Batch.Order[j], time) * outWidth + x.D * hidden));
                }
            }
        }

        private int Hidden => hidden;
        private RnnBatch Batch => batch;
        private int Dirs => dirs;
        private int D => d;
        private float[] Gates => gates;
        private float[] Output => output;
    }
}
