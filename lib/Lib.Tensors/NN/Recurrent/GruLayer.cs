using System.Numerics.Tensors;
using Lib.Tensors.Kernels;
using Lib.Tensors.Ops;

namespace Lib.Tensors.NN.Recurrent;

/// <summary>
/// One GRU layer (one or both directions) as a single autograd op, with PyTorch's gate order r, z, n:
/// r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(W_iz x + b_iz + W_hz h + b_hz),
/// n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h' = (1 − z) ⊙ n + z ⊙ h.
/// The input projection is one GEMM over all packed rows; each step does one GEMM for h·W_hhᵀ.
/// </summary>
internal static class GruLayer
{
    /// <summary>Activated gates r, z, n per packed row; the hidden projections W_hh·h + b_hh; outputs; previous
    /// outputs.</summary>
    private sealed record Saved(float[] Gates, float[] Hidden, float[] Outputs, float[] PrevOutputs);

    /// <summary>
    /// Runs the layer on <paramref name="x"/> (padded) from rows <paramref name="stateRow"/> + d of the
    /// [L·D, B, H] initial state (zeros when null). Returns one flat tensor: the padded output [.., D·H]
    /// (zeros past each length), then h_n [D, B, H].
    /// </summary>
    public static Tensor Apply(Tensor x, RnnBatch batch, Tensor? h0, int stateRow, RnnWeights[] directions)
    {
        int dirs = directions.Length,
            hidden = directions[0].HiddenSize,
            inF = x.Size(-1),
            b = batch.Batch;
        int outWidth = dirs * hidden,
            outSize = batch.Batch * batch.Time * outWidth;
        var result = TensorStorage.Uninitialized(outSize + dirs * b * hidden); // Run writes every element
        var (xs, saved) = Run(x, batch, h0, stateRow, directions, result.AsSpan(0, outSize), result.AsSpan(outSize));

        var inputs = new List<Tensor> { x };
        if (h0 is not null)
            inputs.Add(h0);
        foreach (var w in directions)
            inputs.AddRange(w.Tensors());
        return Tensor.Record(new Tensor(result, [result.Length]), "GruBackward", [.. inputs], g =>
        {
            var grads = new List<Tensor?> { null };
            var dh0 = h0 is { RequiresGrad: true } ? Tensor.ZeroedResult(h0._shape) : null;
            if (h0 is not null)
                grads.Add(dh0);
            var dxs = x.RequiresGrad ? TensorStorage.Zeroed(xs.Length) : null;
            for (int d = 0; d < dirs; d++)
            {
                var stateGrad = g.Data.Slice(outSize + d * b * hidden, b * hidden);
                var dhInit = Backward(
                    g.Data[..outSize],
                    outWidth,
                    d,
                    stateGrad,
                    xs,
                    inF,
                    batch,
                    directions[d],
                    saved[d],
                    dxs,
                    grads
                );
                if (dh0 is not null)
                    batch.UnsortState(dhInit, hidden, dh0.AsSpan().Slice((stateRow + d) * b * hidden, b * hidden));
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

    /// <summary>Without autograd: the padded output [.., D·H] and h_n [D, B, H] in arrays of their own (no flat result
    /// to split).</summary>
    public static (float[] Output, float[] H) Infer(
        Tensor x,
        RnnBatch batch,
        Tensor? h0,
        int stateRow,
        RnnWeights[] directions
    )
    {
        int dirs = directions.Length,
            hidden = directions[0].HiddenSize;
        var (output, h) = (
            TensorStorage.Uninitialized(batch.Batch * batch.Time * dirs * hidden),
            TensorStorage.Uninitialized(dirs * batch.Batch * hidden)
        );
        Run(x, batch, h0, stateRow, directions, output, h);
        return (output, h);
    }

    /// <summary>Every direction forward; writes the padded output (zeros past each length) and h_n in caller
    /// order.</summary>
    private static (float[] Xs, Saved[] Saved) Run(
        Tensor x,
        RnnBatch batch,
        Tensor? h0,
        int stateRow,
        RnnWeights[] directions,
        Span<float> output,
        Span<float> hN
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
            saved[d] = Forward(xs, inF, batch, directions[d], batch.SortState(h0, stateRow + d, hidden), reverse);
            batch.Unpack(saved[d].Outputs, hidden, output, dirs * hidden, d * hidden);
            batch.WriteFinal(saved[d].Outputs, hidden, reverse, hN.Slice(d * b * hidden, b * hidden));
        }
        return (xs, saved);
    }

    private static Saved Forward(float[] xs, int inF, RnnBatch batch, RnnWeights w, float[] h0, bool reverse)
    {
        int hidden = w.HiddenSize,
            width = 3 * hidden,
            rows = batch.Rows;
        bool bias = w.BiasIh is not null;
        // Every element of these is written before it is read (the bias or the products with beta 0, then each row by
        // its step), so none needs zeroing first.
        var gates = TensorStorage.Uninitialized(rows * width);
        var proj = TensorStorage.Uninitialized(rows * width);
        if (bias)
            for (int r = 0; r < rows; r++)
            {
                w.BiasIh!.Data.CopyTo(gates.AsSpan(r * width, width));
                w.BiasHh!.Data.CopyTo(proj.AsSpan(r * width, width));
            }
        Blas.Sgemm(false, true, rows, width, inF, 1f, xs, inF, w.WeightIh.Data, inF, bias ? 1f : 0f, gates, width);

        var outputs = TensorStorage.Uninitialized(rows * hidden);
        var prevOutputs = TensorStorage.Uninitialized(rows * hidden);
        // W_hh packed once for the per-step products instead of at each one (the products are the same).
        var whh = PackedMatrix.Pack(
            true,
            hidden,
            width,
            w.WeightHh.Data,
            hidden,
            TensorStorage.Uninitialized(PackedMatrix.Length(hidden, width, Gemm.Path))
        );
        foreach (var s in batch.Steps(reverse))
        {
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
                bias ? 1f : 0f,
                default,
                proj.AsSpan(s.Offset * width),
                width
            );
            for (int j = 0; j < s.Count; j++)
            {
                int row = s.Offset + j;
                var gate = gates.AsSpan(row * width, width);
                ReadOnlySpan<float> hp = proj.AsSpan(row * width, width);
                var rz = gate[..(2 * hidden)];
                var r = gate[..hidden];
                var z = gate.Slice(hidden, hidden);
                var n = gate.Slice(2 * hidden, hidden);
                TensorPrimitives.Add(rz, hp[..(2 * hidden)], rz);
                TensorPrimitives.Sigmoid(rz, rz);
                TensorPrimitives.MultiplyAdd(r, hp.Slice(2 * hidden, hidden), n, n);
                TensorPrimitives.Tanh(n, n);
                // h = n + z ⊙ (h_prev − n)
                var h = outputs.AsSpan(row * hidden, hidden);
                TensorPrimitives.Subtract(prevOutputs.AsSpan(row * hidden, hidden), n, h);
                TensorPrimitives.MultiplyAdd(h, z, n, h);
            }
        }
        return new Saved(gates, proj, outputs, prevOutputs);
    }

    /// <summary>
    /// Backward through time for direction <paramref name="d"/>; adds its parameter gradients to
    /// <paramref name="grads"/> (input order) and its dX to <paramref name="dxs"/>; returns the
    /// gradient of its initial state in sorted order.
    /// </summary>
    private static float[] Backward(
        ReadOnlySpan<float> dOut,
        int outWidth,
        int d,
        ReadOnlySpan<float> dhn,
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
            width = 3 * hidden,
            rows = batch.Rows,
            b = batch.Batch;
        var dh = TensorStorage.Zeroed(b * hidden);
        for (int j = 0; j < b; j++)
            dhn.Slice(batch.Order[j] * hidden, hidden).CopyTo(dh.AsSpan(j * hidden, hidden));
        var dGates = TensorStorage.Zeroed(rows * width);
        var dProj = TensorStorage.Zeroed(rows * width);
        var dh0 = TensorStorage.Zeroed(b * hidden);
        var whh = w.WeightHh.Data;
        var steps = batch.Steps(d == 1);
        for (int k = steps.Length - 1; k >= 0; k--)
        {
            var st = steps[k];
            for (int j = 0; j < st.Count; j++)
            {
                int row = st.Offset + j;
                var dhj = dh.AsSpan(j * hidden, hidden);
                TensorPrimitives.Add(
                    dhj,
                    dOut.Slice(batch.PaddedRow(batch.Order[j], st.Time) * outWidth + d * hidden, hidden),
                    dhj
                );
                ReadOnlySpan<float> gate = s.Gates.AsSpan(row * width, width);
                ReadOnlySpan<float> hp = s.Hidden.AsSpan(row * width, width);
                ReadOnlySpan<float> hPrev = s.PrevOutputs.AsSpan(row * hidden, hidden);
                var dhPrev = j < st.Carried ? dhj : dh0.AsSpan(j * hidden, hidden);
                var dg = dGates.AsSpan(row * width, width);
                var dp = dProj.AsSpan(row * width, width);
                for (int e = 0; e < hidden; e++)
                {
                    float r = gate[e],
                        z = gate[hidden + e],
                        n = gate[2 * hidden + e],
                        dht = dhj[e];
                    float dnPre = dht * (1f - z) * (1f - n * n);
                    float drPre = dnPre * hp[2 * hidden + e] * r * (1f - r);
                    float dzPre = dht * (hPrev[e] - n) * z * (1f - z);
                    dg[e] = drPre;
                    dg[hidden + e] = dzPre;
                    dg[2 * hidden + e] = dnPre;
                    dp[e] = drPre;
                    dp[hidden + e] = dzPre;
                    dp[2 * hidden + e] = dnPre * r;
                    dhPrev[e] = dht * z;
                }
            }
            // dh_prev += dProj · W_hh: carried rows continue to the previous step, the rest go to the initial state.
            Blas.Sgemm(
                false,
                false,
                st.Carried,
                hidden,
                width,
                1f,
                dProj.AsSpan(st.Offset * width),
                width,
                whh,
                hidden,
                1f,
                dh,
                hidden
            );
            Blas.Sgemm(
                false,
                false,
                st.Count - st.Carried,
                hidden,
                width,
                1f,
                dProj.AsSpan((st.Offset + st.Carried) * width),
                width,
                whh,
                hidden,
                1f,
                dh0.AsSpan(st.Carried * hidden),
                hidden
            );
        }

        grads.Add(w.WeightIh.RequiresGrad ? WeightGrad(dGates, xs, rows, width, inF) : null);
        grads.Add(w.WeightHh.RequiresGrad ? WeightGrad(dProj, s.PrevOutputs, rows, width, hidden) : null);
        if (w.BiasIh is not null)
        {
            grads.Add(w.BiasIh.RequiresGrad ? ColumnSums(dGates, rows, width) : null);
            grads.Add(w.BiasHh!.RequiresGrad ? ColumnSums(dProj, rows, width) : null);
        }
        if (dxs is not null)
            Blas.Sgemm(false, false, rows, inF, width, 1f, dGates, width, w.WeightIh.Data, inF, 1f, dxs, inF);
        return dh0;
    }

    private static Tensor WeightGrad(float[] dRows, float[] inputs, int rows, int width, int inF)
    {
        var grad = Tensor.ZeroedResult(width, inF);
        Blas.Sgemm(true, false, width, inF, rows, 1f, dRows, width, inputs, inF, 0f, grad.AsSpan(), inF);
        return grad;
    }

    private static Tensor ColumnSums(float[] dRows, int rows, int width)
    {
        var sum = Tensor.ZeroedResult(width);
        for (int r = 0; r < rows; r++)
            TensorPrimitives.Add(sum.Data, dRows.AsSpan(r * width, width), sum.AsSpan());
        return sum;
    }
}
