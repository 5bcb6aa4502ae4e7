using System.Runtime.ExceptionServices;
using Lib.Tensors.Kernels;

namespace Lib.Tensors.Tests.Kernels;

public class ThreadPlacementTests
{
    /// <summary>Runs <paramref name="body"/> on a thread of its own (a test must not pin a thread-pool thread).</summary>
    private static void OnOwnThread(Action body)
    {
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try { body(); }
            catch (Exception e) { failure = ExceptionDispatchInfo.Capture(e); }
        });
        thread.Start();
        thread.Join();
        failure?.Throw();
    }

    [Fact]
    public void A_thread_that_avoids_its_cpu_moves_to_another()
    {
        if (!OperatingSystem.IsLinux() || Environment.ProcessorCount < 2) return; // nowhere to move to
        OnOwnThread(() =>
        {
            var placement = ThreadPlacement.ForCurrentThread();
            Assert.NotNull(placement);
            int before = ThreadPlacement.CurrentCpu();
            Assert.True(placement.Avoid(before));
            Assert.NotEqual(before, ThreadPlacement.CurrentCpu());
        });
    }

    [Fact]
    public void Impossible_placements_are_refused()
    {
        if (!OperatingSystem.IsLinux()) return;
        OnOwnThread(() =>
        {
            var placement = ThreadPlacement.ForCurrentThread()!;
            Assert.False(placement.Avoid(-1));
            Assert.False(placement.Avoid(1 << 20));
            if (Environment.ProcessorCount == 1) Assert.False(placement.Avoid(ThreadPlacement.CurrentCpu()));
        });
    }
}
