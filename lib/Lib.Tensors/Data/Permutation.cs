namespace Lib.Tensors.Data;

/// <summary>Random permutations and per-epoch seeds (shared by splits and loaders).</summary>
internal static class Permutation
{
    /// <summary>A uniformly random permutation of 0..n-1 (Fisher–Yates) drawn from
    /// <paramref name="generator"/>.</summary>
    public static int[] Random(int n, Generator generator)
    {
        var order = new int[n];
        for (int i = 0; i < n; i++)
            order[i] = i;
        for (int i = n - 1; i > 0; i--)
        {
            int j = (int)(generator.NextDouble() * (i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>A 53-bit seed drawn from <paramref name="generator"/>.</summary>
    public static long DrawSeed(Generator generator) => (long)(generator.NextDouble() * (1L << 53));

    /// <summary>The seed of epoch <paramref name="epoch"/> of a stream seeded <paramref name="seed"/> (SplitMix64 of
    /// both).</summary>
    public static long EpochSeed(long seed, int epoch)
    {
        ulong z = unchecked((ulong)seed + 0x9E3779B97F4A7C15UL * (ulong)(epoch + 1));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return unchecked((long)(z ^ (z >> 31)));
    }
}
