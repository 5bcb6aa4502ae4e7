using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Lib.Tensors.Kernels;

/// <summary>
/// The AVX-512 micro-kernel: an 8 x 32 tile of C in 16 zmm accumulators (two 16-lane vectors per row), one broadcast
/// of A and two loads of B per k, fused multiply-add. A narrower last panel is 24, 16 or 8 wide (8-lane vectors cost
/// half as much as 16-lane ones, so at most 7 columns of work are wasted); edges are masked.
/// </summary>
internal readonly unsafe struct Kernel512 : IGemmKernel
{
    public static int MR => 8;
    public static int NR => 32;
    public static int NRTail => 8;

    /// <summary>Whether this machine runs the path natively.</summary>
    public static bool IsSupported => Avx512F.IsSupported && Vector512.IsHardwareAccelerated;

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
        switch (width)
        {
            case 32:
                switch (rows)
                {
                    case 8:
                        Wide<R8>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                        break;
                    case 7:
                        Wide<R7>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                        break;
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
                break;
            case 24:
                switch (rows)
                {
                    case 8:
                        W24<R8>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                        break;
                    case 7:
                        W24<R7>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                        break;
                    case 6:
                        W24<R6>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                        break;
                    case 5:
                        W24<R5>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                        break;
                    case 4:
                        W24<R4>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                        break;
                    case 3:
                        W24<R3>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                        break;
                    case 2:
                        W24<R2>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                        break;
                    default:
                        W24<R1>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                        break;
                }
                break;
            case 16:
                switch (rows)
                {
                    case 8:
                        Narrow<R8>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                        break;
                    case 7:
                        Narrow<R7>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                        break;
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
                break;
            default:
                switch (rows)
                {
                    case 8:
                        W8<R8>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                        break;
                    case 7:
                        W8<R7>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                        break;
                    case 6:
                        W8<R6>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                        break;
                    case 5:
                        W8<R5>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                        break;
                    case 4:
                        W8<R4>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                        break;
                    case 3:
                        W8<R3>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                        break;
                    case 2:
                        W8<R2>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                        break;
                    default:
                        W8<R1>(kc, a, aStep, b, c, ldc, cols, mode, alpha, beta, bias);
                        break;
                }
                break;
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
        Vector512<float> c00 = default,
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
            c51 = default,
            c60 = default,
            c61 = default,
            c70 = default,
            c71 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            var x = Vector512.Create(a[0]);
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            if (TRows.Value > 1)
            {
                x = Vector512.Create(a[1]);
                c10 = Vector512.FusedMultiplyAdd(x, b0, c10);
                c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            }
            if (TRows.Value > 2)
            {
                x = Vector512.Create(a[2]);
                c20 = Vector512.FusedMultiplyAdd(x, b0, c20);
                c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            }
            if (TRows.Value > 3)
            {
                x = Vector512.Create(a[3]);
                c30 = Vector512.FusedMultiplyAdd(x, b0, c30);
                c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            }
            if (TRows.Value > 4)
            {
                x = Vector512.Create(a[4]);
                c40 = Vector512.FusedMultiplyAdd(x, b0, c40);
                c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            }
            if (TRows.Value > 5)
            {
                x = Vector512.Create(a[5]);
                c50 = Vector512.FusedMultiplyAdd(x, b0, c50);
                c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
            }
            if (TRows.Value > 6)
            {
                x = Vector512.Create(a[6]);
                c60 = Vector512.FusedMultiplyAdd(x, b0, c60);
                c61 = Vector512.FusedMultiplyAdd(x, b1, c61);
            }
            if (TRows.Value > 7)
            {
                x = Vector512.Create(a[7]);
                c70 = Vector512.FusedMultiplyAdd(x, b0, c70);
                c71 = Vector512.FusedMultiplyAdd(x, b1, c71);
            }
            a += aStep;
            b += 32;
        }
        int rest = cols - 16;
        Store(c, c00, cols, mode, alpha, beta, bias);
        Store(c + 16, c01, rest, mode, alpha, beta, bias + 16);
        if (TRows.Value > 1)
        {
            c += ldc;
            Store(c, c10, cols, mode, alpha, beta, bias);
            Store(c + 16, c11, rest, mode, alpha, beta, bias + 16);
        }
        if (TRows.Value > 2)
        {
            c += ldc;
            Store(c, c20, cols, mode, alpha, beta, bias);
            Store(c + 16, c21, rest, mode, alpha, beta, bias + 16);
        }
        if (TRows.Value > 3)
        {
            c += ldc;
            Store(c, c30, cols, mode, alpha, beta, bias);
            Store(c + 16, c31, rest, mode, alpha, beta, bias + 16);
        }
        if (TRows.Value > 4)
        {
            c += ldc;
            Store(c, c40, cols, mode, alpha, beta, bias);
            Store(c + 16, c41, rest, mode, alpha, beta, bias + 16);
        }
        if (TRows.Value > 5)
        {
            c += ldc;
            Store(c, c50, cols, mode, alpha, beta, bias);
            Store(c + 16, c51, rest, mode, alpha, beta, bias + 16);
        }
        if (TRows.Value > 6)
        {
            c += ldc;
            Store(c, c60, cols, mode, alpha, beta, bias);
            Store(c + 16, c61, rest, mode, alpha, beta, bias + 16);
        }
        if (TRows.Value > 7)
        {
            c += ldc;
            Store(c, c70, cols, mode, alpha, beta, bias);
            Store(c + 16, c71, rest, mode, alpha, beta, bias + 16);
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
        Vector512<float> c0 = default,
            c1 = default,
            c2 = default,
            c3 = default,
            c4 = default,
            c5 = default,
            c6 = default,
            c7 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            c0 = Vector512.FusedMultiplyAdd(Vector512.Create(a[0]), b0, c0);
            if (TRows.Value > 1)
                c1 = Vector512.FusedMultiplyAdd(Vector512.Create(a[1]), b0, c1);
            if (TRows.Value > 2)
                c2 = Vector512.FusedMultiplyAdd(Vector512.Create(a[2]), b0, c2);
            if (TRows.Value > 3)
                c3 = Vector512.FusedMultiplyAdd(Vector512.Create(a[3]), b0, c3);
            if (TRows.Value > 4)
                c4 = Vector512.FusedMultiplyAdd(Vector512.Create(a[4]), b0, c4);
            if (TRows.Value > 5)
                c5 = Vector512.FusedMultiplyAdd(Vector512.Create(a[5]), b0, c5);
            if (TRows.Value > 6)
                c6 = Vector512.FusedMultiplyAdd(Vector512.Create(a[6]), b0, c6);
            if (TRows.Value > 7)
                c7 = Vector512.FusedMultiplyAdd(Vector512.Create(a[7]), b0, c7);
            a += aStep;
            b += 16;
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
        if (TRows.Value > 6)
        {
            c += ldc;
            Store(c, c6, cols, mode, alpha, beta, bias);
        }
        if (TRows.Value > 7)
        {
            c += ldc;
            Store(c, c7, cols, mode, alpha, beta, bias);
        }
    }

    /// <summary>A 24-wide panel: one 16-lane and one 8-lane vector per row (an 8-lane FMA costs half a 16-lane
    /// one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void W24<TRows>(
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
        Vector512<float> c00 = default,
            c10 = default,
            c20 = default,
            c30 = default,
            c40 = default,
            c50 = default,
            c60 = default,
            c70 = default;
        Vector256<float> c01 = default,
            c11 = default,
            c21 = default,
            c31 = default,
            c41 = default,
            c51 = default,
            c61 = default,
            c71 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector256.Load(b + 16);
            float x;
            {
                x = a[0];
                c00 = Vector512.FusedMultiplyAdd(Vector512.Create(x), b0, c00);
                c01 = Vector256.FusedMultiplyAdd(Vector256.Create(x), b1, c01);
            }
            if (TRows.Value > 1)
            {
                x = a[1];
                c10 = Vector512.FusedMultiplyAdd(Vector512.Create(x), b0, c10);
                c11 = Vector256.FusedMultiplyAdd(Vector256.Create(x), b1, c11);
            }
            if (TRows.Value > 2)
            {
                x = a[2];
                c20 = Vector512.FusedMultiplyAdd(Vector512.Create(x), b0, c20);
                c21 = Vector256.FusedMultiplyAdd(Vector256.Create(x), b1, c21);
            }
            if (TRows.Value > 3)
            {
                x = a[3];
                c30 = Vector512.FusedMultiplyAdd(Vector512.Create(x), b0, c30);
                c31 = Vector256.FusedMultiplyAdd(Vector256.Create(x), b1, c31);
            }
            if (TRows.Value > 4)
            {
                x = a[4];
                c40 = Vector512.FusedMultiplyAdd(Vector512.Create(x), b0, c40);
                c41 = Vector256.FusedMultiplyAdd(Vector256.Create(x), b1, c41);
            }
            if (TRows.Value > 5)
            {
                x = a[5];
                c50 = Vector512.FusedMultiplyAdd(Vector512.Create(x), b0, c50);
                c51 = Vector256.FusedMultiplyAdd(Vector256.Create(x), b1, c51);
            }
            if (TRows.Value > 6)
            {
                x = a[6];
                c60 = Vector512.FusedMultiplyAdd(Vector512.Create(x), b0, c60);
                c61 = Vector256.FusedMultiplyAdd(Vector256.Create(x), b1, c61);
            }
            if (TRows.Value > 7)
            {
                x = a[7];
                c70 = Vector512.FusedMultiplyAdd(Vector512.Create(x), b0, c70);
                c71 = Vector256.FusedMultiplyAdd(Vector256.Create(x), b1, c71);
            }
            a += aStep;
            b += 24;
        }
        Store(c, c00, cols, mode, alpha, beta, bias);
        Kernel256.Store(c + 16, c01, cols - 16, mode, alpha, beta, bias + 16);
        if (TRows.Value > 1)
        {
            c += ldc;
            Store(c, c10, cols, mode, alpha, beta, bias);
            Kernel256.Store(c + 16, c11, cols - 16, mode, alpha, beta, bias + 16);
        }
        if (TRows.Value > 2)
        {
            c += ldc;
            Store(c, c20, cols, mode, alpha, beta, bias);
            Kernel256.Store(c + 16, c21, cols - 16, mode, alpha, beta, bias + 16);
        }
        if (TRows.Value > 3)
        {
            c += ldc;
            Store(c, c30, cols, mode, alpha, beta, bias);
            Kernel256.Store(c + 16, c31, cols - 16, mode, alpha, beta, bias + 16);
        }
        if (TRows.Value > 4)
        {
            c += ldc;
            Store(c, c40, cols, mode, alpha, beta, bias);
            Kernel256.Store(c + 16, c41, cols - 16, mode, alpha, beta, bias + 16);
        }
        if (TRows.Value > 5)
        {
            c += ldc;
            Store(c, c50, cols, mode, alpha, beta, bias);
            Kernel256.Store(c + 16, c51, cols - 16, mode, alpha, beta, bias + 16);
        }
        if (TRows.Value > 6)
        {
            c += ldc;
            Store(c, c60, cols, mode, alpha, beta, bias);
            Kernel256.Store(c + 16, c61, cols - 16, mode, alpha, beta, bias + 16);
        }
        if (TRows.Value > 7)
        {
            c += ldc;
            Store(c, c70, cols, mode, alpha, beta, bias);
            Kernel256.Store(c + 16, c71, cols - 16, mode, alpha, beta, bias + 16);
        }
    }

    /// <summary>An 8-wide panel: one 8-lane vector per row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void W8<TRows>(
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
            c5 = default,
            c6 = default,
            c7 = default;
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
            if (TRows.Value > 6)
                c6 = Vector256.FusedMultiplyAdd(Vector256.Create(a[6]), b0, c6);
            if (TRows.Value > 7)
                c7 = Vector256.FusedMultiplyAdd(Vector256.Create(a[7]), b0, c7);
            a += aStep;
            b += 8;
        }
        Kernel256.Store(c, c0, cols, mode, alpha, beta, bias);
        if (TRows.Value > 1)
        {
            c += ldc;
            Kernel256.Store(c, c1, cols, mode, alpha, beta, bias);
        }
        if (TRows.Value > 2)
        {
            c += ldc;
            Kernel256.Store(c, c2, cols, mode, alpha, beta, bias);
        }
        if (TRows.Value > 3)
        {
            c += ldc;
            Kernel256.Store(c, c3, cols, mode, alpha, beta, bias);
        }
        if (TRows.Value > 4)
        {
            c += ldc;
            Kernel256.Store(c, c4, cols, mode, alpha, beta, bias);
        }
        if (TRows.Value > 5)
        {
            c += ldc;
            Kernel256.Store(c, c5, cols, mode, alpha, beta, bias);
        }
        if (TRows.Value > 6)
        {
            c += ldc;
            Kernel256.Store(c, c6, cols, mode, alpha, beta, bias);
        }
        if (TRows.Value > 7)
        {
            c += ldc;
            Kernel256.Store(c, c7, cols, mode, alpha, beta, bias);
        }
    }

    /// <summary>Combines alpha times the first <paramref name="lanes"/> lanes of <paramref name="v"/> (all 16 when
    /// more) into C.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(
        float* c,
        Vector512<float> v,
        int lanes,
        StoreMode mode,
        float alpha,
        float beta,
        float* bias
    )
    {
        if (lanes >= 16)
        {
            var scale = Vector512.Create(alpha);
            if (mode == StoreMode.Accumulate)
                v = Vector512.FusedMultiplyAdd(v, scale, Vector512.Load(c));
            else if (mode == StoreMode.Scale)
                v = Vector512.FusedMultiplyAdd(Vector512.Create(beta), Vector512.Load(c), v * scale);
            else if (mode == StoreMode.Bias)
                v = Vector512.FusedMultiplyAdd(v, scale, Vector512.Load(bias));
            else
                v *= scale;
            v.Store(c);
        }
        else if (lanes > 0)
        {
            var mask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(lanes)).AsSingle();
            var scale = Vector512.Create(alpha);
            // C's lanes are loaded in every mode: a masked store to a line not yet in L1 costs many times a loaded one
            // on
            // Zen 4. The loaded lanes keep the values outside the mask (they are never written back), so NaNs there
            // stay put.
            var old = Avx512F.MaskLoad(c, mask, Vector512<float>.Zero);
            if (mode == StoreMode.Accumulate)
                v = Vector512.FusedMultiplyAdd(v, scale, old);
            else if (mode == StoreMode.Scale)
                v = Vector512.FusedMultiplyAdd(Vector512.Create(beta), old, v * scale);
            else if (mode == StoreMode.Bias)
                v = Vector512.ConditionalSelect(
                    mask,
                    Vector512.FusedMultiplyAdd(v, scale, Avx512F.MaskLoad(bias, mask, Vector512<float>.Zero)),
                    old
                );
            else
                v = Vector512.ConditionalSelect(mask, v * scale, old);
            Avx512F.MaskStore(c, mask, v);
        }
    }
}
