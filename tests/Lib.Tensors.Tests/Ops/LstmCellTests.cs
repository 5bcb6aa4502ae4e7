using Lib.Tensors.Ops;

namespace Lib.Tensors.Tests.Ops;

/// <summary>The LSTM row kernels against the cell's formulas in double (hidden sizes on and off the vector width).</summary>
public class LstmCellTests
{
    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    [Theory]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(64)]
    [InlineData(16)]
    [InlineData(21)]
    [InlineData(128)]
    public void Forward_and_backward_follow_the_cell_equations(int hidden)
    {
        var g = new Generator(hidden);
        float[] Draw(int n, float scale) => [.. Enumerable.Range(0, n).Select(_ => (float)g.NextNormal() * scale)];
        var pre = Draw(4 * hidden, 2f);
        var cPrev = Draw(hidden, 1f);
        var gate = (float[])pre.Clone();
        var c = new float[hidden];
        var h = new float[hidden];
        LstmCell.Forward(gate, cPrev, c, h);
        for (int e = 0; e < hidden; e++)
        {
            double i = Sigmoid(pre[e]), f = Sigmoid(pre[hidden + e]), gg = Math.Tanh(pre[2 * hidden + e]), o = Sigmoid(pre[3 * hidden + e]);
            double ce = i * gg + f * cPrev[e];
            Assert.Equal(i, gate[e], 1e-6);
            Assert.Equal(f, gate[hidden + e], 1e-6);
            Assert.Equal(gg, gate[2 * hidden + e], 1e-6);
            Assert.Equal(o, gate[3 * hidden + e], 1e-6);
            Assert.Equal(ce, c[e], 1e-6);
            Assert.Equal(o * Math.Tanh(ce), h[e], 1e-6);
        }

        var dh = Draw(hidden, 1f);
        var dc = Draw(hidden, 1f);
        var dcIn = (float[])dc.Clone();
        var dGate = new float[4 * hidden];
        LstmCell.Backward(gate, cPrev, c, dh, dc, dGate, dc); // dc_prev written over dc, as the layer does for carried rows
        for (int e = 0; e < hidden; e++)
        {
            double i = gate[e], f = gate[hidden + e], gg = gate[2 * hidden + e], o = gate[3 * hidden + e], tc = Math.Tanh(c[e]);
            double dct = dcIn[e] + dh[e] * o * (1 - tc * tc);
            Assert.Equal(dct * gg * i * (1 - i), dGate[e], 1e-5);
            Assert.Equal(dct * cPrev[e] * f * (1 - f), dGate[hidden + e], 1e-5);
            Assert.Equal(dct * i * (1 - gg * gg), dGate[2 * hidden + e], 1e-5);
            Assert.Equal(dh[e] * tc * o * (1 - o), dGate[3 * hidden + e], 1e-5);
            Assert.Equal(dct * f, dc[e], 1e-5);
        }
    }

    /// <summary>The 16-lane backward (AVX-512, hidden sizes a multiple of 16) gives the bits of the
    /// <c>Vector&lt;T&gt;</c> path, with dc_prev written over dc or into an array of its own, for cells small and
    /// saturated (|c| past tanh's polynomial range and far past it).</summary>
    [Theory]
    [InlineData(16, 1f)]
    [InlineData(64, 3f)]
    [InlineData(128, 1f)]
    [InlineData(128, 40f)]
    public void The_wide_backward_matches_the_lane_backward(int hidden, float cellScale)
    {
        if (!LstmCell512.IsSupported) return; // nothing to compare on this machine
        var g = new Generator(hidden + 7);
        float[] Draw(int n, float scale) => [.. Enumerable.Range(0, n).Select(_ => (float)g.NextNormal() * scale)];
        var gate = Draw(4 * hidden, 2f);
        var c = Draw(hidden, 1f);
        LstmCell.Forward(gate, Draw(hidden, 1f), c, new float[hidden]); // activated gates
        c = Draw(hidden, cellScale);
        var (cPrev, dh, dc) = (Draw(hidden, 1f), Draw(hidden, 1f), Draw(hidden, 1f));
        var (dGateA, dcA) = (new float[4 * hidden], (float[])dc.Clone());
        LstmCell.BackwardLanes(gate, cPrev, c, dh, dcA, dGateA, dcA);
        var (dGateB, dcB) = (new float[4 * hidden], (float[])dc.Clone());
        LstmCell512.Backward(gate, cPrev, c, dh, dcB, dGateB, dcB);
        Assert.Equal(dGateA, dGateB);
        Assert.Equal(dcA, dcB);
        var (dGateC, dcPrevC) = (new float[4 * hidden], new float[hidden]);
        LstmCell512.Backward(gate, cPrev, c, dh, dc, dGateC, dcPrevC);
        Assert.Equal(dGateA, dGateC);
        Assert.Equal(dcA, dcPrevC);
    }

    /// <summary>The 16-lane path (AVX-512), full vectors and a padded last one, gives the bits of the
    /// <c>Vector&lt;T&gt;</c> path for ordinary arguments, updates c in place, saturates huge arguments and keeps NaN.</summary>
    [Theory]
    [InlineData(16)]
    [InlineData(21)]
    [InlineData(128)]
    public void The_wide_path_matches_the_lane_path(int hidden)
    {
        if (!LstmCell512.IsSupported) return; // nothing to compare on this machine
        var g = new Generator(hidden + 1);
        var pre = Enumerable.Range(0, 4 * hidden).Select(_ => (float)g.NextNormal() * 3f).ToArray();
        var cPrev = Enumerable.Range(0, hidden).Select(_ => (float)g.NextNormal()).ToArray();
        var (gateA, cA, hA) = ((float[])pre.Clone(), new float[hidden], new float[hidden]);
        LstmCell.ForwardLanes(gateA, cPrev, cA, hA);
        var (gateB, cB, hB) = ((float[])pre.Clone(), (float[])cPrev.Clone(), new float[hidden]);
        LstmCell512.Forward(gateB, cB, cB, hB); // c_prev and c the same array, as the inference layer runs it
        Assert.Equal(gateA, gateB);
        Assert.Equal(cA, cB);
        Assert.Equal(hA, hB);

        var extreme = new float[4 * hidden];
        for (int e = 0; e < extreme.Length; e++) extreme[e] = (e % 3) switch { 0 => 200f, 1 => -200f, _ => 95f };
        extreme[2 * hidden + hidden - 1] = float.NaN; // g of the last unit
        var (c, h) = (new float[hidden], new float[hidden]);
        LstmCell512.Forward(extreme, cPrev, c, h);
        for (int e = 0; e < extreme.Length; e++)
            if (!(e == 2 * hidden + hidden - 1)) Assert.InRange(extreme[e], -1f, 1f);
        Assert.True(float.IsNaN(extreme[3 * hidden - 1]) && float.IsNaN(c[hidden - 1]) && float.IsNaN(h[hidden - 1]));
        for (int e = 0; e < hidden - 1; e++) Assert.True(float.IsFinite(c[e]) && float.IsFinite(h[e]));
    }
}
