namespace Lib.Tensors.NN;

/// <summary>
/// A lookup table of <c>numEmbeddings</c> vectors of size <c>embeddingDim</c> (PyTorch's
/// <c>nn.Embedding</c>): indices [*] → [*, embeddingDim]. <c>weight</c> ~ N(0, 1), with the
/// <c>paddingIdx</c> row zeroed; that row receives no gradient, so it stays zero while training.
/// </summary>
public sealed class Embedding : Module<IndexTensor, Tensor>
{
    /// <summary>Creates the table, drawing its initial vectors from <paramref name="generator"/>.</summary>
    /// <param name="numEmbeddings">The number of rows (the vocabulary size).</param>
    /// <param name="embeddingDim">The size of each vector.</param>
    /// <param name="generator">The source of the initial vectors.</param>
    /// <param name="paddingIdx">A row that stays zero and gets no gradient (negative counts from the end, as in
    /// PyTorch).</param>
    public Embedding(int numEmbeddings, int embeddingDim, Generator generator, int? paddingIdx = null)
    {
        if (numEmbeddings < 0)
            throw new ArgumentOutOfRangeException(
                nameof(numEmbeddings),
                $"numEmbeddings must be non-negative, got {numEmbeddings}."
            );
        if (embeddingDim < 0)
            throw new ArgumentOutOfRangeException(
                nameof(embeddingDim),
                $"embeddingDim must be non-negative, got {embeddingDim}."
            );
        ArgumentNullException.ThrowIfNull(generator);
        if (paddingIdx is int p)
        {
            if (p >= numEmbeddings || p < -numEmbeddings)
                throw new ArgumentOutOfRangeException(
                    nameof(paddingIdx),
                    $"paddingIdx {p} must be within [-{numEmbeddings}, {numEmbeddings}) for {numEmbeddings} embeddings."
                );
            paddingIdx = p < 0 ? p + numEmbeddings : p;
        }
        NumEmbeddings = numEmbeddings;
        EmbeddingDim = embeddingDim;
        PaddingIdx = paddingIdx;
        Weight = RegisterParameter("weight", Tensor.Zeros(numEmbeddings, embeddingDim));
        ResetParameters(generator);
    }

    /// <summary>The number of rows.</summary>
    public int NumEmbeddings { get; }

    /// <summary>The size of each vector.</summary>
    public int EmbeddingDim { get; }

    /// <summary>The padding row (non-negative), or null.</summary>
    public int? PaddingIdx { get; }

    /// <summary>[numEmbeddings, embeddingDim].</summary>
    public Tensor Weight { get; }

    /// <summary>Re-draws the table from N(0, 1) and zeroes the padding row (<c>reset_parameters</c>).</summary>
    public void ResetParameters(Generator generator)
    {
        Init.Normal(Weight, generator);
        if (PaddingIdx is int p)
            Weight.AsSpan().Slice(p * EmbeddingDim, EmbeddingDim).Clear();
    }

    /// <inheritdoc/>
    // [*] → [*, D]
    public override Tensor Forward(IndexTensor input) => Functional.Embedding(input, Weight, PaddingIdx);

    /// <inheritdoc/>
    protected override string ExtraRepr() =>
        $"{NumEmbeddings}, {EmbeddingDim}" + (PaddingIdx is int p ? $", padding_idx={p}" : "");
}
