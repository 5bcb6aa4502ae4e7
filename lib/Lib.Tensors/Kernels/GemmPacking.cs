using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Lib.Tensors.Kernels;

/// <summary>
/// Copies blocks of op(A) and op(B) into the contiguous layouts the micro-kernels read (see <see cref="IGemmKernel"/>).
/// </summary>
internal static unsafe class GemmPacking
{
    private static Vector256<float> One => Vector256.Create(1f);

    /// <summary>
    /// Packs rows [row0, row0 + rows) x k [k0, k0 + kc) of op(A), times <paramref name="alpha"/>, as <paramref name="mr"/>
    /// floats per k. Rows past <paramref name="rows"/> are left as they are: the kernels never read them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackA(float* a, nint lda, bool transA, int row0, int rows, int k0, int kc, float alpha, int mr, float* dst)
    {
        if (transA)
        {
            // Stored [k, m]: each k's rows are contiguous.
            float* src = a + (nint)k0 * lda + row0;
            if (rows == 8 && Vector256.IsHardwareAccelerated)
            {
                var s = Vector256.Create(alpha);
                for (int p = 0; p < kc; p++, src += lda, dst += mr) (Vector256.Load(src) * s).Store(dst);
            }
            else
            {
                for (int p = 0; p < kc; p++, src += lda, dst += mr)
                    for (int i = 0; i < rows; i++) dst[i] = alpha * src[i];
            }
        }
        else
        {
            // Stored [m, k]: a transpose of rows x kc, 8 x 8 blocks at a time where the panel is 8 high.
            float* src = a + (nint)row0 * lda + k0;
            int p0 = 0;
            if (rows == 8 && mr == 8 && Transpose8x8.IsSupported)
            {
                var s = Vector256.Create(alpha);
                for (; p0 + 8 <= kc; p0 += 8) Transpose8x8.Run(src + p0, lda, dst + p0 * 8, 8, s);
            }
            if (p0 < kc)
                for (int i = 0; i < rows; i++)
                {
                    float* d = dst + p0 * mr + i;
                    float* r = src + i * lda;
                    for (int p = p0; p < kc; p++, d += mr) *d = alpha * r[p];
                }
        }
    }

    /// <summary>
    /// Packs k [k0, k0 + kc) x columns [col0, col0 + nc) of op(B) as consecutive panels: <paramref name="nr"/> columns
    /// wide, the last rounded up to <paramref name="nrTail"/> and zero-padded; each panel holds its width floats per k.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackB(float* b, nint ldb, bool transB, int k0, int kc, int col0, int nc, int nr, int nrTail, float* dst)
    {
        for (int j0 = 0; j0 < nc; j0 += nr)
        {
            int cols = Math.Min(nr, nc - j0);
            int width = cols == nr ? nr : (cols + nrTail - 1) / nrTail * nrTail;
            if (transB)
            {
                // Stored [n, k]: a transpose of cols x kc, 8 x 8 blocks at a time.
                float* src = b + (nint)(col0 + j0) * ldb + k0;
                int blocked = 0, p8 = Transpose8x8.IsSupported ? kc & ~7 : 0;
                if (p8 > 0)
                    for (; blocked + 8 <= cols; blocked += 8)
                        for (int p = 0; p < p8; p += 8)
                            Transpose8x8.Run(src + blocked * ldb + p, ldb, dst + p * width + blocked, width, One);
                for (int j = 0; j < cols; j++)
                {
                    // Columns the blocks left out in full; the last kc % 8 of k for the others.
                    float* r = src + j * ldb;
                    for (int p = j >= blocked ? 0 : p8; p < kc; p++) dst[p * width + j] = r[p];
                }
                if (cols < width)
                    for (int p = 0; p < kc; p++)
                        for (int j = cols; j < width; j++) dst[p * width + j] = 0f;
            }
            else
            {
                // Stored [k, n]: each k's columns are contiguous.
                float* src = b + (nint)k0 * ldb + col0 + j0;
                float* d = dst;
                for (int p = 0; p < kc; p++, src += ldb, d += width) CopyRow(src, d, cols, width);
            }
            dst += (nint)width * kc;
        }
    }

    /// <summary>Copies <paramref name="count"/> floats and zero-fills the rest up to <paramref name="width"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyRow(float* src, float* dst, int count, int width)
    {
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; j + 8 <= count; j += 8) Vector256.Load(src + j).Store(dst + j);
        for (; j < count; j++) dst[j] = src[j];
        for (; j < width; j++) dst[j] = 0f;
    }
}
