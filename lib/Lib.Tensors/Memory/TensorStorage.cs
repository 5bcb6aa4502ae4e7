using Lib.Tensors.Memory;

namespace Lib.Tensors;

/// <summary>
/// Where ops and backward rules get their arrays: from the thread's <see cref="ITensorAllocator"/>
/// (<see cref="TensorAllocator.Current"/>). Use <see cref="Uninitialized"/> only for a result every element of which is
/// written.
/// </summary>
internal static class TensorStorage
{
    /// <summary>An array of <paramref name="length"/> whose contents are undefined.</summary>
    public static float[] Uninitialized(int length) => TensorAllocator.Current.Rent(length);

    /// <summary>An array of <paramref name="length"/> zeros.</summary>
    public static float[] Zeroed(int length) => TensorAllocator.Current.RentZeroed(length);

    /// <summary>A copy of <paramref name="indices"/> a backward rule keeps.</summary>
    public static int[] SaveIndices(int[] indices) => TensorAllocator.Current.SaveIndices(indices);

    /// <summary>Ties a new tensor to the region that owns its storage, if any.</summary>
    public static void Track(Tensor tensor, float[] data) => TensorAllocator.Current.Track(tensor, data);

    /// <summary>The region whose end frees what an op recorded now may hold (null: nothing does).</summary>
    public static IStorageRegion? CurrentRegion => TensorAllocator.Current.CurrentRegion;

    /// <summary>The storage of a backward pass, until disposed.</summary>
    public static IGradientStorage BeginBackward() => TensorAllocator.Current.BeginBackward();
}
