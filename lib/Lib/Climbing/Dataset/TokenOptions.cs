using System.Globalization;

namespace Lib.Climbing.Dataset;

/// <summary>How routes become token sequences: the split and the vocabulary's minimum count.</summary>
public sealed record TokenOptions
{
    /// <summary>The train/val/test split.</summary>
    public RouteSplit Split { get; init; } = new();

    /// <summary>Tokens seen fewer times than this in training become <c>&lt;UNK&gt;</c>.</summary>
    public int MinCount { get; init; } = 2;

    /// <summary>The cache parameters that identify these options.</summary>
    public IDictionary<string, string> Parameters() =>
        new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["train"] = Split.Train.ToString("R", CultureInfo.InvariantCulture),
            ["val"] = Split.Val.ToString("R", CultureInfo.InvariantCulture),
            ["salt"] = Split.Salt,
            ["min_count"] = MinCount.ToString(CultureInfo.InvariantCulture),
        };
}
