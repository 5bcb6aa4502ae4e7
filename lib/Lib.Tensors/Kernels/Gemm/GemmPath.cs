namespace Lib.Tensors.Kernels;

/// <summary>The instruction set a <see cref="Gemm"/> micro-kernel is written for.</summary>
public enum GemmPath
{
    /// <summary>Plain scalar code: runs everywhere; the fallback.</summary>
    Scalar,

    /// <summary>256-bit vectors with fused multiply-add (AVX2 + FMA): a 6 x 16 micro-kernel.</summary>
    Vector256,

    /// <summary>512-bit vectors with fused multiply-add (AVX-512F): an 8 x 32 micro-kernel.</summary>
    Vector512,
}
