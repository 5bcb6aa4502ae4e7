using Lib.Climbing.Cache;
using Lib.Climbing.Ingest;
using Lib.Storage;

namespace Lib.Climbing.Dataset;

/// <summary>
/// Everything training and evaluation read, from the cache: the route table (with its boards and grades)
/// and the tokenised graded routes with their vocabulary and split. <see cref="Prepare"/> runs (or reuses)
/// both cache steps.
/// </summary>
public sealed record ClimbingData(RouteTable Table, TokenSet Tokens, CacheResult RoutesStep, CacheResult TokensStep)
{
    /// <summary>Ingests <paramref name="dataFolder"/> (laid out like <c>data/climbing</c>) and tokenises it, through the cache at <paramref name="cacheRoot"/>.</summary>
    public static ClimbingData Prepare(string dataFolder, string cacheRoot, TokenOptions? options = null, bool force = false)
    {
        var cache = new ClimbingCache(cacheRoot);
        var routes = cache.Routes(ClimbingSources.FromFolder(dataFolder), force);
        var tokens = cache.Tokens(routes, options ?? new TokenOptions(), force);
        return new ClimbingData(
            RouteTable.Load(routes.PathOf("routes.json")),
            TokenSet.Load(tokens.PathOf("vocabulary.json"), tokens.PathOf("sequences.json")),
            routes, tokens);
    }

    /// <summary>The graded routes of a split, as tokenised.</summary>
    public IReadOnlyList<TokenizedRoute> Split(SplitName split) => Tokens.Of(split);

    /// <summary>The route table's rows by key.</summary>
    public IReadOnlyDictionary<string, Route> RoutesByKey => _byKey ??= Table.Routes.ToDictionary(r => r.Key, StringComparer.Ordinal);

    private Dictionary<string, Route>? _byKey;
}
