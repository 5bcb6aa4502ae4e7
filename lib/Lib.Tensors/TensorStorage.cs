using Lib.Tensors.Autograd;

namespace Lib.Tensors;

/// <summary>
/// Where op results get their arrays: during backward from the pass's <see cref="GradientArena"/> (which
/// tracks them), inside a <see cref="DisposeScope"/> from the scope (which takes them back when it ends),
/// otherwise a spare array of consumed gradients (<see cref="SpareArrays"/>) or a new one.
/// Use <see cref="Uninitialized"/> only for a result every element of which is written.
/// </summary>
internal static class TensorStorage
{
    /// <summary>An array of <paramref name="length"/> whose contents are undefined.</summary>
    public static float[] Uninitialized(int length)
    {
        if (length >= GradientArena.MinLength && GradientArena.Active is { } arena) return arena.Rent(length);
        if (DisposeScope.Current is { } scope) return scope.Rent(length);
        return length < GradientArena.MinLength ? new float[length] : SpareArrays.Rent(length);
    }

    /// <summary>An array of <paramref name="length"/> zeros.</summary>
    public static float[] Zeroed(int length)
    {
        if (length < GradientArena.MinLength && DisposeScope.Current is null) return new float[length];
        var array = Uninitialized(length);
        Array.Clear(array);
        return array;
    }
}
