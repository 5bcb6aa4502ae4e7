namespace Lib.Tensors.NN;

/// <summary>How a loss combines its per-element values (PyTorch's <c>reduction=</c>).</summary>
public enum Reduction
{
    /// <summary>One loss per element, same shape as the input.</summary>
    None,

    /// <summary>The mean (PyTorch's default).</summary>
    Mean,

    /// <summary>The sum.</summary>
    Sum,
}
