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
        int mcStep = Math.Clamp(GemmBlocking.Mc / mr * mr, mr, 512 / mr * mr);
        int kcMax = Math.Clamp(GemmBlocking.Kc, 1, GemmBlocking.MaxAFloats / mcStep);
        int bFloats = Math.Max(GemmBlocking.BFloats, kcMax * nr);
        var buffers = GemmBuffers.ForCurrentThread(bFloats);
        float* packA = buffers.A,
            packB = buffers.B;

        // Equal blocks of k: 300 is 150 + 150 rather than 256 + 44.
        int k = p.K;
        int kBlocks = (k + kcMax - 1) / kcMax;
        int kcStep = (k + kBlocks - 1) / kBlocks;

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
                            float* bPanel = packB;
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
}
