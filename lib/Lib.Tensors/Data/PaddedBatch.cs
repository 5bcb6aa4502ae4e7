namespace Lib.Tensors.Data;

/// <summary>
/// Variable-length sequences padded to a common length by <see cref="Collate.PadSequences"/>.
/// </summary>
/// <param name="Values">[B, T_max, ...] the sequences, padding steps filled with the padding value.</param>
/// <param name="Lengths">[B] the number of real steps of each sequence (after truncation).</param>
/// <param name="Mask">[B, T_max] float 0/1 with the engine's one polarity: 1 = a real step, 0 = padding.</param>
public sealed record PaddedBatch(Tensor Values, IndexTensor Lengths, Tensor Mask)
{
    /// <summary>The number of sequences (B).</summary>
    public int BatchSize => Values.Size(0);

    /// <summary>The padded length (T_max).</summary>
    public int MaxLength => Values.Size(1);
}
