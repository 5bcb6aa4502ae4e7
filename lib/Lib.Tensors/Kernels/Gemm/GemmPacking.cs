using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Lib.Tensors.Kernels;

/// <summary>
/// Copies blocks of op(A) and op(B) into the contiguous layouts the micro-kernels read (see <see cref="IGemmKernel"/>).
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>
    /// Packs rows [row0, row0 + rows) x k [k0, k0 + kc) of op(A) as consecutive micro-panels of <paramref name="mr"/>
    /// rows (<c>mr · kc</c> floats each, <paramref name="mr"/> floats per k). Rows of the last panel past
    /// <paramref name="rows"/> are left as they are: the kernels never read them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackA(float* a, nint lda, bool transA, int row0, int rows, int k0, int kc, int mr, float* dst)
    {
        nint panel = (nint)mr * kc;
        if (transA)
        {
            // Stored [k, m]: each k's rows are contiguous; read along them, a block of panels at a time.
            float* src = a + (nint)k0 * lda + row0;
            int full = rows / mr * mr;
            for (int p = 0; p < kc; p++, src += lda)
            {
                float* d = dst + p * mr;
                int i = 0;
                if (mr == 8 && Vector256.IsHardwareAccelerated)
                    for (; i < full; i += 8, d += panel)
                        Vector256.Load(src + i).Store(d);
                for (; i < rows; i += mr, d += panel)
                for (int r = 0; r < Math.Min(mr, rows - i); r++)
                    d[r] = src[i + r];
            }
        }
        else
        {
            // Stored [m, k]: each panel is a transpose of its rows x kc, 8 x 8 blocks at a time where it is 8 high.
            for (int i = 0; i < rows; i += mr, dst += panel)
            {
                float* src = a + (nint)(row0 + i) * lda + k0;
                int height = Math.Min(mr, rows - i),
                    p0 = 0;
                if (height == 8 && mr == 8 && Transpose8x8.IsSupported)
                    for (; p0 + 8 <= kc; p0 += 8)
                        Transpose8x8.Run(src + p0, lda, dst + p0 * 8, 8);
                if (p0 < kc)
                    for (int r = 0; r < height; r++)
                    {
                        float* d = dst + p0 * mr + r;
                        float* row = src + r * lda;
                        for (int p = p0; p < kc; p++, d += mr)
                            *d = row[p];
                    }
            }
        }
    }

    /// <summary>
    /// Packs k [k0, k0 + kc) x columns [col0, col0 + nc) of op(B) as consecutive panels: <paramref name="nr"/> columns
    /// wide, the last rounded up to <paramref name="nrTail"/> and zero-padded; each panel holds its width floats per k.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackB(
        float* b,
        nint ldb,
        bool transB,
        int k0,
        int kc,
        int col0,
        int nc,
        int nr,
        int nrTail,
        float* dst
    )
    {
        for (int j0 = 0; j0 < nc; j0 += nr)
        {
            int cols = Math.Min(nr, nc - j0);
            int width = cols == nr ? nr : (cols + nrTail - 1) / nrTail * nrTail;
            if (transB)
            {
                // Stored [n, k]: a transpose of cols x kc, 8 x 8 blocks at a time.
                float* src = b + (nint)(col0 + j0) * ldb + k0;
                int blocked = 0,
                    p8 = Transpose8x8.IsSupported ? kc & ~7 : 0;
                if (p8 > 0)
                    for (; blocked + 8 <= cols; blocked += 8)
                    for (int p = 0; p < p8; p += 8)
                        Transpose8x8.Run(src + blocked * ldb + p, ldb, dst + p * width + blocked, width);
                for (int j = 0; j < cols; j++)
                {
                    // Columns the blocks left out in full; the last kc % 8 of k for the others.
                    float* r = src + j * ldb;
                    for (int p = j >= blocked ? 0 : p8; p < kc; p++)
                        dst[p * width + j] = r[p];
                }
                if (cols < width)
                    for (int p = 0; p < kc; p++)
                    for (int j = cols; j < width; j++)
                        dst[p * width + j] = 0f;
            }
            else
            {
                // Stored [k, n]: each k's columns are contiguous.
                float* src = b + (nint)k0 * ldb + col0 + j0;
                float* d = dst;
                for (int p = 0; p < kc; p++, src += ldb, d += width)
                    CopyRow(src, d, cols, width);
            }
            dst += (nint)width * kc;
        }
    }

    /// <summary>Copies <paramref name="count"/> floats and zero-fills the rest up to
    /// <paramref name="width"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyRow(float* src, float* dst, int count, int width)
    {
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; j + 8 <= count; j += 8)
                Vector256.Load(src + j).Store(dst + j);
        for (; j < count; j++)
            dst[j] = src[j];
        for (; j < width; j++)
            dst[j] = 0f;
    }
}
