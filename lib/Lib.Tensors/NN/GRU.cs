namespace Lib.Tensors.NN;

/// <summary>
/// A multi-layer gated recurrent unit network (PyTorch's <c>nn.GRU</c>). Gates in PyTorch's row order
/// r, z, n: n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h' = (1 − z) ⊙ n + z ⊙ h. Each layer and
/// direction runs as one fused op. Ragged batches take per-sequence lengths; see <see cref="RNNBase"/>.
/// </summary>
public sealed class GRU : RNNBase
{
    /// <summary>
    /// Creates the layers with PyTorch's default initialisation, U(-1/√hiddenSize, 1/√hiddenSize),
    /// drawn from <paramref name="generator"/>, which also draws the dropout masks between layers.
    /// </summary>
    public GRU(
        int inputSize,
        int hiddenSize,
        Generator generator,
        int numLayers = 1,
        bool bias = true,
        bool batchFirst = false,
        float dropout = 0f,
        bool bidirectional = false
    )
        : base(3, inputSize, hiddenSize, generator, numLayers, bias, batchFirst, dropout, bidirectional) { }

    /// <summary>
    /// Runs the sequence batch. <paramref name="input"/> is [T, B, input_size] ([B, T, input_size] with
    /// <c>batchFirst</c>); <paramref name="lengths"/> [B] gives each sequence's valid steps (1 ≤ length ≤ T,
    /// any order; null: all T); <paramref name="state"/> is h_0 [num_layers·num_directions, B, H] (zeros
    /// when null). Returns the output [T, B, D·H] (or [B, T, D·H]) — exactly zero past each length — and
    /// h_n [num_layers·num_directions, B, H], each sequence's state at its own last step.
    /// </summary>
    public (Tensor Output, Tensor H) Forward(Tensor input, IndexTensor? lengths = null, Tensor? state = null)
    {
        var (output, h, _) = Run(input, lengths, state, null, hasCell: false);
        return (output, h);
    }
}
