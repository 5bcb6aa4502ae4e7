namespace Lib.Tensors.NN;

// API declared ahead of its implementation (being written in parallel); each member moves to its
// own file (Functional.Normalization.cs, Functional.Losses.cs, ...) with tests, and this file disappears.
public static partial class Functional
{
    private static NotImplementedException Pending() => new("Not implemented yet.");

    /// <summary>Rows of <paramref name="weight"/> picked by <paramref name="input"/>; the padding row gets no gradient.</summary>
    public static Tensor Embedding(IndexTensor input, Tensor weight, int? paddingIdx = null) => throw Pending();
}
