namespace Lib.Tensors.Data;

/// <summary>Helpers over datasets (PyTorch's <c>torch.utils.data</c> functions).</summary>
public static class Datasets
{
    /// <summary>
    /// Splits <paramref name="dataset"/> into non-overlapping random subsets of the given
    /// <paramref name="lengths"/>, which must sum to its size (<c>random_split</c>). The permutation
    /// is drawn from <paramref name="generator"/>, so a seed fixes the split.
    /// </summary>
    public static Subset<T>[] RandomSplit<T>(IDataset<T> dataset, IReadOnlyList<int> lengths, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(lengths);
        ArgumentNullException.ThrowIfNull(generator);
        if (lengths.Any(l => l < 0))
            throw new ArgumentException(
                $"lengths [{string.Join(", ", lengths)}] must not be negative.",
                nameof(lengths)
            );
        if (lengths.Sum() != dataset.Count)
            throw new ArgumentException(
                $"lengths [{string.Join(", ", lengths)}] sum to {lengths.Sum()} but the dataset has "
                    + $"{dataset.Count} samples.",
                nameof(lengths)
            );
        var order = Permutation.Random(dataset.Count, generator);
        var result = new Subset<T>[lengths.Count];
        int start = 0;
        for (int i = 0; i < lengths.Count; i++)
        {
            result[i] = new Subset<T>(dataset, order[start..(start + lengths[i])]);
            start += lengths[i];
        }
        return result;
    }

    /// <summary>
    /// Splits by <paramref name="fractions"/> summing to 1 (<c>random_split(ds, [0.8, 0.2])</c>): each
    /// part gets floor(fraction × count) samples and the remainder goes one each to the first parts.
    /// </summary>
    public static Subset<T>[] RandomSplit<T>(IDataset<T> dataset, IReadOnlyList<double> fractions, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(fractions);
        if (
            fractions.Count == 0
            || fractions.Any(f => f < 0 || f > 1 || double.IsNaN(f))
            || Math.Abs(fractions.Sum() - 1) > 1e-6
        )
            throw new ArgumentException(
                $"fractions [{string.Join(", ", fractions)}] must each lie in [0, 1] and sum to 1.",
                nameof(fractions)
            );
        var lengths = fractions.Select(f => (int)Math.Floor(f * dataset.Count)).ToArray();
        for (int i = 0, rest = dataset.Count - lengths.Sum(); rest > 0; i = (i + 1) % lengths.Length, rest--)
            lengths[i]++;
        return RandomSplit(dataset, lengths, generator);
    }
}
