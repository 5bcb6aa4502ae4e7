using Lib.Climbing.Ingest;
using Lib.Storage;

namespace Lib.Climbing.Cache;

/// <summary>
/// The workflow's two cached steps in the derived-data cache: <c>climbing-routes</c> (the ingest: its
/// inputs are the source files) and <c>climbing-tokens</c> (tokens, split and vocabulary: its input is the
/// route table, its parameters the <see cref="TokenOptions"/>). Each rebuilds only when what it reads changed.
/// </summary>
public sealed class ClimbingCache(DerivedCache cache)
{
    /// <summary>Bump when the ingest changes what it writes.</summary>
    public const string RoutesVersion = "1";

    /// <summary>Bump when tokenising changes what it writes.</summary>
    public const string TokensVersion = "4";

    /// <summary>A cache rooted at <paramref name="root"/> (<c>artifacts/cache</c>).</summary>
    public ClimbingCache(string root) : this(new DerivedCache(root)) { }

    /// <summary>The underlying cache.</summary>
    public DerivedCache Cache { get; } = cache ?? throw new ArgumentNullException(nameof(cache));

    /// <summary>The ingest step: <c>routes.json</c>, <c>routes.parquet</c>, <c>holds.parquet</c>, <c>files.csv</c>, <c>rejected.csv</c>.</summary>
    public CacheResult Routes(ClimbingSources sources, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var step = new CacheStep("climbing-routes")
        {
            CodeVersion = RoutesVersion,
            Inputs = [.. sources.All],
            Outputs = ["routes.json", "routes.parquet", "holds.parquet", "files.csv", "rejected.csv"],
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

    /// <summary>The tokens step over the route table of <paramref name="routes"/>: <c>vocabulary.json</c>, <c>sequences.json</c>.</summary>
    public CacheResult Tokens(CacheResult routes, TokenOptions options, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(options);
        var table = routes.PathOf("routes.json");
        var step = new CacheStep("climbing-tokens")
        {
            CodeVersion = TokensVersion,
            Inputs = [table],
            Parameters = options.Parameters(),
            Outputs = ["vocabulary.json", "sequences.json"],
        };
        return Cache.Run(step, build =>
        {
            var set = TokenSet.Build(RouteTable.Load(table).Routes, options);
            set.Save(build.PathOf("vocabulary.json"), build.PathOf("sequences.json"));
            build.SetRows("vocabulary.json", set.Vocabulary.Count);
            build.SetRows("sequences.json", set.Routes.Count);
        }, force);
    }
}
