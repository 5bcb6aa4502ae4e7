namespace Lib.Tensors.Kernels;

/// <summary>
/// Cache-blocking and threading parameters, measured with <c>tests/Benchmarks -- gemm</c> on a 2-core AMD EPYC (Zen 4:
/// 32 KiB L1d and 1 MiB L2 per core). Fields, not constants, so a benchmark can sweep them.
/// </summary>
internal static class GemmBlocking
{
    /// <summary>Depth of a block of k: one packed A micro-panel (MR x Kc) stays in L1 while B panels stream past
    /// it.</summary>
    public static int Kc = 256;

    /// <summary>Floats in the packed B block (Kc x Nc), sized to stay in L2: Nc = BlockFloats / kc.</summary>
    public static int BFloats = 128 * 1024;

    /// <summary>Multiply-adds (batch·m·n·k) below which a product runs on the calling thread alone.</summary>
    public static long ParallelMinWork = 64L * 64 * 64;

    /// <summary>Rows in a packed block of A (rounded down to a multiple of MR): packed together, so a transposed A is
    /// read along its rows.</summary>
    public static int Mc = 64;

    /// <summary>Widest block of columns for which a transposed A is read in place rather than packed.</summary>
    public static int InPlaceAColumns = 96;

    /// <summary>The packed A buffer's size in floats; Kc is capped so that Mc x Kc fits.</summary>
    public const int MaxAFloats = 32 * 1024;
}
