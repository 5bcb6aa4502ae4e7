namespace Lib.Tensors.Kernels;

/// <summary>
/// The blocked product on one thread, for one instruction-set path. Loops, outermost first: blocks of k (Kc deep),
/// blocks of columns (packed B, Kc x Nc, kept in L2), micro-panels of rows (packed A, MR x Kc, kept in L1), and
/// micro-panels of columns (NR wide, streamed from L2), each pair a call of the micro-kernel.
/// </summary>
internal static unsafe class GemmDriver<TKernel> where TKernel : struct, IGemmKernel
{
    /// <summary>Computes rows [row0, row1) x columns [col0, col1) of C for matrices [batch0, batch1) of the batch.</summary>
    public static void Run(in GemmProblem p, int batch0, int batch1, int row0, int row1, int col0, int col1)
    {
        int mr = TKernel.MR, nr = TKernel.NR, nrTail = TKernel.NRTail;
        int kcMax = Math.Clamp(GemmBlocking.Kc, 1, GemmBlocking.MaxAFloats / mr);
        int bFloats = Math.Max(GemmBlocking.BFloats, kcMax * nr);
        var buffers = GemmBuffers.ForCurrentThread(bFloats);
        float* packA = buffers.A, packB = buffers.B;

        // Equal blocks of k: 300 is 150 + 150 rather than 256 + 44.
        int k = p.K;
        int kBlocks = (k + kcMax - 1) / kcMax;
        int kcStep = (k + kBlocks - 1) / kBlocks;

        for (int batch = batch0; batch < batch1; batch++)
        {
            float* a = p.A + batch * p.StrideA, b = p.B + batch * p.StrideB, c = p.C + batch * p.StrideC;
            for (int pc = 0; pc < k; pc += kcStep)
            {
                int kc = Math.Min(kcStep, k - pc);
                int ncMax = Math.Max(nr, bFloats / kc / nr * nr);
                StoreMode mode = pc == 0 ? p.FirstMode : StoreMode.Accumulate;
                for (int jc = col0; jc < col1; jc += ncMax)
                {
                    int nc = Math.Min(ncMax, col1 - jc);
                    GemmPacking.PackB(b, p.Ldb, p.TransB, pc, kc, jc, nc, nr, nrTail, packB);
                    for (int ir = row0; ir < row1; ir += mr)
                    {
                        int rows = Math.Min(mr, row1 - ir);
                        GemmPacking.PackA(a, p.Lda, p.TransA, ir, rows, pc, kc, p.Alpha, mr, packA);
                        float* cRow = c + ir * p.Ldc + jc;
                        float* bPanel = packB;
                        for (int jr = 0; jr < nc; jr += nr)
                        {
                            int cols = Math.Min(nr, nc - jr);
                            int width = cols == nr ? nr : (cols + nrTail - 1) / nrTail * nrTail;
                            TKernel.Tile(kc, packA, bPanel, width, cRow + jr, p.Ldc, rows, cols, mode, p.Beta);
                            bPanel += width * kc;
                        }
                    }
                }
            }
        }
    }
}
