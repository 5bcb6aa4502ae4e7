namespace Lib.Tensors.Onnx;

/// <summary>
/// One dimension of a graph input or output: a fixed size, or a named symbolic size (<c>"batch"</c>) that
/// ONNX Runtime lets vary from call to call (PyTorch's <c>dynamic_axes</c>). Converts from <c>int</c> and
/// <c>string</c>, so shapes read <c>["batch", 4]</c>.
/// </summary>
public readonly record struct OnnxDim
{
    private OnnxDim(int? size, string? symbol)
    {
        Size = size;
        Symbol = symbol;
    }

    /// <summary>The fixed size, or null for a symbolic dimension.</summary>
    public int? Size { get; }

    /// <summary>The symbolic name, or null for a fixed dimension.</summary>
    public string? Symbol { get; }

    /// <summary>A fixed, non-negative size.</summary>
    public static OnnxDim Fixed(int size) =>
        size >= 0
            ? new(size, null)
            : throw new ArgumentOutOfRangeException(nameof(size), $"A dimension must be non-negative, got {size}.");

    /// <summary>A symbolic size, named by <paramref name="symbol"/> (dimensions with one name must agree).</summary>
    public static OnnxDim Dynamic(string symbol) =>
        string.IsNullOrWhiteSpace(symbol)
            ? throw new ArgumentException("A symbolic dimension needs a non-empty name.", nameof(symbol))
            : new(null, symbol);

    /// <summary>A fixed size.</summary>
    public static implicit operator OnnxDim(int size) => Fixed(size);

    /// <summary>A symbolic size.</summary>
    public static implicit operator OnnxDim(string symbol) => Dynamic(symbol);

    /// <inheritdoc/>
    public override string ToString() =>
        Symbol ?? Size!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
