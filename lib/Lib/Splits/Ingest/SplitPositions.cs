using Lib.Tensors;

namespace Lib.Splits.Ingest;

/// <summary>
/// A track's split positions (recipe step 4): X0 = 0, X1..X4 = round(f_k·T) for four sorted fractions uniform in
/// [0.12, 0.92], at least 0.1 apart, each position at least 60 px from every seam position of the window's left edge
/// (x = Bj) and centre (x = Bj − 320); X5 = T.
/// </summary>
public static class SplitPositions
{
    /// <summary>The least distance between a split and a seam position, px.</summary>
    public const int SeamMargin = 60;

    /// <summary>Draws X0..X5 for <paramref name="strip"/> (redrawing until the constraints hold).</summary>
    /// <exception cref="InvalidOperationException">No draw in 100,000 satisfies them (a strip too short).</exception>
    public static int[] Draw(StripLayout strip, Generator random)
    {
        ArgumentNullException.ThrowIfNull(strip);
        ArgumentNullException.ThrowIfNull(random);
        int travel = strip.Travel;
        for (int attempt = 0; attempt < 100_000; attempt++)
        {
            var f = new double[4];
            for (int k = 0; k < 4; k++)
                f[k] = 0.12 + 0.80 * random.NextDouble();
            Array.Sort(f);
            var x = new int[6];
            x[5] = travel;
            for (int k = 0; k < 4; k++)
                x[k + 1] = (int)Math.Round(f[k] * travel, MidpointRounding.AwayFromZero);
            if (IsValid(strip, f, x))
                return x;
        }
        throw new InvalidOperationException(
            $"No split positions satisfy the recipe on a strip of length {strip.Length} px."
        );
    }

    /// <summary>Whether <paramref name="x"/> (X0..X5 from fractions <paramref name="fractions"/>) meets the
    /// recipe.</summary>
    public static bool IsValid(StripLayout strip, IReadOnlyList<double> fractions, IReadOnlyList<int> x)
    {
        for (int k = 1; k < fractions.Count; k++)
            if (fractions[k] - fractions[k - 1] < 0.1)
                return false;
        for (int k = 1; k <= 4; k++)
            foreach (var seam in strip.Seams)
                if (Math.Abs(x[k] - seam) < SeamMargin || Math.Abs(x[k] - (seam - SynthRecipe.HalfWindow)) < SeamMargin)
                    return false;
        return true;
    }
}
