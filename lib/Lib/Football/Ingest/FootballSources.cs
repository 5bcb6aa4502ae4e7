namespace Lib.Football.Ingest;

/// <summary>
/// The source files of a football data folder laid out like <c>data/football</c>: slim tracking CSVs at the top
/// (<c>*.csv.gz</c>, <c>tracking*.csv</c>), <c>plays.csv</c>, raw NGS files under <c>raw/</c> (<c>*.tsv</c>,
/// <c>*.tsv.gz</c>, not the highlights index) and Big Data Bowl coordinates anywhere below (<c>bdb_coords*.csv</c>,
/// with <c>bdb_plays.csv</c> and <c>bdb_players.csv</c> beside them). Paths are sorted, so the order (and which copy of
/// a play read twice wins) does not depend on the file system.
/// </summary>
public sealed record FootballSources(
    IReadOnlyList<string> Slim,
    string? Plays,
    IReadOnlyList<string> Raw,
    IReadOnlyList<string> Bdb
)
{
    /// <summary>Every file the ingest reads (BDB's plays and players files included): the cache step's
    /// inputs.</summary>
    public IReadOnlyList<string> All =>
        [
            .. Slim,
            .. Plays is null ? Array.Empty<string>() : [Plays],
            .. Raw,
            .. Bdb.SelectMany(c => new[] { c, Beside(c, "bdb_plays.csv"), Beside(c, "bdb_players.csv") })
                .Where(File.Exists),
        ];

    /// <summary>The sources of <paramref name="folder"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    public static FootballSources FromFolder(string folder)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"The football data folder '{folder}' does not exist.");
        static List<string> Sorted(IEnumerable<string> paths) => [.. paths.Order(StringComparer.Ordinal)];
        var top = Directory.GetFiles(folder);
        var slim = Sorted(
            top.Where(p =>
                p.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase)
                || (
                    Path.GetFileName(p).StartsWith("tracking", StringComparison.OrdinalIgnoreCase)
                    && p.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                )
            )
        );
        var plays = Path.Combine(folder, "plays.csv");
        var rawFolder = Path.Combine(folder, "raw");
        var raw = Directory.Exists(rawFolder)
            ? Sorted(
                Directory
                    .GetFiles(rawFolder)
                    .Where(p =>
                        (
                            p.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase)
                            || p.EndsWith(".tsv.gz", StringComparison.OrdinalIgnoreCase)
                        ) && !Path.GetFileName(p).StartsWith("nfl_ngs_highlights_index", StringComparison.Ordinal)
                    )
            )
            : [];
        var bdb = Sorted(Directory.GetFiles(folder, "bdb_coords*.csv", SearchOption.AllDirectories));
        return new FootballSources(slim, File.Exists(plays) ? plays : null, raw, bdb);
    }

    private static string Beside(string path, string name) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, name);
}
