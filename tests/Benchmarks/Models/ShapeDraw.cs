namespace Benchmarks.Models;

/// <summary>
/// The stream both sides draw the batches' shapes from (sequence lengths, seasons per window): SplitMix64 (Steele, Lea
/// and Flood, 2014), written the same way in <c>pytorch/benchlib.py</c> (<c>ShapeDraw</c>), so that the engine and
/// PyTorch time exactly the same padded lengths. The values inside the batches come from each side's own generator.
/// </summary>
internal sealed class ShapeDraw(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value of <paramref name="histogram"/> drawn with probability proportional to its count.</summary>
    public int FromHistogram(IReadOnlyList<(int Value, int Count)> histogram)
    {
        long total = histogram.Sum(h => (long)h.Count);
        long r = (long)(Next() % (ulong)total);
        foreach (var (value, count) in histogram)
            if ((r -= count) < 0) return value;
        throw new InvalidOperationException("unreachable: the draw is below the histogram's total");
    }
}
