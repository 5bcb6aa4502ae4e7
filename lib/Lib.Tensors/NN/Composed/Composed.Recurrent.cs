namespace Lib.Tensors.NN;

public static partial class Composed
{
    /// <summary>
    /// One LSTM layer in one direction, step by step from primitives (what <c>NN/Recurrent/LstmLayer</c> fuses), over a
    /// time-major <paramref name="input"/> [T, B, F]: gates = x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh in PyTorch's order i, f,
    /// g, o;
    /// c' = σ(f) ⊙ c + σ(i) ⊙ tanh(g), h' = σ(o) ⊙ tanh(c'). With <paramref name="lengths"/>, a sequence past its
    /// length
    /// keeps its state and outputs zeros (packed-sequence semantics); <paramref name="reverse"/> reads from the last
    /// step,
    /// which for a ragged sequence starts at its own last step. Returns the output [T, B, H] and the final h, c [B, H].
    /// </summary>
    public static (Tensor Output, Tensor H, Tensor C) LstmLayer(
        Tensor input,
        Tensor weightIh,
        Tensor weightHh,
        Tensor? biasIh,
        Tensor? biasHh,
        Tensor h0,
        Tensor c0,
        int[]? lengths = null,
        bool reverse = false
    )
    {
        int steps = input.Size(0);
        var outputs = new Tensor[steps];
        var (h, c) = (h0, c0);
        for (int k = 0; k < steps; k++)
        {
            int step = reverse ? steps - 1 - k : k;
            // [B, 4H]
            var gates = Tensor.Linear(input.Select(0, step), weightIh, biasIh) + Tensor.Linear(h, weightHh, biasHh);
            var chunks = gates.Chunk(4, dim: 1);
            var cNew = chunks[1].Sigmoid() * c + chunks[0].Sigmoid() * chunks[2].Tanh();
            var hNew = chunks[3].Sigmoid() * cNew.Tanh();
            var valid = StepMask(lengths, step); // [B, 1]: 1 while the sequence lasts
            (h, c, outputs[step]) = valid is null
                ? (hNew, cNew, hNew)
                : (Keep(valid, hNew, h), Keep(valid, cNew, c), valid * hNew);
        }
        return (Tensor.Stack(outputs), h, c);
    }

    /// <summary>
    /// One GRU layer in one direction from primitives (what <c>NN/Recurrent/GruLayer</c> fuses), as
    /// <see cref="LstmLayer"/>: r = σ(x_r + h_r), z = σ(x_z + h_z), n = tanh(x_n + r ⊙ h_n) with x_* = x·W_ihᵀ + b_ih
    /// and
    /// h_* = h·W_hhᵀ + b_hh in PyTorch's order r, z, n; h' = (1 − z) ⊙ n + z ⊙ h. Returns the output [T, B, H] and the
    /// final h [B, H].
    /// </summary>
    public static (Tensor Output, Tensor H) GruLayer(
        Tensor input,
        Tensor weightIh,
        Tensor weightHh,
        Tensor? biasIh,
        Tensor? biasHh,
        Tensor h0,
        int[]? lengths = null,
        bool reverse = false
    )
    {
        int steps = input.Size(0);
        var outputs = new Tensor[steps];
        var h = h0;
        for (int k = 0; k < steps; k++)
        {
            int step = reverse ? steps - 1 - k : k;
            var gi = Tensor.Linear(input.Select(0, step), weightIh, biasIh).Chunk(3, dim: 1); // [B, H] each
            var gh = Tensor.Linear(h, weightHh, biasHh).Chunk(3, dim: 1);
            var r = (gi[0] + gh[0]).Sigmoid();
            var z = (gi[1] + gh[1]).Sigmoid();
            var n = (gi[2] + r * gh[2]).Tanh();
            var hNew = (1f - z) * n + z * h;
            var valid = StepMask(lengths, step);
            (h, outputs[step]) = valid is null ? (hNew, hNew) : (Keep(valid, hNew, h), valid * hNew);
        }
        return (Tensor.Stack(outputs), h);
    }

    /// <summary>[B, 1]: 1 where <paramref name="step"/> is within the sequence's length, else 0; null when every
    /// sequence is whole.</summary>
    private static Tensor? StepMask(int[]? lengths, int step) =>
        lengths is null ? null : Tensor.FromArray([.. lengths.Select(l => step < l ? 1f : 0f)], lengths.Length, 1);

    /// <summary>The new state where the sequence goes on, the old one where it has ended.</summary>
    private static Tensor Keep(Tensor valid, Tensor updated, Tensor previous) =>
        valid * updated + (1f - valid) * previous;
}
