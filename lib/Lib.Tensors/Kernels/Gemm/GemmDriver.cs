namespace Lib.Tensors.Kernels;

/// <summary>
/// The blocked product on one thread, for one instruction-set path. Loops, outermost first: blocks of k (Kc deep),
/// blocks of columns (packed B, Kc x Nc, kept in L2), blocks of rows (packed A, Mc x Kc), micro-panels of rows
/// (MR x Kc, kept in L1 while used), and micro-panels of columns (NR wide, streamed from L2), each pair a call of
/// the micro-kernel.
/// </summary>
internal static unsafe class GemmDriver<TKernel>
    where TKernel : struct, IGemmKernel
{
    /// <summary>Computes rows [row0, row1) x columns [col0, col1) of C for matrices [batch0, batch1) of the
    /// batch.</summary>
    public static void Run(in GemmProblem p, int batch0, int batch1, int row0, int row1, int col0, int col1)
    {
        int mr = TKernel.MR,
            nr = TKernel.NR,
            nrTail = TKernel.NRTail;
        int mcStep = McStep;
        int kcMax = KcMax;
        int bFloats = Math.Max(GemmBlocking.BFloats, kcMax * nr);
        var buffers = GemmBuffers.ForCurrentThread(bFloats);
        float* packA = buffers.A,
            packB = buffers.B;

        int k = p.K;
        int kcStep = KcStep(k);

        for (int batch = batch0; batch < batch1; batch++)
        {
            float* a = p.A + batch * p.StrideA,
                b = p.B + batch * p.StrideB,
                c = p.C + batch * p.StrideC;
            for (int pc = 0; pc < k; pc += kcStep)
            {
                int kc = Math.Min(kcStep, k - pc);
                int ncMax = Math.Max(nr, bFloats / kc / nr * nr);
                StoreMode mode = pc == 0 ? p.FirstMode : StoreMode.Accumulate;
                for (int jc = col0; jc < col1; jc += ncMax)
                {
                    int nc = Math.Min(ncMax, col1 - jc);
                    // A prepacked B holds every column's panel for each block of k, in the order packed here.
                    float* blockB = p.PackedB != null ? p.PackedB + (nint)pc * p.PackedWidth + (nint)jc * kc : packB;
                    if (p.PackedB == null)
                        GemmPacking.PackB(b, p.Ldb, p.TransB, pc, kc, jc, nc, nr, nrTail, packB);
                    // A transposed (stored [k, m]) already has each k's rows contiguous: with few B panels to
                    // reuse a packed copy, the kernel reads it in place, lda apart.
                    bool inPlace = p.TransA && nc <= GemmBlocking.InPlaceAColumns;
                    nint aStep = inPlace ? p.Lda : mr;
                    for (int ic = row0; ic < row1; ic += mcStep)
                    {
                        int mc = Math.Min(mcStep, row1 - ic);
                        if (!inPlace)
                            GemmPacking.PackA(a, p.Lda, p.TransA, ic, mc, pc, kc, mr, packA);
                        for (int ir = 0; ir < mc; ir += mr)
                        {
                            int rows = Math.Min(mr, mc - ir);
                            float* aPanel = inPlace ? a + pc * p.Lda + ic + ir : packA + ir * kc;
                            float* cRow = c + (ic + ir) * p.Ldc + jc;
                            float* bPanel = blockB;
                            for (int jr = 0; jr < nc; jr += nr)
                            {
                                int cols = Math.Min(nr, nc - jr);
                                int width = cols == nr ? nr : (cols + nrTail - 1) / nrTail * nrTail;
                                TKernel.Tile(
                                    kc,
                                    aPanel,
                                    aStep,
                                    bPanel,
                                    width,
                                    cRow + jr,
                                    p.Ldc,
                                    rows,
                                    cols,
                                    mode,
                                    p.Alpha,
                                    p.Beta,
                                    p.Bias + jc + jr
                                );
                                bPanel += width * kc;
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Rows in a packed block of A.</summary>
    private static int McStep =>
        Math.Clamp(GemmBlocking.Mc / TKernel.MR * TKernel.MR, TKernel.MR, 512 / TKernel.MR * TKernel.MR);

    /// <summary>The deepest block of k whose packed A block fits its buffer.</summary>
    private static int KcMax => Math.Clamp(GemmBlocking.Kc, 1, GemmBlocking.MaxAFloats / McStep);

    /// <summary>The depth of the blocks of k for a product of depth <paramref name="k"/>: equal blocks, so 300 is
    /// 150 + 150 rather than 256 + 44.</summary>
    public static int KcStep(int k)
    {
        int kBlocks = (k + KcMax - 1) / KcMax;
        return Math.Max(1, (k + kBlocks - 1) / kBlocks);
    }

    /// <summary>The floats of one k of a prepacked B of <paramref name="n"/> columns: full panels of NR, the last
    /// rounded up to NRTail.</summary>
    public static int PackedWidth(int n) =>
        n / TKernel.NR * TKernel.NR + (n % TKernel.NR + TKernel.NRTail - 1) / TKernel.NRTail * TKernel.NRTail;

    /// <summary>Packs all of op(B) [k, n] for <see cref="Run"/> with <see cref="GemmProblem.PackedB"/>: for each block
    /// of k (<see cref="KcStep"/>), every column's panel, <paramref name="width"/> (<see cref="PackedWidth"/>) floats
    /// per k.</summary>
    public static void PackAll(float* b, nint ldb, bool transB, int k, int n, int width, float* dst)
    {
        int kcStep = KcStep(k);
        for (int pc = 0; pc < k; pc += kcStep)
        {
            int kc = Math.Min(kcStep, k - pc);
            GemmPacking.PackB(b, ldb, transB, pc, kc, 0, n, TKernel.NR, TKernel.NRTail, dst + (nint)pc * width);
        }
    }
}
