using System.Numerics.Tensors;

namespace Lib.Tensors.Ops;

/// <summary>
/// Scaled dot-product attention over [B, H, T, d] queries, [B, H, S, d] keys and [B, H, S, dv]
/// values, one (batch, head) matrix at a time through <see cref="Blas.Sgemm"/>. The forward keeps
/// what backward needs: the softmax P, the dropout mask M (scaled by 1/(1 − p), or none) and the
/// weights that multiplied V, P_d = P ⊙ M (P itself without dropout).
/// </summary>
internal sealed class AttentionKernel
{
    private readonly int _b, _h, _t, _s, _d, _dv;
    private readonly float _scale;
    private readonly float[] _q, _k, _v;
    private readonly float[] _p;
    private readonly float[]? _dropMask;

    private AttentionKernel(int b, int h, int t, int s, int d, int dv, float[] q, float[] k, float[] v, float[] p, float[]? dropMask, float[] weights)
    {
        (_b, _h, _t, _s, _d, _dv) = (b, h, t, s, d, dv);
        _scale = 1f / MathF.Sqrt(d);
        (_q, _k, _v, _p, _dropMask) = (q, k, v, p, dropMask);
        Weights = weights;
    }

    /// <summary>P_d [B·H·T·S]: the weights that multiplied V (what PyTorch returns as the attention weights).</summary>
    public float[] Weights { get; }

    /// <summary>
    /// Runs the forward pass; <paramref name="output"/> [B·H·T·dv] receives P_d·V.
    /// <paramref name="padRow"/> is [B·S] additive (0 for a real key, −∞ for padding) or null;
    /// <paramref name="attnMask"/> is [T·S] additive or null. Dropout masks are drawn in row-major
    /// order of [B, H, T, S] by <see cref="DropoutMask"/>, as <c>Functional.Dropout</c> draws them.
    /// </summary>
    public static AttentionKernel Forward(int b, int h, int t, int s, int d, int dv, float[] q, float[] k, float[] v,
        float[]? padRow, float[]? attnMask, float dropoutP, Generator? generator, float[] output)
    {
        float scale = 1f / MathF.Sqrt(d);
        var p = new float[(long)b * h * t * s];
        int ts = t * s;
        for (int bi = 0; bi < b; bi++)
        for (int hi = 0; hi < h; hi++)
        {
            int bh = bi * h + hi;
            var scores = p.AsSpan(bh * ts, ts);
            Blas.Sgemm(false, true, t, s, d, scale, q.AsSpan(bh * t * d, t * d), d, k.AsSpan(bh * s * d, s * d), d, 0f, scores, s);
            for (int i = 0; i < t; i++)
            {
                var row = scores.Slice(i * s, s);
                if (attnMask is not null) TensorPrimitives.Add(row, attnMask.AsSpan(i * s, s), row);
                if (padRow is not null) TensorPrimitives.Add(row, padRow.AsSpan(bi * s, s), row);
                if (s == 0) continue;
                TensorPrimitives.Subtract(row, TensorPrimitives.Max(row), row); // all −∞ gives NaN, as in PyTorch
                TensorPrimitives.Exp(row, row);
                TensorPrimitives.Multiply(row, 1f / TensorPrimitives.Sum(row), row);
            }
        }

        float[]? dropMask = null;
        var weights = p;
        if (dropoutP > 0f)
        {
            dropMask = GC.AllocateUninitializedArray<float>(p.Length);
            DropoutMask.Fill(generator!, dropoutP, dropMask);
            weights = new float[p.Length];
            TensorPrimitives.Multiply(p, dropMask, weights);
        }

        for (int bh = 0; bh < b * h; bh++)
            Blas.Sgemm(false, false, t, dv, s, 1f, weights.AsSpan(bh * ts, ts), s, v.AsSpan(bh * s * dv, s * dv), dv, 0f, output.AsSpan(bh * t * dv, t * dv), dv);
        return new AttentionKernel(b, h, t, s, d, dv, q, k, v, p, dropMask, weights);
    }

    /// <summary>
    /// Gradients from dO [B·H·T·dv]: dP_d = dO·Vᵀ, dV = P_dᵀ·dO, then the softmax rule
    /// dS = P ⊙ (dP − rowsum(dP ⊙ P)) with dP = dP_d ⊙ M, dQ = dS·K/√d, dK = dSᵀ·Q/√d.
    /// A null destination is skipped.
    /// </summary>
    public void BackwardFromOutput(float[] dOut, float[]? dq, float[]? dk, float[]? dv)
    {
        int ts = _t * _s;
        var dp = dq is null && dk is null ? null : new float[ts]; // one [T, S] buffer reused for every (batch, head)
        for (int bh = 0; bh < _b * _h; bh++)
        {
            var gO = dOut.AsSpan(bh * _t * _dv, _t * _dv);
            var vBh = _v.AsSpan(bh * _s * _dv, _s * _dv);
            if (dv is not null)
                Blas.Sgemm(true, false, _s, _dv, _t, 1f, Weights.AsSpan(bh * ts, ts), _s, gO, _dv, 0f, dv.AsSpan(bh * _s * _dv, _s * _dv), _dv);
            if (dp is null) continue;
            Blas.Sgemm(false, true, _t, _s, _dv, 1f, gO, _dv, vBh, _dv, 0f, dp, _s);
            ScoresBackward(bh, dp, dq, dk);
        }
    }

    /// <summary>Gradients of Q and K from dP_d [B·H·T·S], the gradient reaching the returned weights.</summary>
    public void BackwardFromWeights(float[] dWeights, float[]? dq, float[]? dk)
    {
        if (dq is null && dk is null) return;
        int ts = _t * _s;
        var dp = new float[ts];
        for (int bh = 0; bh < _b * _h; bh++)
        {
            dWeights.AsSpan(bh * ts, ts).CopyTo(dp);
            ScoresBackward(bh, dp, dq, dk);
        }
    }

    /// <summary>Turns dP_d of one (batch, head) into dS in place and writes its dQ and dK.</summary>
    private void ScoresBackward(int bh, float[] dp, float[]? dq, float[]? dk)
    {
        int ts = _t * _s;
        var pBh = _p.AsSpan(bh * ts, ts);
        if (_dropMask is not null) TensorPrimitives.Multiply(dp, _dropMask.AsSpan(bh * ts, ts), dp);
        for (int i = 0; i < _t; i++)
        {
            var row = dp.AsSpan(i * _s, _s);
            var pRow = pBh.Slice(i * _s, _s);
            TensorPrimitives.Subtract(row, TensorPrimitives.Dot(row, pRow), row);
            TensorPrimitives.Multiply(row, pRow, row);
        }
        if (dq is not null)
            Blas.Sgemm(false, false, _t, _d, _s, _scale, dp, _s, _k.AsSpan(bh * _s * _d, _s * _d), _d, 0f, dq.AsSpan(bh * _t * _d, _t * _d), _d);
        if (dk is not null)
            Blas.Sgemm(true, false, _s, _d, _t, _scale, dp, _s, _q.AsSpan(bh * _t * _d, _t * _d), _d, 0f, dk.AsSpan(bh * _s * _d, _s * _d), _d);
    }
}
