using System.Formats.Tar;

namespace Lib.Paragliding.Dataset;

/// <summary>
/// Writes samples as WebDataset-style tar shards (<c>shard-000000.tar</c> …, <see cref="SampleRecord"/>s in order,
/// at most <c>perShard</c> each) into a folder, atomically: the shards are written into a temporary folder beside it,
/// which then replaces the old one, so a reader never sees half a set.
/// </summary>
public static class ShardWriter
{
    /// <summary>Writes <paramref name="samples"/> into <paramref name="folder"/>; returns the shard paths.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<SiteDay> samples, string folder, int perShard = 1000)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(perShard, 1);
        var full = Path.GetFullPath(folder);
        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        var building = Path.Combine(parent, $".{Path.GetFileName(full)}.building-{Guid.NewGuid():N}");
        Directory.CreateDirectory(building);
        var names = new List<string>();
        for (int start = 0, index = 0; start < samples.Count; start += perShard, index++)
        {
            var name = $"shard-{index:D6}.tar";
            using (var stream = File.Create(Path.Combine(building, name)))
            using (var tar = new TarWriter(stream, TarEntryFormat.Ustar, leaveOpen: false))
                foreach (var sample in samples.Skip(start).Take(perShard))
                {
                    var bytes = SampleRecord.Encode(sample);
                    var entry = new UstarTarEntry(TarEntryType.RegularFile, sample.Key + SampleRecord.Extension)
                    {
                        DataStream = new MemoryStream(bytes),
                    };
                    tar.WriteEntry(entry);
                }
            names.Add(name);
        }
        var old = full + $".old-{Guid.NewGuid():N}";
        if (Directory.Exists(full))
            Directory.Move(full, old);
        Directory.Move(building, full);
        if (Directory.Exists(old))
            Directory.Delete(old, recursive: true);
        return [.. names.Select(n => Path.Combine(full, n))];
    }
}
