using System.Text.Json;
using Lib.Football.Domain;
using Lib.Football.Ingest;
using Lib.Storage;
using Lib.Tensors.IO;

namespace Lib.Football.Cache;

/// <summary>
/// The cache step, the one orchestration <c>lab football ingest</c> and <c>notebooks/football/01-ingest.dib</c> call
/// (<see cref="Run"/>): the football ingest in the derived-data cache, step <c>football-tracking</c>, whose inputs are
/// the source files and whose parameters are the seasons and weeks read and whether the rows were validated. It
/// writes the cleaned table (<c>tracking.parquet</c>: <see cref="TrackingCleaner"/>), the plays
/// (<c>plays.json</c>), each file's account (<c>files.csv</c>), every row left out (<c>rejected.csv</c>, the kit's
/// source, location, reason, text) and the validation report (<c>validation.csv</c>, one issue per row). It rebuilds
/// only when a source, a parameter or this code's version changed.
/// </summary>
public static class FootballCacheStep
{
    /// <summary>The cache step's name.</summary>
    public const string StepName = "football-tracking";

    /// <summary>Bump when the step changes what it writes.</summary>
    public const string CodeVersion = "1";

    /// <summary>The declared outputs.</summary>
    public static IReadOnlyList<string> Outputs { get; } =
    ["tracking.parquet", "plays.json", "files.csv", "rejected.csv", "validation.csv"];

    /// <summary>
    /// Ingests the sources of <paramref name="dataFolder"/> (laid out like <c>data/football</c>) through the cache at
    /// <paramref name="cacheRoot"/> and reads back the plays, the accounts, the rows left out and the validation
    /// report.
    /// </summary>
    /// <param name="dataFolder">The football data folder.</param>
    /// <param name="cacheRoot">The derived-data cache.</param>
    /// <param name="selection">The seasons and weeks to read (default all).</param>
    /// <param name="validate">Run the validator's row checks (false: <c>--no-validation</c>; what reading left out is
    /// still reported).</param>
    /// <param name="force">Rebuild even when nothing changed.</param>
    public static CachedTracking Run(
        string dataFolder,
        string cacheRoot,
        TrackingSelection? selection = null,
        bool validate = true,
        bool force = false
    ) =>
        CachedTracking.Load(
            Tracking(new DerivedCache(cacheRoot), FootballSources.FromFolder(dataFolder), selection, validate, force)
        );

    /// <summary>The step's declaration for <paramref name="sources"/>.</summary>
    public static CacheStep Definition(FootballSources sources, TrackingSelection? selection, bool validate)
    {
        ArgumentNullException.ThrowIfNull(sources);
        selection ??= TrackingSelection.All;
        return new CacheStep(StepName)
        {
            CodeVersion = CodeVersion,
            Inputs = [.. sources.All],
            Parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["selection"] = selection.ToString(),
                ["validate"] = validate ? "true" : "false",
            },
            Outputs = [.. Outputs],
        };
    }

    /// <summary>The step in <paramref name="cache"/>: read, validate, clean and write.</summary>
    public static CacheResult Tracking(
        DerivedCache cache,
        FootballSources sources,
        TrackingSelection? selection = null,
        bool validate = true,
        bool force = false
    )
    {
        ArgumentNullException.ThrowIfNull(cache);
        return cache.Run(
            Definition(sources, selection, validate),
            build =>
            {
                var table = FootballIngest.Run(sources, selection);
                var report = validate ? TrackingValidator.Validate(table) : TrackingValidator.Skip(table);
                var clean = TrackingCleaner.Clean(table.Rows);
                RecordTable.Write(clean, build.PathOf("tracking.parquet"));
                var plays = table.PlaysInOrder.ToList();
                AtomicFile.WriteAllText(
                    build.PathOf("plays.json"),
                    JsonSerializer.Serialize(plays, FootballJson.Options)
                );
                RecordTable.Write(table.Files, build.PathOf("files.csv"));
                RecordTable.Write(table.LeftOut.Select(i => i.ToRejected()), build.PathOf("rejected.csv"));
                report.WriteCsv(build.PathOf("validation.csv"));
                build.SetRows("tracking.parquet", clean.Count);
                build.SetRows("plays.json", plays.Count);
                build.SetRows("files.csv", table.Files.Count);
                build.SetRows("rejected.csv", table.LeftOut.Count);
                build.SetRows("validation.csv", report.Issues.Count);
            },
            force
        );
    }
}
