using System.Runtime.InteropServices;

namespace Lib.Tensors.Kernels;

/// <summary>
/// Moves a GEMM helper thread off the CPU its caller runs on. Some VM kernels pack runnable threads onto as few
/// vCPUs as they can (this lab's do: <c>sched_vcpu_pack</c>), so a helper woken by its caller can sit on the caller's
/// CPU for seconds while another idles, and two threads run at the speed of one. Only the pool's own threads are
/// ever moved; callers stay where they are. Linux only (elsewhere <see cref="ForCurrentThread"/> gives null).
/// </summary>
internal sealed unsafe partial class ThreadPlacement
{
    private const int MaskWords = 16; // 1024 CPUs

    private readonly ulong[] _allowed;

    private ThreadPlacement(ulong[] allowed) => _allowed = allowed;

    [LibraryImport("libc", EntryPoint = "sched_getaffinity")]
    private static partial int GetAffinity(int pid, nint size, ulong* mask);

    [LibraryImport("libc", EntryPoint = "sched_setaffinity")]
    private static partial int SetAffinity(int pid, nint size, ulong* mask);

    [LibraryImport("libc", EntryPoint = "sched_getcpu")]
    private static partial int GetCpu();

    private static bool s_getCpuWorks = OperatingSystem.IsLinux();

    /// <summary>The CPU the calling thread runs on now (<see cref="Thread.GetCurrentProcessorId"/> caches it for a
    /// while).</summary>
    public static int CurrentCpu()
    {
        if (s_getCpuWorks)
        {
            try
            {
                int cpu = GetCpu();
                if (cpu >= 0)
                    return cpu;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
            s_getCpuWorks = false;
        }
        return Thread.GetCurrentProcessorId();
    }

    /// <summary>The CPUs the calling thread may use now, to place it within later; null where affinity is
    /// unavailable.</summary>
    public static ThreadPlacement? ForCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
            return null;
        try
        {
            var allowed = new ulong[MaskWords];
            fixed (ulong* mask = allowed)
                return GetAffinity(0, MaskWords * sizeof(ulong), mask) == 0 ? new ThreadPlacement(allowed) : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Restricts the calling thread to its allowed CPUs other than <paramref name="cpu"/>; false if none is
    /// left.</summary>
    public bool Avoid(int cpu)
    {
        if (cpu < 0 || cpu >= MaskWords * 64)
            return false;
        ulong* mask = stackalloc ulong[MaskWords];
        bool any = false;
        for (int i = 0; i < MaskWords; i++)
        {
            mask[i] = _allowed[i] & (i == cpu / 64 ? ~(1UL << (cpu % 64)) : ~0UL);
            any |= mask[i] != 0;
        }
        return any && SetAffinity(0, MaskWords * sizeof(ulong), mask) == 0;
    }
}
