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
}
