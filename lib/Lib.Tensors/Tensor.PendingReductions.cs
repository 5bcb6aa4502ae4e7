namespace Lib.Tensors;

// API declared ahead of its implementation (being written in parallel); each member moves to its
// own file with its gradient rule and tests, and this file disappears.
public sealed partial class Tensor
{
    private static NotImplementedException Pending() => new("Not implemented yet.");

    /// <summary>The maximum over <paramref name="dim"/> and where it is (first occurrence); the gradient flows to that position.</summary>
    public (Tensor Values, IndexTensor Indices) Max(int dim, bool keepDim = false) => throw Pending();
    /// <summary>The minimum over <paramref name="dim"/> and where it is (first occurrence).</summary>
    public (Tensor Values, IndexTensor Indices) Min(int dim, bool keepDim = false) => throw Pending();
    /// <summary>The maximum of all elements (gradient split evenly among ties, as PyTorch does).</summary>
    public Tensor Max() => throw Pending();
    /// <summary>The minimum of all elements.</summary>
    public Tensor Min() => throw Pending();
    /// <summary>Where the maximum over <paramref name="dim"/> is.</summary>
    public IndexTensor ArgMax(int dim, bool keepDim = false) => throw Pending();
    /// <summary>The variance over <paramref name="dims"/> (Bessel-corrected when <paramref name="unbiased"/>).</summary>
    public Tensor Var(int[] dims, bool unbiased = true, bool keepDim = false) => throw Pending();
    /// <summary>The variance over one dimension.</summary>
    public Tensor Var(int dim, bool unbiased = true, bool keepDim = false) => throw Pending();
    /// <summary>The standard deviation over <paramref name="dims"/>.</summary>
    public Tensor Std(int[] dims, bool unbiased = true, bool keepDim = false) => throw Pending();
    /// <summary>The standard deviation over one dimension.</summary>
    public Tensor Std(int dim, bool unbiased = true, bool keepDim = false) => throw Pending();
    /// <summary>log Σ exp over <paramref name="dim"/>, computed stably.</summary>
    public Tensor LogSumExp(int dim, bool keepDim = false) => throw Pending();
    /// <summary>Softmax over <paramref name="dim"/>, computed stably.</summary>
    public Tensor Softmax(int dim) => throw Pending();
    /// <summary>Log-softmax over <paramref name="dim"/>, computed stably.</summary>
    public Tensor LogSoftmax(int dim) => throw Pending();
}
