namespace Lib.Splits.Domain;

/// <summary>
/// The points of an annotated run, in order: index 0 is the start, the last is the finish and those between are the
/// intermediate splits (the seed's six: start, splits 1–4, finish).
/// </summary>
public static class SplitPoints
{
    /// <summary>The seed's number of points per run: start, four splits, finish.</summary>
    public const int DefaultCount = 6;

    /// <summary>
    /// <c>start</c>, <c>split 1</c> … <c>split n</c>, <c>finish</c> for point <paramref name="index"/>.
    /// </summary>
    public static string Name(int index, int count = DefaultCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        return index == 0 ? "start"
            : index == count - 1 ? "finish"
            : $"split {index}";
    }
}
