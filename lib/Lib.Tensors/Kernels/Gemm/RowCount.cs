namespace Lib.Tensors.Kernels;

/// <summary>
/// A row count known when the JIT specialises a generic micro-kernel over a struct type argument, so tiles with fewer
/// rows than the full micro-tile get their own straight-line code (no per-row branches in the inner loop).
/// </summary>
internal interface IRowCount
{
    static abstract int Value { get; }
}

internal readonly struct R1 : IRowCount
{
    public static int Value => 1;
}

internal readonly struct R2 : IRowCount
{
    public static int Value => 2;
}

internal readonly struct R3 : IRowCount
{
    public static int Value => 3;
}

internal readonly struct R4 : IRowCount
{
    public static int Value => 4;
}

internal readonly struct R5 : IRowCount
{
    public static int Value => 5;
}

internal readonly struct R6 : IRowCount
{
    public static int Value => 6;
}

internal readonly struct R7 : IRowCount
{
    public static int Value => 7;
}

internal readonly struct R8 : IRowCount
{
    public static int Value => 8;
}
