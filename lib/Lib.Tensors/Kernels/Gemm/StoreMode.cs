namespace Lib.Tensors.Kernels;

/// <summary>How a micro-kernel combines its accumulated tile with C.</summary>
internal enum StoreMode
{
    /// <summary>C = tile; C is never read (beta = 0 on the first block of k).</summary>
    Overwrite,

    /// <summary>C = C + tile (beta = 1, or any later block of k).</summary>
    Accumulate,

    /// <summary>C = tile + bias, the bias a row vector added to every row (the first block of k of a product with a
    /// bias; C is not read).</summary>
    Bias,

    /// <summary>C = beta * C + tile (the first block of k with any other beta).</summary>
    Scale,
}
