using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.NN;

/// <summary>
/// A plain, slow LSTM/GRU built only from primitive ops (Linear, Sigmoid, Tanh, Mul, Add, Sub,
/// Reshape, Permute, and MatMul with 0/1 selection matrices for slicing and stacking): a second
/// oracle for the fused kernels on small shapes, including ragged lengths (a finished sequence keeps
/// its state and outputs zeros) and the reverse direction.
/// </summary>
internal static class RnnReference
{
    /// <summary>Runs <paramref name="module"/>'s parameters over <paramref name="input"/> the slow way; C is null for a GRU.</summary>
    public static (Tensor Output, Tensor H, Tensor? C) Run(RNNBase module, Tensor input, int[]? lengths, Tensor? h0, Tensor? c0)
    {
        bool lstm = module is LSTM;
        var p = module.StateDict();
        int layers = module.NumLayers, dirs = module.NumDirections, h = module.HiddenSize;
        var x = module.BatchFirst ? input.Permute(1, 0, 2) : input; // [T, B, F]
        int t = x.Size(0), b = x.Size(1);
        lengths ??= Enumerable.Repeat(t, b).ToArray();
        var finalH = new List<Tensor>();
        var finalC = new List<Tensor>();
        for (int layer = 0; layer < layers; layer++)
        {
            Tensor? layerOut = null;
            for (int d = 0; d < dirs; d++)
            {
                string s = $"_l{layer}" + (d == 1 ? "_reverse" : "");
                var (wih, whh) = (p["weight_ih" + s], p["weight_hh" + s]);
                var (bih, bhh) = (p.GetValueOrDefault("bias_ih" + s), p.GetValueOrDefault("bias_hh" + s));
                int row = layer * dirs + d;
                var hs = h0 is null ? Tensor.Zeros(b, h) : Row(h0, row);
                var cs = c0 is null ? Tensor.Zeros(b, h) : Row(c0, row);
                var ys = new Tensor[t];
                for (int k = 0; k < t; k++)
                {
                    int step = d == 1 ? t - 1 - k : k;
                    var mask = Tensor.FromArray([.. Enumerable.Range(0, b).Select(i => step < lengths[i] ? 1f : 0f)], b, 1);
                    var xt = Row(x, step);
                    Tensor hNew;
                    if (lstm)
                    {
                        var gates = Tensor.Linear(xt, wih, bih) + Tensor.Linear(hs, whh, bhh);
                        var i = Chunk(gates, 0, 4, h).Sigmoid();
                        var f = Chunk(gates, 1, 4, h).Sigmoid();
                        var g = Chunk(gates, 2, 4, h).Tanh();
                        var o = Chunk(gates, 3, 4, h).Sigmoid();
                        var cNew = f * cs + i * g;
                        hNew = o * cNew.Tanh();
                        cs = mask * cNew + (1f - mask) * cs;
                    }
                    else
                    {
                        var gi = Tensor.Linear(xt, wih, bih);
                        var gh = Tensor.Linear(hs, whh, bhh);
                        var r = (Chunk(gi, 0, 3, h) + Chunk(gh, 0, 3, h)).Sigmoid();
                        var z = (Chunk(gi, 1, 3, h) + Chunk(gh, 1, 3, h)).Sigmoid();
                        var n = (Chunk(gi, 2, 3, h) + r * Chunk(gh, 2, 3, h)).Tanh();
                        hNew = (1f - z) * n + z * hs;
                    }
                    hs = mask * hNew + (1f - mask) * hs;
                    ys[step] = mask * hNew;
                }
                finalH.Add(hs);
                finalC.Add(cs);
                // Stack the steps into [T, B, H], then place them in columns [d·H, (d+1)·H) of [T, B, D·H].
                var outD = Stack(ys).Reshape(t * b, h).MatMul(Selection(h, dirs * h, 0, d * h, h)).Reshape(t, b, dirs * h);
                layerOut = layerOut is null ? outD : layerOut + outD;
            }
            x = layerOut!;
        }
        var output = module.BatchFirst ? x.Permute(1, 0, 2) : x;
        return (output, Stack(finalH), lstm ? Stack(finalC) : null);
    }

    /// <summary>Entry <paramref name="index"/> of dimension 0 of [N, A, B] as [A, B] (a one-hot row times the flattened tensor).</summary>
    private static Tensor Row(Tensor x, int index)
    {
        int n = x.Size(0), a = x.Size(1), c = x.Size(2);
        return Selection(1, n, 0, index, 1).MatMul(x.Reshape(n, a * c)).Reshape(a, c);
    }

    /// <summary>Columns [k·H, (k+1)·H) of [B, G·H].</summary>
    private static Tensor Chunk(Tensor gates, int k, int count, int h) => gates.MatMul(Selection(count * h, h, k * h, 0, h));

    /// <summary>[N] tensors of equal shape stacked along a new dimension 0: Σ eᵢ ⊗ xᵢ.</summary>
    private static Tensor Stack(IReadOnlyList<Tensor> items)
    {
        var shape = items[0].Shape.ToArray();
        int size = items[0].NumEl;
        Tensor? sum = null;
        for (int i = 0; i < items.Count; i++)
        {
            var term = Selection(items.Count, 1, i, 0, 1).MatMul(items[i].Reshape(1, size));
            sum = sum is null ? term : sum + term;
        }
        return sum!.Reshape([items.Count, .. shape]);
    }

    /// <summary>A [rows, cols] 0/1 matrix with ones at (rowStart + k, colStart + k) for k &lt; count.</summary>
    private static Tensor Selection(int rows, int cols, int rowStart, int colStart, int count)
    {
        var m = new float[rows * cols];
        for (int k = 0; k < count; k++) m[(rowStart + k) * cols + colStart + k] = 1f;
        return Tensor.FromArray(m, rows, cols);
    }
}
