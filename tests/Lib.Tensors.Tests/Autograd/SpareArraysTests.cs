using Lib.Tensors.Memory;
using System.Runtime.CompilerServices;

namespace Lib.Tensors.Tests.Autograd;

[CollectionDefinition(nameof(SpareArraysTests), DisableParallelization = true)]
public sealed class SpareArraysCollection;

/// <summary>
/// The pool of large arrays: backward returns consumed gradients at once, any other result comes back once
/// nothing refers to it, and nothing still reachable (a tensor, a view, a raw array) is ever handed out again.
/// </summary>
[Collection(nameof(SpareArraysTests))]
public class SpareArraysTests : IDisposable
{
    /// <summary>These tests are about the pooled allocator: they use it whatever LAB_TENSOR_ALLOCATOR says.</summary>
    private readonly TensorAllocator.UseScope _pooled = TensorAllocator.Use(TensorAllocator.Pooled);

    /// <inheritdoc/>
    public void Dispose() => _pooled.Dispose();

    private const int Rows = 128, Cols = 160, Length = Rows * Cols; // above SpareArrays.MinLength

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    private static void Empty()
    {
        Collect();
        SpareArrays.Trim(all: true);
        Assert.Equal(0, SpareArrays.Floats);
    }

    [Fact]
    public void Backward_puts_its_consumed_gradients_back_at_once_and_trims_drop_what_is_not_taken()
    {
        var x = GradCheck.Randn(1, Rows, Cols).RequireGrad();
        Empty();
        ((x * 2f).Tanh() * 3f).Sum().Backward();
        long kept = SpareArrays.Floats;
        Assert.True(kept >= Length, $"expected at least one {Length}-float gradient to be kept, found {kept} floats");

        var y = x.Detach() * 2f; // takes one
        Assert.Equal(kept - Length, SpareArrays.Floats);
        Assert.Equal(x.ToArray().Select(v => v * 2f), y.ToArray());
        GC.KeepAlive(y);

        SpareArrays.Trim(); // what was put back since the previous trim survives one trim, not two
        Assert.Equal(kept - Length, SpareArrays.Floats);
        SpareArrays.Trim();
        Assert.Equal(0, SpareArrays.Floats);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void DropResults(Tensor x, int count)
    {
        for (int i = 0; i < count; i++) _ = x.Tanh();
    }

    [Fact]
    public void Results_nothing_refers_to_come_back_after_a_collection()
    {
        var x = GradCheck.Randn(2, Rows, Cols);
        Empty();
        DropResults(x, 3);
        Collect();
        Assert.Equal(3L * Length, SpareArrays.Floats);
        Empty();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (Tensor View, float[] Raw, float[] Expected) KeepAViewAndARawArray(Tensor x)
    {
        var viewed = x.Tanh();
        var raw = x.Exp();
        return (viewed.Reshape(Cols, Rows), raw._data, raw.ToArray());
    }

    [Fact]
    public void Arrays_still_reachable_through_a_view_or_a_raw_reference_are_never_handed_out()
    {
        var x = GradCheck.Randn(3, Rows, Cols);
        Empty();
        var (view, raw, expected) = KeepAViewAndARawArray(x);
        var viewValues = view.ToArray();
        Collect();
        Assert.Equal(0, SpareArrays.Floats);
        // Many results of the same length afterwards, each dropped and collected in turn: none may be either array.
        for (int i = 0; i < 20; i++)
        {
            var r = x.Sigmoid();
            Assert.False(ReferenceEquals(r._data, view._data) || ReferenceEquals(r._data, raw), $"result {i} reused a reachable array");
            if (i % 5 == 4) Collect();
        }
        Assert.Equal(viewValues, view.ToArray());
        Assert.Equal(expected, raw);
        Empty();
    }
}
