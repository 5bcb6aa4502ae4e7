using System.Numerics.Tensors;
using Lib.Tensors.Memory;

namespace Lib.Tensors.Ops;

/// <summary>
/// Scaled dot-product attention over B batches and H heads of T queries, S keys (width d) and S values (width dv),
/// each operand read where it lies through a <see cref="HeadLayout"/>. Per head, every product is one batched
/// GEMM over the B batches (<see cref="Blas.SgemmBatched"/>). The forward keeps what backward needs: the softmax
/// P [B, H, T, S], the dropout mask M (scaled by 1/(1 − p), or none) and, when asked for, the weights that
/// multiplied V, P_d = P ⊙ M (P itself without dropout); otherwise P_d is rebuilt one head at a time.
/// </summary>
internal sealed class AttentionKernel
{
    private readonly int _b,
        _h,
        _t,
        _s,
        _d,
        _dv;
    private readonly float _scale;
    private readonly float[] _q,
        _k,
        _v;
    private readonly HeadLayout _lq,
        _lk,
        _lv;
    private readonly float[] _p;
    private readonly float[]? _dropMask;
    private readonly float[]? _weights;

    private AttentionKernel(
        int b,
        int h,
        int t,
        int s,
        int d,
        int dv,
        float[] q,
        HeadLayout lq,
        float[] k,
        HeadLayout lk,
        float[] v,
        HeadLayout lv,
        float[] p,
        float[]? dropMask,
        float[]? weights
    )
    {
        (_b, _h, _t, _s, _d, _dv) = (b, h, t, s, d, dv);
        _scale = 1f / MathF.Sqrt(d);
        (_q, _k, _v, _lq, _lk, _lv) = (q, k, v, lq, lk, lv);
        (_p, _dropMask, _weights) = (p, dropMask, weights);
    }

    /// <summary>P_d [B·H·T·S]: the weights that multiplied V (what PyTorch returns as the attention weights); kept
    /// only when the forward was asked for them.</summary>
    public float[] Weights =>
        _weights ?? throw new InvalidOperationException("The attention weights were not kept (needWeights was false).");

    /// <summary>
    /// Runs the forward pass; <paramref name="output"/> receives P_d·V at <paramref name="lo"/>.
    /// <paramref name="padRow"/> is [B·S] additive (0 for a real key, −∞ for padding) or null;
    /// <paramref name="attnMask"/> is [T·S] additive or null. Dropout masks are drawn in row-major
    /// order of [B, H, T, S] by <see cref="DropoutMask"/>, as <c>Functional.Dropout</c> draws them.
    /// </summary>
    public static AttentionKernel Forward(
        int b,
        int h,
        int t,
        int s,
        int d,
        int dv,
        float[] q,
        HeadLayout lq,
        float[] k,
        HeadLayout lk,
        float[] v,
        HeadLayout lv,
        float[]? padRow,
        float[]? attnMask,
        float dropoutP,
        Generator? generator,
        bool keepWeights,
        float[] output,
        HeadLayout lo
    )
    {
        float scale = 1f / MathF.Sqrt(d);
        int ts = t * s;
        var p = TensorStorage.Uninitialized(b * h * ts);
        if (b > 0 && ts > 0)
            for (int hi = 0; hi < h; hi++)
                Blas.SgemmBatched(
                    b,
                    false,
                    true,
                    t,
                    s,
                    d,
                    scale,
                    From(q, lq.At(0, hi)),
                    lq.RowStride,
                    lq.BatchStride,
                    From(k, lk.At(0, hi)),
                    lk.RowStride,
                    lk.BatchStride,
                    0f,
                    p.AsSpan(hi * ts),
                    s,
                    (long)h * ts
                );
        Softmax(p, b, h, t, s, padRow, attnMask);

        float[]? dropMask = null;
        if (dropoutP > 0f)
        {
            dropMask = TensorStorage.Uninitialized(p.Length);
            DropoutMask.Fill(generator!, dropoutP, dropMask);
        }
        float[]? weights = dropMask is null ? p : null;
        if (keepWeights && dropMask is not null)
        {
            weights = TensorStorage.Uninitialized(p.Length);
            TensorPrimitives.Multiply(p, dropMask, weights);
        }
        var kernel = new AttentionKernel(
            b,
            h,
            t,
            s,
            d,
            dv,
            q,
            lq,
            k,
            lk,
            v,
            lv,
            p,
            dropMask,
            keepWeights ? weights : null
        );
        if (b == 0 || t == 0 || dv == 0)
            return kernel;
        for (int hi = 0; hi < h; hi++)
        {
            var (w, offset, stride) = kernel.HeadWeights(hi, weights);
            Blas.SgemmBatched(
                b,
                false,
                false,
                t,
                dv,
                s,
                1f,
                w.AsSpan(offset),
                s,
                stride,
                From(v, lv.At(0, hi)),
                lv.RowStride,
                lv.BatchStride,
                0f,
                From(output, lo.At(0, hi)),
                lo.RowStride,
                lo.BatchStride
            );
        }
        return kernel;
    }

    /// <summary>The storage from <paramref name="at"/> on; empty past the end (an operand with no elements, which no
    /// product reads).</summary>
    private static Span<float> From(float[] data, int at) => at < data.Length ? data.AsSpan(at) : [];

    /// <summary>Each row of scores plus the masks, turned into its softmax in place (a row of −∞ gives NaN, as in
    /// PyTorch).</summary>
    private static void Softmax(float[] p, int b, int h, int t, int s, float[]? padRow, float[]? attnMask)
    {
        if (s == 0)
            return;
        ParallelRanges.For(
            b * h * t,
            new SoftmaxBody(p, h, t, s, padRow, attnMask),
            Math.Max(1, ParallelRanges.MinElements / 4 / s),
            1
        );
    }

    /// <summary>Softmax of score rows [start, start + length) of [B, H, T] (rows are independent: split across the
    /// cores).</summary>
    private readonly struct SoftmaxBody(float[] p, int h, int t, int s, float[]? padRow, float[]? attnMask) : IRangeBody
    {
        public void Run(int start, int length)
        {
            for (int row = start; row < start + length; row++)
            {
                int i = row % t,
                    bi = row / (h * t);
                SoftmaxRows.Forward(
                    p.AsSpan(row * s, s),
                    attnMask is null ? default : attnMask.AsSpan(i * s, s),
                    padRow is null ? default : padRow.AsSpan(bi * s, s)
                );
            }
        }
    }

    /// <summary>
    /// P_d of head <paramref name="hi"/> for all batches, as (storage, first element, batch stride) with rows of S:
    /// the kept weights, or P ⊙ M rebuilt in a scratch buffer [B, T, S].
    /// </summary>
    private (float[] Data, int Offset, long Stride) HeadWeights(int hi, float[]? weights)
    {
        int ts = _t * _s;
        if (weights is not null)
            return (weights, hi * ts, (long)_h * ts);
        var w = Scratch.Get(Scratch.Slot.Second, _b * ts);
        for (int bi = 0; bi < _b; bi++)
        {
            int at = (bi * _h + hi) * ts;
            TensorPrimitives.Multiply(_p.AsSpan(at, ts), _dropMask!.AsSpan(at, ts), w.AsSpan(bi * ts, ts));
        }
        return (w, 0, ts);
    }

    /// <summary>
    /// Gradients from dO (at <paramref name="lo"/>): dP_d = dO·Vᵀ, dV = P_dᵀ·dO, then the softmax rule
    /// dS = P ⊙ (dP − rowsum(dP ⊙ P)) with dP = dP_d ⊙ M, dQ = dS·K/√d, dK = dSᵀ·Q/√d. Each gradient is
    /// written (not added) at its operand's layout in its array; a null destination is skipped.
    /// </summary>
    public void BackwardFromOutput(float[] dOut, HeadLayout lo, float[]? dq, float[]? dk, float[]? dv)
    {
        if (_b == 0)
            return;
        int ts = _t * _s;
        for (int hi = 0; hi < _h; hi++)
        {
            if (dv is not null)
            {
                var (w, offset, stride) = HeadWeights(hi, _dropMask is null ? _p : _weights);
                Blas.SgemmBatched(
                    _b,
                    true,
                    false,
                    _s,
                    _dv,
                    _t,
                    1f,
                    w.AsSpan(offset),
                    _s,
                    stride,
                    From(dOut, lo.At(0, hi)),
                    lo.RowStride,
                    lo.BatchStride,
                    0f,
                    From(dv, _lv.At(0, hi)),
                    _lv.RowStride,
                    _lv.BatchStride
                );
            }
            if (dq is null && dk is null)
                continue;
            var dp = Scratch.Get(Scratch.Slot.First, _b * ts);
            Blas.SgemmBatched(
                _b,
                false,
                true,
                _t,
                _s,
                _dv,
                1f,
                From(dOut, lo.At(0, hi)),
                lo.RowStride,
                lo.BatchStride,
                From(_v, _lv.At(0, hi)),
                _lv.RowStride,
                _lv.BatchStride,
                0f,
                dp,
                _s,
                ts
            );
            ScoresBackward(hi, dp, dq, dk);
        }
    }

    /// <summary>Gradients of Q and K from dP_d [B·H·T·S], the gradient reaching the returned weights.</summary>
    public void BackwardFromWeights(float[] dWeights, float[]? dq, float[]? dk)
    {
        if ((dq is null && dk is null) || _b == 0)
            return;
        int ts = _t * _s;
        for (int hi = 0; hi < _h; hi++)
        {
            var dp = Scratch.Get(Scratch.Slot.First, _b * ts);
            for (int bi = 0; bi < _b; bi++)
                dWeights.AsSpan((bi * _h + hi) * ts, ts).CopyTo(dp.AsSpan(bi * ts, ts));
            ScoresBackward(hi, dp, dq, dk);
        }
    }

    /// <summary>Turns dP_d of head <paramref name="hi"/> ([B, T, S]) into dS in place and writes its dQ and
    /// dK.</summary>
    private void ScoresBackward(int hi, float[] dp, float[]? dq, float[]? dk)
    {
        int ts = _t * _s;
        for (int bi = 0; bi < _b; bi++)
        {
            int at = (bi * _h + hi) * ts;
            var block = dp.AsSpan(bi * ts, ts);
            if (_dropMask is not null)
                TensorPrimitives.Multiply(block, _dropMask.AsSpan(at, ts), block);
            for (int i = 0; i < _t; i++)
                SoftmaxRows.Backward(block.Slice(i * _s, _s), _p.AsSpan(at + i * _s, _s));
        }
        if (dq is not null)
            Blas.SgemmBatched(
                _b,
                false,
                false,
                _t,
                _d,
                _s,
                _scale,
                dp,
                _s,
                ts,
                From(_k, _lk.At(0, hi)),
                _lk.RowStride,
                _lk.BatchStride,
                0f,
                From(dq, _lq.At(0, hi)),
                _lq.RowStride,
                _lq.BatchStride
            );
        if (dk is not null)
            Blas.SgemmBatched(
                _b,
                true,
                false,
                _s,
                _d,
                _t,
                _scale,
                dp,
                _s,
                ts,
                From(_q, _lq.At(0, hi)),
                _lq.RowStride,
                _lq.BatchStride,
                0f,
                From(dk, _lk.At(0, hi)),
                _lk.RowStride,
                _lk.BatchStride
            );
    }
}
