using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Lib.Tensors.Kernels;

/// <summary>
/// The AVX2 + FMA micro-kernel: a 6 x 16 tile of C in 12 ymm accumulators (two 8-lane vectors per row), which with
/// the two B vectors and one broadcast fits the 16 registers AVX2 has. Narrow last panels use a 6 x 8 variant.
/// </summary>
internal readonly unsafe struct Kernel256 : IGemmKernel
{
    public static int MR => 6;
    public static int NR => 16;
    public static int NRTail => 8;

    /// <summary>Whether this machine runs the path natively.</summary>
    public static bool IsSupported => Avx2.IsSupported && Fma.IsSupported && Vector256.IsHardwareAccelerated;

    public static void Tile(
        int kc,
        float* a,
        nint aStep,
        float* b,
        int width,
        float* c,
        nint ldc,
        int rows,
        int cols,
        StoreMode mode,
        float alpha,
        float beta,
        float* bias
    )
    {
        if (width == 16)
        {
            switch (rows)
            {
                case 6:
                    Wide<R6>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                    break;
                case 5:
                    Wide<R5>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                    break;
                case 4:
                    Wide<R4>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                    break;
                case 3:
                    Wide<R3>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                    break;
                case 2:
                    Wide<R2>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                    break;
                default:
                    Wide<R1>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                    break;
            }
        }
        else
        {
            switch (rows)
            {
                case 6:
                    Narrow<R6>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                    break;
                case 5:
                    Narrow<R5>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                    break;
                case 4:
                    Narrow<R4>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                    break;
                case 3:
                    Narrow<R3>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                    break;
                case 2:
                    Narrow<R2>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                    break;
                default:
                    Narrow<R1>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                    break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Wide<TRows>(
        int kc,
        float* a,
        nint aStep,
        float* b,
        float* c,
        nint ldc,
        int cols,
        StoreMode mode,
        float alpha,
        float beta,
        float* bias
    )
        where TRows : struct, IRowCount
    {
        Vector256<float> c00 = default,
            c01 = default,
            c10 = default,
            c11 = default,
            c20 = default,
            c21 = default,
            c30 = default,
            c31 = default,
            c40 = default,
            c41 = default,
            c50 = default,
            c51 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            var x = Vector256.Create(a[0]);
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            if (TRows.Value > 1)
            {
                x = Vector256.Create(a[1]);
                c10 = Vector256.FusedMultiplyAdd(x, b0, c10);
                c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            }
            if (TRows.Value > 2)
            {
                x = Vector256.Create(a[2]);
                c20 = Vector256.FusedMultiplyAdd(x, b0, c20);
                c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            }
            if (TRows.Value > 3)
            {
                x = Vector256.Create(a[3]);
                c30 = Vector256.FusedMultiplyAdd(x, b0, c30);
                c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
            }
            if (TRows.Value > 4)
            {
                x = Vector256.Create(a[4]);
                c40 = Vector256.FusedMultiplyAdd(x, b0, c40);
                c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
            }
            if (TRows.Value > 5)
            {
                x = Vector256.Create(a[5]);
                c50 = Vector256.FusedMultiplyAdd(x, b0, c50);
                c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
            }
            a += aStep;
            b += 16;
        }
        int rest = cols - 8;
        Store(c, c00, cols, mode, alpha, beta, bias);
        Store(c + 8, c01, rest, mode, alpha, beta, bias + 8);
        if (TRows.Value > 1)
        {
            c += ldc;
            Store(c, c10, cols, mode, alpha, beta, bias);
            Store(c + 8, c11, rest, mode, alpha, beta, bias + 8);
        }
        if (TRows.Value > 2)
        {
            c += ldc;
            Store(c, c20, cols, mode, alpha, beta, bias);
            Store(c + 8, c21, rest, mode, alpha, beta, bias + 8);
        }
        if (TRows.Value > 3)
        {
            c += ldc;
            Store(c, c30, cols, mode, alpha, beta, bias);
            Store(c + 8, c31, rest, mode, alpha, beta, bias + 8);
        }
        if (TRows.Value > 4)
        {
            c += ldc;
            Store(c, c40, cols, mode, alpha, beta, bias);
            Store(c + 8, c41, rest, mode, alpha, beta, bias + 8);
        }
        if (TRows.Value > 5)
        {
            c += ldc;
            Store(c, c50, cols, mode, alpha, beta, bias);
            Store(c + 8, c51, rest, mode, alpha, beta, bias + 8);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Narrow<TRows>(
        int kc,
        float* a,
        nint aStep,
        float* b,
        float* c,
        nint ldc,
        int cols,
        StoreMode mode,
        float alpha,
        float beta,
        float* bias
    )
        where TRows : struct, IRowCount
    {
        Vector256<float> c0 = default,
            c1 = default,
            c2 = default,
            c3 = default,
            c4 = default,
            c5 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            c0 = Vector256.FusedMultiplyAdd(Vector256.Create(a[0]), b0, c0);
            if (TRows.Value > 1)
                c1 = Vector256.FusedMultiplyAdd(Vector256.Create(a[1]), b0, c1);
            if (TRows.Value > 2)
                c2 = Vector256.FusedMultiplyAdd(Vector256.Create(a[2]), b0, c2);
            if (TRows.Value > 3)
                c3 = Vector256.FusedMultiplyAdd(Vector256.Create(a[3]), b0, c3);
            if (TRows.Value > 4)
                c4 = Vector256.FusedMultiplyAdd(Vector256.Create(a[4]), b0, c4);
            if (TRows.Value > 5)
                c5 = Vector256.FusedMultiplyAdd(Vector256.Create(a[5]), b0, c5);
            a += aStep;
            b += 8;
        }
        Store(c, c0, cols, mode, alpha, beta, bias);
        if (TRows.Value > 1)
        {
            c += ldc;
            Store(c, c1, cols, mode, alpha, beta, bias);
        }
        if (TRows.Value > 2)
        {
            c += ldc;
            Store(c, c2, cols, mode, alpha, beta, bias);
        }
        if (TRows.Value > 3)
        {
            c += ldc;
            Store(c, c3, cols, mode, alpha, beta, bias);
        }
        if (TRows.Value > 4)
        {
            c += ldc;
            Store(c, c4, cols, mode, alpha, beta, bias);
        }
        if (TRows.Value > 5)
        {
            c += ldc;
            Store(c, c5, cols, mode, alpha, beta, bias);
        }
    }

    /// <summary>Combines alpha times the first <paramref name="lanes"/> lanes of <paramref name="v"/> (all 8 when more)
    /// into C
    /// (also the AVX-512 kernel's 8-lane store).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Store(
        float* c,
        Vector256<float> v,
        int lanes,
        StoreMode mode,
        float alpha,
        float beta,
        float* bias
    )
    {
        if (lanes >= 8)
        {
            var scale = Vector256.Create(alpha);
            if (mode == StoreMode.Accumulate)
                v = Vector256.FusedMultiplyAdd(v, scale, Vector256.Load(c));
            else if (mode == StoreMode.Scale)
                v = Vector256.FusedMultiplyAdd(Vector256.Create(beta), Vector256.Load(c), v * scale);
            else if (mode == StoreMode.Bias)
                v = Vector256.FusedMultiplyAdd(v, scale, Vector256.Load(bias));
            else
                v *= scale;
            v.Store(c);
        }
        else if (lanes > 0)
        {
            var mask = Vector256.LessThan(Vector256<int>.Indices, Vector256.Create(lanes)).AsSingle();
            var scale = Vector256.Create(alpha);
            // C's lanes are loaded in every mode (see Kernel512.Store); the masked store writes only the masked lanes.
            var old = Avx.MaskLoad(c, mask);
            if (mode == StoreMode.Accumulate)
                v = Vector256.FusedMultiplyAdd(v, scale, old);
            else if (mode == StoreMode.Scale)
                v = Vector256.FusedMultiplyAdd(Vector256.Create(beta), old, v * scale);
            else if (mode == StoreMode.Bias)
                v = Vector256.ConditionalSelect(
                    mask,
                    Vector256.FusedMultiplyAdd(v, scale, Avx.MaskLoad(bias, mask)),
                    old
                );
            else
                v = Vector256.ConditionalSelect(mask, v * scale, old);
            Avx.MaskStore(c, mask, v);
        }
    }
}
