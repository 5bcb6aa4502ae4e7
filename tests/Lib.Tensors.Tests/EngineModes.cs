using Lib.Tensors.Memory;
using Lib.Tensors.NN;

namespace Lib.Tensors.Tests;

/// <summary>
/// The ways the engine can compute the same thing: the default (pooled allocator, fused ops), the plain allocator
/// (new arrays, no reuse during backward) and the composed references of the fused ops. Finite-difference and golden
/// checks run in every mode, so each must give the same results.
/// </summary>
public static class EngineModes
{
    /// <summary>The mode names, in the order <see cref="Enter"/> takes them.</summary>
    public static readonly string[] All = ["pooled, fused", "plain allocator", "composed ops"];

    /// <summary>Makes <paramref name="mode"/> this thread's until disposed.</summary>
    public static IDisposable Enter(string mode) => mode switch
    {
        "pooled, fused" => new Restore(() => { }),
        "plain allocator" => Wrap(TensorAllocator.Use(TensorAllocator.Plain)),
        "composed ops" => Wrap(FusedOps.Disable()),
        _ => throw new ArgumentException($"Unknown engine mode \"{mode}\".", nameof(mode)),
    };

    private static Restore Wrap<T>(T scope) where T : IDisposable => new(scope.Dispose);

    private sealed class Restore(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
