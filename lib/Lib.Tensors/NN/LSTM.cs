namespace Lib.Tensors.NN;

/// <summary>
/// A multi-layer long short-term memory network (PyTorch's <c>nn.LSTM</c>, without <c>proj_size</c>).
/// Gates in PyTorch's row order i, f, g, o: c' = f ⊙ c + i ⊙ g, h' = o ⊙ tanh(c'). Each layer and
/// direction runs as one fused op (one GEMM for the input projection of all steps, one per step for
/// the recurrence). Ragged batches take per-sequence lengths; see <see cref="RNNBase"/>.
/// </summary>
public sealed class LSTM : RNNBase
{
    /// <summary>
    /// Creates the layers with PyTorch's default initialisation, U(-1/√hiddenSize, 1/√hiddenSize),
    /// drawn from <paramref name="generator"/>, which also draws the dropout masks between layers.
    /// </summary>
    public LSTM(
        int inputSize,
        int hiddenSize,
        Generator generator,
        int numLayers = 1,
        bool bias = true,
        bool batchFirst = false,
        float dropout = 0f,
        bool bidirectional = false
    )
        : base(4, inputSize, hiddenSize, generator, numLayers, bias, batchFirst, dropout, bidirectional) { }

    /// <summary>
    /// Runs the sequence batch. <paramref name="input"/> is [T, B, input_size] ([B, T, input_size] with
    /// <c>batchFirst</c>); <paramref name="lengths"/> [B] gives each sequence's valid steps (1 ≤ length ≤ T,
    /// any order; null: all T); <paramref name="state"/> is (h_0, c_0), each [num_layers·num_directions, B, H]
    /// (zeros when null). Returns the output [T, B, D·H] (or [B, T, D·H]) — exactly zero past each
    /// length — and h_n, c_n [num_layers·num_directions, B, H], each sequence's state at its own last step.
    /// </summary>
    public (Tensor Output, Tensor H, Tensor C) Forward(
        Tensor input,
        IndexTensor? lengths = null,
        (Tensor H, Tensor C)? state = null
    )
    {
        var (output, h, c) = Run(input, lengths, state?.H, state?.C, hasCell: true);
        return (output, h, c!);
    }
}
