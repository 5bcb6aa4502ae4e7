namespace Lib.Splits.Ingest;

/// <summary>
/// A track's strip (recipe step 2–3): the widths of its five photos placed left to right, the seams
/// <c>B_j</c> (B0 = 0, Bj = B(j−1) + width of photo j, L = B5) and the travel T = L − 640 of the window's left edge.
/// </summary>
public sealed record StripLayout
{
    /// <summary>A strip of photos <paramref name="widths"/> wide (each at least 640 px).</summary>
    public StripLayout(IReadOnlyList<int> widths)
    {
        ArgumentNullException.ThrowIfNull(widths);
        if (widths.Count < 2)
            throw new ArgumentException($"A strip needs at least two photos (got {widths.Count}).");
        for (int j = 0; j < widths.Count; j++)
            if (widths[j] < SynthRecipe.MinPhotoWidth)
                throw new ArgumentException(
                    $"Photo {j + 1} of the strip is {widths[j]} px wide (expected at least "
                        + $"{SynthRecipe.MinPhotoWidth})."
                );
        Widths = [.. widths];
        var b = new int[widths.Count + 1];
        for (int j = 1; j <= widths.Count; j++)
            b[j] = b[j - 1] + widths[j - 1];
        Boundaries = b;
    }

    /// <summary>The photos' widths, px.</summary>
    public IReadOnlyList<int> Widths { get; }

    /// <summary>B0 … Bn: where each photo starts (and the strip's length last).</summary>
    public IReadOnlyList<int> Boundaries { get; }

    /// <summary>The seams B1 … B(n−1) between photos.</summary>
    public IEnumerable<int> Seams => Boundaries.Skip(1).Take(Widths.Count - 1);

    /// <summary>The strip's length L, px.</summary>
    public int Length => Boundaries[^1];

    /// <summary>The travel T = L − 640: x runs from 0 to T.</summary>
    public int Travel => Length - SynthRecipe.Window;
}
