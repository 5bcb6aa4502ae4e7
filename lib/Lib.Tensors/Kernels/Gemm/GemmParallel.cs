namespace Lib.Tensors.Kernels;

/// <summary>
/// Splits a product across <see cref="GemmThreads"/>: whole matrices of a batch when they divide evenly (or are many),
/// otherwise bands of rows or of columns (whichever dimension has more micro-tiles) of every matrix.
/// </summary>
internal static unsafe class GemmParallel<TKernel>
    where TKernel : struct, IGemmKernel
{
    private struct Job
    {
        public GemmProblem Problem;
        public int Parts;
        public bool SplitBatch,
            SplitRows;
        public int Units;
    }

    public static void Run(in GemmProblem p, int maxThreads)
    {
        long work = (long)p.Batch * p.M * p.N * p.K;
        int threads = Math.Min(maxThreads, GemmThreads.MaxParallelism);
        if (threads < 2 || work < GemmBlocking.ParallelMinWork)
        {
            GemmDriver<TKernel>.Run(in p, 0, p.Batch, 0, p.M, 0, p.N);
            return;
        }
        var job = new Job { Problem = p };
        int rowTiles = (p.M + TKernel.MR - 1) / TKernel.MR,
            colTiles = (p.N + TKernel.NR - 1) / TKernel.NR;
        if (p.Batch >= threads && (p.Batch % threads == 0 || p.Batch >= 4 * threads))
        {
            job.SplitBatch = true;
            job.Units = p.Batch;
        }
        else
        {
            job.SplitRows = rowTiles >= colTiles;
            job.Units = job.SplitRows ? rowTiles : colTiles;
        }
        job.Parts = Math.Min(threads, job.Units);
        if (job.Parts < 2)
        {
            GemmDriver<TKernel>.Run(in p, 0, p.Batch, 0, p.M, 0, p.N);
            return;
        }
        GemmThreads.Run(job.Parts, threads - 1, &RunPart, &job);
    }

    private static void RunPart(void* state, int part)
    {
        ref Job job = ref *(Job*)state;
        ref GemmProblem p = ref job.Problem;
        int start = (int)((long)job.Units * part / job.Parts),
            end = (int)((long)job.Units * (part + 1) / job.Parts);
        if (job.SplitBatch)
            GemmDriver<TKernel>.Run(in p, start, end, 0, p.M, 0, p.N);
        else if (job.SplitRows)
            GemmDriver<TKernel>.Run(in p, 0, p.Batch, start * TKernel.MR, Math.Min(p.M, end * TKernel.MR), 0, p.N);
        else
            GemmDriver<TKernel>.Run(in p, 0, p.Batch, 0, p.M, start * TKernel.NR, Math.Min(p.N, end * TKernel.NR));
    }
}
