using Lib.Tensors.Autograd;

namespace Lib.Tensors;

/// <summary>
/// Where op results get their arrays: from the running backward pass's <see cref="GradientArena"/> (which
/// reuses the arrays of consumed gradients) or else from the GC. Use <see cref="Uninitialized"/> only for a
/// result every element of which is written.
/// </summary>
internal static class TensorStorage
{
    /// <summary>An array of <paramref name="length"/> whose contents are undefined.</summary>
    public static float[] Uninitialized(int length)
    {
        if (length < GradientArena.MinLength) return new float[length];
        return GradientArena.Active?.Rent(length) ?? GC.AllocateUninitializedArray<float>(length);
    }

    /// <summary>An array of <paramref name="length"/> zeros.</summary>
    public static float[] Zeroed(int length)
    {
        if (length < GradientArena.MinLength || GradientArena.Active is not { } arena) return new float[length];
        var array = arena.Rent(length);
        Array.Clear(array);
        return array;
    }
}
