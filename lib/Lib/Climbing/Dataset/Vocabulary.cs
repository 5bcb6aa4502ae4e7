namespace Lib.Climbing.Dataset;

/// <summary>
/// Token ↔ id: <c>&lt;PAD&gt;</c> = 0, <c>&lt;UNK&gt;</c> = 1, <c>&lt;CLS&gt;</c> = 2, then the tokens of the training
/// routes seen at least <c>minCount</c> times, most frequent first (ties in ordinal order), so the ids
/// never depend on dictionary order. Anything else encodes as <c>&lt;UNK&gt;</c>.
/// </summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, int> _ids;

    /// <summary>A vocabulary of <paramref name="tokens"/> in id order; the first three must be PAD, UNK, CLS.</summary>
    public Vocabulary(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (
            tokens.Count < 3
            || tokens[0] != RouteTokenizer.Pad
            || tokens[1] != RouteTokenizer.Unk
            || tokens[2] != RouteTokenizer.Cls
        )
            throw new ArgumentException(
                $"A vocabulary starts with {RouteTokenizer.Pad}, {RouteTokenizer.Unk}, {RouteTokenizer.Cls}; "
                    + $"got {string.Join(", ", tokens.Take(3))}.",
                nameof(tokens)
            );
        _ids = new Dictionary<string, int>(tokens.Count, StringComparer.Ordinal);
        for (int i = 0; i < tokens.Count; i++)
            if (!_ids.TryAdd(tokens[i], i))
                throw new ArgumentException(
                    $"Token '{tokens[i]}' appears twice in the vocabulary (ids {_ids[tokens[i]]} and {i}).",
                    nameof(tokens)
                );
        Tokens = tokens;
    }

    /// <summary>The tokens by id.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>The number of tokens (the embedding table's rows).</summary>
    public int Count => Tokens.Count;

    /// <summary>The padding id (0).</summary>
    public const int PadId = 0;

    /// <summary>The unknown-token id (1).</summary>
    public const int UnkId = 1;

    /// <summary>The id of a token, <see cref="UnkId"/> when unknown.</summary>
    public int Id(string token) => _ids.TryGetValue(token, out var id) ? id : UnkId;

    /// <summary>Whether the token has its own id.</summary>
    public bool Contains(string token) => _ids.ContainsKey(token);

    /// <summary>Builds the vocabulary of token sequences (the training routes').</summary>
    public static Vocabulary Build(IEnumerable<IEnumerable<string>> sequences, int minCount = 1)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (minCount < 1)
            throw new ArgumentOutOfRangeException(nameof(minCount), $"minCount must be at least 1, got {minCount}.");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sequence in sequences)
        foreach (var token in sequence)
            counts[token] = counts.GetValueOrDefault(token) + 1;
        string[] specials = [RouteTokenizer.Pad, RouteTokenizer.Unk, RouteTokenizer.Cls];
        var rest = counts
            .Where(kv => kv.Value >= minCount && !specials.Contains(kv.Key))
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key);
        return new Vocabulary([.. specials, .. rest]);
    }
}
