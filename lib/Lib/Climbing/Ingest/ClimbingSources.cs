namespace Lib.Climbing.Ingest;

/// <summary>
/// The source files of one ingest. <see cref="FromFolder"/> finds them in a folder laid out like
/// <c>data/climbing</c>: <c>kilter/*difficulty_grades.csv</c> (required), <c>moonboard/*.json</c> (MoonBoard
/// API problems), <c>kilter/*holes.csv</c> and <c>*placements.csv</c> with one climbs page
/// (<c>kilter/*.json</c> without "stats" in its name) and at most one stats page (with "stats"),
/// <c>tension/*hold_catalog.csv</c> and any Tension route files <c>tension/*.json</c>.
/// </summary>
public sealed record ClimbingSources
{
    /// <summary>Kilter's grade table, the common scale.</summary>
    public required string GradeTable { get; init; }

    /// <summary>MoonBoard problem files.</summary>
    public IReadOnlyList<string> MoonBoardFiles { get; init; } = [];

    /// <summary>Kilter's holes table, or null for no Kilter boards.</summary>
    public string? KilterHoles { get; init; }

    /// <summary>Kilter's placements table.</summary>
    public string? KilterPlacements { get; init; }

    /// <summary>A Kilter <c>/sync</c> climbs page.</summary>
    public string? KilterClimbs { get; init; }

    /// <summary>A Kilter <c>/sync</c> climb-stats page.</summary>
    public string? KilterStats { get; init; }

    /// <summary>The Tension Board 2 hold catalog.</summary>
    public string? TensionCatalog { get; init; }

    /// <summary>Tension Board 2 route files.</summary>
    public IReadOnlyList<string> TensionRouteFiles { get; init; } = [];

    /// <summary>Every file, for the derived-data cache to hash.</summary>
    public IReadOnlyList<string> All =>
        [
            GradeTable,
            .. MoonBoardFiles,
            .. new[] { KilterHoles, KilterPlacements, KilterClimbs, KilterStats, TensionCatalog }.OfType<string>(),
            .. TensionRouteFiles,
        ];

    /// <summary>Finds the sources in <paramref name="folder"/> (see the type's summary).</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">No grade table, or Kilter pages without the tables.</exception>
    /// <exception cref="InvalidDataException">More than one climbs or stats page.</exception>
    public static ClimbingSources FromFolder(string folder)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException(
                $"The climbing data folder '{root}' does not exist (expected moonboard/, kilter/, tension/ inside)."
            );
        string[] Files(string sub, string pattern) =>
            Directory.Exists(Path.Combine(root, sub))
                ? [.. Directory.GetFiles(Path.Combine(root, sub), pattern).Order(StringComparer.Ordinal)]
                : [];
        string? One(string sub, string pattern, string what)
        {
            var found = Files(sub, pattern);
            return found.Length switch
            {
                0 => null,
                1 => found[0],
                _ => throw new InvalidDataException(
                    $"{Path.Combine(root, sub)}: {found.Length} files match {pattern} ({what}); expected one: "
                        + $"{string.Join(", ", found.Select(Path.GetFileName))}."
                ),
            };
        }

        var grades = One("kilter", "*difficulty_grades.csv", "the grade table")
            ?? throw new FileNotFoundException(
                $"No grade table in {Path.Combine(root, "kilter")} (a file named *difficulty_grades.csv: "
                    + "difficulty,boulder_name,route_name,is_listed)."
            );
        var pages = Files("kilter", "*.json");
        var stats = pages
            .Where(p => Path.GetFileName(p).Contains("stats", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var climbs = pages.Except(stats).ToList();
        if (climbs.Count > 1)
            throw new InvalidDataException(
                $"{Path.Combine(root, "kilter")}: {climbs.Count} climbs pages "
                    + $"({string.Join(", ", climbs.Select(Path.GetFileName))}); expected at most one."
            );
        if (stats.Count > 1)
            throw new InvalidDataException(
                $"{Path.Combine(root, "kilter")}: {stats.Count} stats pages "
                    + $"({string.Join(", ", stats.Select(Path.GetFileName))}); expected at most one."
            );
        var sources = new ClimbingSources
        {
            GradeTable = grades,
            MoonBoardFiles = Files("moonboard", "*.json"),
            KilterHoles = One("kilter", "*holes.csv", "the holes table"),
            KilterPlacements = One("kilter", "*placements.csv", "the placements table"),
            KilterClimbs = climbs.FirstOrDefault(),
            KilterStats = stats.FirstOrDefault(),
            TensionCatalog = One("tension", "*hold_catalog.csv", "the hold catalog"),
            TensionRouteFiles = Files("tension", "*.json"),
        };
        if (sources.KilterClimbs is not null && (sources.KilterHoles is null || sources.KilterPlacements is null))
            throw new FileNotFoundException(
                $"{Path.Combine(root, "kilter")}: a climbs page needs the holes and placements tables "
                    + "(*holes.csv, *placements.csv) to place its holds."
            );
        if (sources.TensionRouteFiles.Count > 0 && sources.TensionCatalog is null)
            throw new FileNotFoundException(
                $"{Path.Combine(root, "tension")}: Tension routes need the hold catalog (*hold_catalog.csv)."
            );
        return sources;
    }
}
