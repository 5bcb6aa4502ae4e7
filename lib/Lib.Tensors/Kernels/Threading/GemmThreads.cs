using System.Diagnostics;

namespace Lib.Tensors.Kernels;

/// <summary>
/// A small fork-join pool for the products: <c>ProcessorCount - 1</c> dedicated helper threads that spin briefly
/// after each job (so back-to-back products hand over in well under a microsecond) and then sleep.
/// </summary>
/// <remarks>
/// Parts are claimed from a shared counter by whoever is free, the calling thread included, so a helper that is
/// asleep or descheduled when a job arrives delays nothing: the caller runs the parts nobody claimed. One job at a
/// time: a caller that finds the pool busy (another thread's product) runs all its parts alone. A helper that finds
/// itself on its caller's CPU moves elsewhere (<see cref="ThreadPlacement"/>). A job's state lives
/// on the caller's stack; helpers touch it only between entering (<c>s_inside</c>) and leaving, and the caller closes
/// the job and waits for every helper inside to leave before it returns.
/// </remarks>
internal static unsafe class GemmThreads
{
    private sealed class Worker
    {
        public readonly ManualResetEventSlim Wake = new(false, spinCount: 1);
        public int Pending;
        public int Sleeping;
    }

    /// <summary>How long an idle helper spins before it sleeps.</summary>
    private static readonly long SpinTicks = Stopwatch.Frequency / 20_000; // 50 µs

    private static readonly object StartLock = new();
    private static Worker[]? s_workers;
    private static int s_busy;

    // The open job.
    private static int s_open;
    private static int s_inside;
    private static delegate* <void*, int, void> s_body;
    private static void* s_state;
    private static int s_parts;
    private static int s_next;
    private static int s_callerCpu;
    private static int s_done;
    private static Exception? s_error;

    /// <summary>Threads a job can use: the caller and its helpers.</summary>
    public static int MaxParallelism { get; } = Math.Clamp(Environment.ProcessorCount, 1, 16);

    /// <summary>
    /// Runs <c>body(state, i)</c> for i in [0, parts), on the calling thread and up to <paramref name="helpers"/>
    /// helper threads when the pool is free. Returns when every part is done.
    /// </summary>
    public static void Run(int parts, int helpers, delegate* <void*, int, void> body, void* state)
    {
        helpers = Math.Min(helpers, Math.Min(parts - 1, MaxParallelism - 1));
        if (helpers <= 0 || Interlocked.CompareExchange(ref s_busy, 1, 0) != 0)
        {
            for (int i = 0; i < parts; i++)
                body(state, i);
            return;
        }
        try
        {
            var workers = s_workers ?? Start();
            s_body = body;
            s_state = state;
            s_parts = parts;
            s_next = 0;
            s_done = 0;
            s_error = null;
            s_callerCpu = ThreadPlacement.CurrentCpu();
            Volatile.Write(ref s_open, 1);
            for (int i = 0; i < helpers; i++)
            {
                var w = workers[i];
                Interlocked.Exchange(ref w.Pending, 1); // a full fence before reading Sleeping (pairs with Sleep)
                if (Volatile.Read(ref w.Sleeping) == 1)
                    w.Wake.Set();
            }
            Claim();
            var spin = new SpinWait();
            while (Volatile.Read(ref s_done) != parts)
                spin.SpinOnce(sleep1Threshold: -1);
            Interlocked.Exchange(ref s_open, 0); // a full fence before reading s_inside (pairs with Help)
            while (Volatile.Read(ref s_inside) != 0)
                spin.SpinOnce(sleep1Threshold: -1);
            if (s_error is { } error)
                throw new AggregateException("A GEMM part failed.", error);
        }
        finally
        {
            s_body = null;
            s_state = null;
            Volatile.Write(ref s_busy, 0);
        }
    }

    /// <summary>Runs unclaimed parts of the open job until none is left.</summary>
    private static void Claim()
    {
        int part;
        while ((part = Interlocked.Increment(ref s_next) - 1) < s_parts)
        {
            try
            {
                s_body(s_state, part);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref s_error, e, null);
            }
            Interlocked.Increment(ref s_done);
        }
    }

    private static Worker[] Start()
    {
        lock (StartLock)
        {
            if (s_workers is { } existing)
                return existing;
            var workers = new Worker[MaxParallelism - 1];
            for (int i = 0; i < workers.Length; i++)
            {
                var w = workers[i] = new Worker();
                new Thread(() => Loop(w)) { IsBackground = true, Name = $"Gemm worker {i + 1}" }.Start();
            }
            return s_workers = workers;
        }
    }

    private static void Loop(Worker w)
    {
        var placement = ThreadPlacement.ForCurrentThread();
        while (true)
        {
            long deadline = Stopwatch.GetTimestamp() + SpinTicks;
            while (Volatile.Read(ref w.Pending) == 0)
            {
                if (Stopwatch.GetTimestamp() > deadline)
                {
                    Sleep(w);
                    deadline = Stopwatch.GetTimestamp() + SpinTicks;
                }
                else
                    Thread.SpinWait(20);
            }
            Volatile.Write(ref w.Pending, 0);
            // Sharing the caller's CPU would halve both: move (the next job finds this one elsewhere).
            if (placement is not null && ThreadPlacement.CurrentCpu() == Volatile.Read(ref s_callerCpu))
                placement.Avoid(s_callerCpu);
            Help();
        }
    }

    /// <summary>Enters the open job, if there is one, and claims parts of it.</summary>
    private static void Help()
    {
        Interlocked.Increment(ref s_inside); // a full fence before reading s_open (pairs with Run)
        if (Volatile.Read(ref s_open) == 1)
            Claim();
        Interlocked.Decrement(ref s_inside);
    }

    private static void Sleep(Worker w)
    {
        w.Wake.Reset();
        Interlocked.Exchange(ref w.Sleeping, 1); // a full fence before reading Pending (pairs with Run)
        if (Volatile.Read(ref w.Pending) == 0)
            w.Wake.Wait();
        Volatile.Write(ref w.Sleeping, 0);
    }
}
