using System.Diagnostics;

namespace Lib.Tensors.Kernels;

/// <summary>
/// A small fork-join pool for the products: <c>ProcessorCount - 1</c> dedicated helper threads that spin briefly
/// after each job (so back-to-back products hand over in well under a microsecond) and then sleep. The calling thread
/// runs part 0 itself. One job at a time: a caller that finds the pool busy (another thread's product) runs all its
/// parts alone, so concurrent callers never wait on each other.
/// </summary>
internal static unsafe class GemmThreads
{
    private sealed class Worker
    {
        public readonly ManualResetEventSlim Wake = new(false, spinCount: 1);
        public int Part;
        public int Pending;
        public int Sleeping;
    }

    /// <summary>How long an idle helper spins before it sleeps.</summary>
    private static readonly long SpinTicks = Stopwatch.Frequency / 20_000; // 50 µs

    private static readonly object StartLock = new();
    private static Worker[]? s_workers;
    private static int s_busy;
    private static delegate*<void*, int, void> s_body;
    private static void* s_state;
    private static int s_remaining;
    private static Exception? s_error;

    /// <summary>Threads a job can use: the caller and its helpers.</summary>
    public static int MaxParallelism { get; } = Math.Clamp(Environment.ProcessorCount, 1, 16);

    /// <summary>Runs <c>body(state, i)</c> for i in [0, parts), in parallel when the pool is free.</summary>
    public static void Run(int parts, delegate*<void*, int, void> body, void* state)
    {
        if (parts <= 1 || parts > MaxParallelism || Interlocked.CompareExchange(ref s_busy, 1, 0) != 0)
        {
            for (int i = 0; i < parts; i++) body(state, i);
            return;
        }
        try
        {
            var workers = s_workers ?? Start();
            s_body = body;
            s_state = state;
            s_error = null;
            s_remaining = parts - 1;
            for (int i = 0; i < parts - 1; i++)
            {
                var w = workers[i];
                w.Part = i + 1;
                Interlocked.Exchange(ref w.Pending, 1); // a full fence before reading Sleeping (pairs with Sleep)
                if (Volatile.Read(ref w.Sleeping) == 1) w.Wake.Set();
            }
            body(state, 0);
            var spin = new SpinWait();
            while (Volatile.Read(ref s_remaining) != 0) spin.SpinOnce(sleep1Threshold: -1);
            if (s_error is { } error) throw new AggregateException("A GEMM worker thread failed.", error);
        }
        finally
        {
            s_body = null;
            s_state = null;
            Volatile.Write(ref s_busy, 0);
        }
    }

    private static Worker[] Start()
    {
        lock (StartLock)
        {
            if (s_workers is { } existing) return existing;
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
                else Thread.SpinWait(20);
            }
            try
            {
                s_body(s_state, w.Part);
            }
            catch (Exception e)
            {
                s_error = e;
            }
            Volatile.Write(ref w.Pending, 0);
            Interlocked.Decrement(ref s_remaining);
        }
    }

    private static void Sleep(Worker w)
    {
        w.Wake.Reset();
        Interlocked.Exchange(ref w.Sleeping, 1); // a full fence before reading Pending (pairs with Run)
        if (Volatile.Read(ref w.Pending) == 0) w.Wake.Wait();
        Volatile.Write(ref w.Sleeping, 0);
    }
}
