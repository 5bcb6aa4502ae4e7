using System.Buffers.Binary;
using System.Globalization;

namespace Lib.Paragliding.Dataset;

/// <summary>
/// One sample's tensors as one tar record (<c>&lt;key&gt;.sample</c>, WebDataset style: a record per sample, keyed by
/// its name): the ASCII magic <c>PGS1</c>, then little-endian int32 site index and day number, the four lengths
/// (site, date, weather, labels), float32 max km, and the four float32 arrays.
/// </summary>
public static class SampleRecord
{
    /// <summary>The record's extension in a shard.</summary>
    public const string Extension = ".sample";

    private static ReadOnlySpan<byte> Magic => "PGS1"u8;

    /// <summary>The bytes of <paramref name="sample"/>.</summary>
    public static byte[] Encode(SiteDay sample)
    {
        float[][] parts = [sample.Site, sample.DateFeatures, sample.Weather, sample.Labels];
        var bytes = new byte[4 + 4 * 7 + 4 * parts.Sum(p => p.Length)];
        Magic.CopyTo(bytes);
        int at = 4;
        void Int(int v)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), v);
            at += 4;
        }
        Int(sample.SiteIndex);
        Int(sample.Date.DayNumber);
        foreach (var p in parts)
            Int(p.Length);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at), (float)sample.MaxKm);
        at += 4;
        foreach (var p in parts)
        foreach (var v in p)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at), v);
            at += 4;
        }
        return bytes;
    }

    /// <summary>The sample of record <paramref name="entry"/> (its name <c>&lt;key&gt;.sample</c>) in
    /// <paramref name="shard"/>.</summary>
    /// <exception cref="InvalidDataException">The record is not a sample record, or is truncated (shard and entry
    /// named).</exception>
    public static SiteDay Decode(ReadOnlySpan<byte> bytes, string shard, string entry)
    {
        string Where() => $"{shard}: record '{entry}'";
        if (!entry.EndsWith(Extension, StringComparison.Ordinal))
            throw new InvalidDataException($"{Where()}: expected a '{Extension}' record.");
        if (bytes.Length < 32 || !bytes[..4].SequenceEqual(Magic))
            throw new InvalidDataException($"{Where()}: not a sample record (no PGS1 header).");
        int at = 4;
        int Int(ReadOnlySpan<byte> b)
        {
            int v = BinaryPrimitives.ReadInt32LittleEndian(b[at..]);
            at += 4;
            return v;
        }
        int site = Int(bytes),
            day = Int(bytes);
        int[] lengths = [Int(bytes), Int(bytes), Int(bytes), Int(bytes)];
        float maxKm = BinaryPrimitives.ReadSingleLittleEndian(bytes[at..]);
        at += 4;
        if (lengths.Any(l => l < 0) || bytes.Length != at + 4L * lengths.Sum())
            throw new InvalidDataException(
                $"{Where()}: {bytes.Length} bytes, but its lengths [{string.Join(", ", lengths)}] need "
                    + $"{at + 4L * lengths.Sum()}."
            );
        var parts = new float[4][];
        for (int p = 0; p < 4; p++)
        {
            parts[p] = new float[lengths[p]];
            for (int i = 0; i < lengths[p]; i++, at += 4)
                parts[p][i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[at..]);
        }
        var key = entry[..^Extension.Length];
        int cut = key.LastIndexOf('_');
        var date = DateOnly.FromDayNumber(day);
        if (cut <= 0 || key[(cut + 1)..] != date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            throw new InvalidDataException(
                $"{Where()}: the key does not end with the record's date {date:yyyy-MM-dd}."
            );
        return new SiteDay(key[..cut], site, date, parts[0], parts[1], parts[2], parts[3], maxKm);
    }
}
