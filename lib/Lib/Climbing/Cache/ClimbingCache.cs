using Lib.Climbing.Ingest;
using Lib.Storage;

namespace Lib.Climbing.Cache;

/// <summary>
/// The workflow's ingest in the derived-data cache: step <c>climbing-routes</c>, whose inputs are the source files and
/// whose outputs are the route table (<c>routes.json</c>, <c>routes.parquet</c>, <c>holds.parquet</c>) with the account
/// of every file (<c>files.csv</c>) and every record left out (<c>rejected.csv</c>). It rebuilds only when a source
/// changed. (The tokens are cached by the dataset room, which defines them: <c>Dataset.TokenCache</c>.)
/// </summary>
public sealed class ClimbingCache(DerivedCache cache)
{
    /// <summary>Bump when the ingest changes what it writes (2: rejected.csv is source, location, reason, text).</summary>
    public const string RoutesVersion = "2";

    /// <summary>The outputs of the routes step, in the order they are listed.</summary>
    public static IReadOnlyList<string> RouteFiles { get; } = ["routes.json", "routes.parquet", "holds.parquet", "files.csv", "rejected.csv"];

    /// <summary>A cache rooted at <paramref name="root"/> (<c>artifacts/cache</c>).</summary>
    public ClimbingCache(string root) : this(new DerivedCache(root)) { }

    /// <summary>The underlying cache.</summary>
    public DerivedCache Cache { get; } = cache ?? throw new ArgumentNullException(nameof(cache));

    /// <summary>The ingest step: <see cref="RouteFiles"/>, rebuilt when the sources (or this code's version) changed.</summary>
    public CacheResult Routes(ClimbingSources sources, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var step = new CacheStep("climbing-routes")
        {
            CodeVersion = RoutesVersion,
            Inputs = [.. sources.All],
            Outputs = [.. RouteFiles],
        };
        return Cache.Run(step, build =>
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
        }, force);
    }
}
