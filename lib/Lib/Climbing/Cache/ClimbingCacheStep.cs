using Lib.Climbing.Ingest;
using Lib.Storage;

namespace Lib.Climbing.Cache;

/// <summary>
/// The cache step, the one orchestration <c>lab climbing ingest</c> and <c>notebooks/climbing/01-ingest.dib</c> call
/// (<see cref="Run"/>): the climbing workflow's ingest in the derived-data cache, step <c>climbing-routes</c>, whose
/// inputs
/// are the source files and whose outputs are the route table (<c>routes.json</c>, <c>routes.parquet</c>,
/// <c>holds.parquet</c>) with the account of every file (<c>files.csv</c>) and every record left out
/// (<c>rejected.csv</c>). It rebuilds only when a source (or this code's version) changed; otherwise it just reads the
/// outputs. (The tokens are cached by the dataset room, which defines them: <c>Dataset.TokenCache</c>, run by
/// <c>Dataset.ClimbingDatasetStep</c>.)
/// </summary>
public static class ClimbingCacheStep
{
    /// <summary>The cache step's name.</summary>
    public const string StepName = "climbing-routes";

    /// <summary>Bump when the ingest changes what it writes (2: rejected.csv is source, location, reason,
    /// text).</summary>
    public const string CodeVersion = "2";

    /// <summary>The declared outputs, in the order they are listed.</summary>
    public static IReadOnlyList<string> Outputs { get; } =
    ["routes.json", "routes.parquet", "holds.parquet", "files.csv", "rejected.csv"];

    /// <summary>
    /// Ingests the sources of <paramref name="dataFolder"/> (laid out like <c>data/climbing</c>) through the cache at
    /// <paramref name="cacheRoot"/> (rebuilt only when a source changed, or with <paramref name="force"/>) and reads
    /// back
    /// the route table, each file's account and the records left out.
    /// </summary>
    public static CachedRoutes Run(string dataFolder, string cacheRoot, bool force = false) =>
        CachedRoutes.Load(Routes(new DerivedCache(cacheRoot), ClimbingSources.FromFolder(dataFolder), force));

    /// <summary>The cache step for <paramref name="sources"/>: their files as inputs, <see cref="Outputs"/> as
    /// outputs.</summary>
    public static CacheStep Definition(ClimbingSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return new CacheStep(StepName)
        {
            CodeVersion = CodeVersion,
            Inputs = [.. sources.All],
            Outputs = [.. Outputs],
        };
    }

    /// <summary>The ingest step in <paramref name="cache"/>: <see cref="Outputs"/>, rebuilt when the sources (or this
    /// code's version) changed.</summary>
    public static CacheResult Routes(DerivedCache cache, ClimbingSources sources, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return cache.Run(
            Definition(sources),
            build =>
            {
                var result = ClimbingIngest.Run(sources);
                var table = RouteTable.From(result);
                table.Save(build.PathOf("routes.json"));
                table.WriteParquet(build.PathOf("routes.parquet"), build.PathOf("holds.parquet"));
                RouteTable.WriteAccount(result.Files, build.PathOf("files.csv"));
                RouteTable.WriteRejected(result.Rejected, build.PathOf("rejected.csv"));
                build.SetRows("routes.json", result.Routes.Count);
                build.SetRows("routes.parquet", result.Routes.Count);
                build.SetRows("holds.parquet", result.Routes.Sum(r => r.Holds.Count));
                build.SetRows("files.csv", result.Files.Count);
                build.SetRows("rejected.csv", result.Rejected.Count);
            },
            force
        );
    }
}
