using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lib.Web;

/// <summary>
/// One of <see cref="Count"/> disjoint parts of a crawl, written <c>i/n</c> with a <b>1-based</b>
/// index (<c>--shard 1/4</c> ... <c>--shard 4/4</c>). A page belongs to the shard picked by a stable
/// hash (SHA-256) of its normalised address (<see cref="UrlKey"/>), so n processes given the same
/// list split it with no overlap and nothing left out, whatever order each sees it in.
/// </summary>
public readonly record struct Shard : IParsable<Shard>
{
    /// <summary>The whole crawl: <c>1/1</c>.</summary>
    public static Shard All => new(1, 1);

    /// <summary>The 1-based index, from 1 to <see cref="Count"/>.</summary>
    public int Index { get; }

    /// <summary>How many shards the crawl is split into.</summary>
    public int Count { get; }

    /// <summary>Shard <paramref name="index"/> (1-based) of <paramref name="count"/>.</summary>
    public Shard(int index, int count)
    {
        if (count < 1)
            throw new ArgumentOutOfRangeException(
                nameof(count),
                count,
                $"A shard count must be at least 1, got {count}."
            );
        if (index < 1 || index > count)
            throw new ArgumentOutOfRangeException(
                nameof(index),
                index,
                $"A shard index is 1-based: expected 1 to {count}, got {index}."
            );
        Index = index;
        Count = count;
    }

    /// <summary>Whether <paramref name="url"/> belongs to this shard.</summary>
    public bool Contains(Uri url) => Count == 1 || Of(url, Count) == Index;

    /// <summary>The pages of <paramref name="urls"/> that belong to this shard, in their order.</summary>
    public IEnumerable<Uri> Select(IEnumerable<Uri> urls) => urls.Where(Contains);

    /// <summary>The 1-based shard of <paramref name="count"/> that <paramref name="url"/> belongs to.</summary>
    public static int Of(Uri url, int count)
    {
        if (count < 1)
            throw new ArgumentOutOfRangeException(
                nameof(count),
                count,
                $"A shard count must be at least 1, got {count}."
            );
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(UrlKey.Normalize(url)), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count) + 1;
    }

    /// <summary>Parses <c>i/n</c> (1-based, 1 ≤ i ≤ n); a bad value is an error that shows it and the expected
    /// form.</summary>
    public static Shard Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var shard, out var error) ? shard : throw new FormatException(error);

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Shard result) =>
        TryParse(s, provider, out result, out _);

    private static bool TryParse(string? s, IFormatProvider? provider, out Shard result, out string error)
    {
        result = default;
        var parts = (s ?? "").Split('/');
        if (
            parts.Length != 2
            || !int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
        )
        {
            error = $"Expected a shard as 'i/n' (such as 1/4), got '{s}'.";
            return false;
        }
        if (count < 1)
        {
            error = $"Shard '{s}': the count n must be at least 1.";
            return false;
        }
        if (index < 1 || index > count)
        {
            error = $"Shard '{s}': the index is 1-based, expected 1 to {count}.";
            return false;
        }
        result = new Shard(index, count);
        error = "";
        return true;
    }

    /// <summary><c>i/n</c>.</summary>
    public override string ToString() => $"{Index}/{Count}";
}
