using Lib.Climbing.Ingest;
using Lib.Storage;

namespace Lib.Climbing.Dataset;

/// <summary>
/// The tokens in the derived-data cache: step <c>climbing-tokens</c>, whose input is the cached route table and whose
/// parameters are the <see cref="TokenOptions"/> (split and minimum count); outputs <c>vocabulary.json</c> and
/// <c>sequences.json</c>. It lives in the dataset room because that room defines the tokens and the split; the cache
/// room caches only the ingest.
/// </summary>
public static class TokenCache
{
    /// <summary>Bump when tokenising changes what it writes.</summary>
    public const string Version = "4";

    /// <summary>Tokenises the route table of <paramref name="routes"/> (the routes step's result), or reuses the cached
    /// tokens.</summary>
    public static CacheResult Run(DerivedCache cache, CacheResult routes, TokenOptions options, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(options);
        var table = routes.PathOf("routes.json");
        var step = new CacheStep("climbing-tokens")
        {
            CodeVersion = Version,
            Inputs = [table],
            Parameters = options.Parameters(),
            Outputs = ["vocabulary.json", "sequences.json"],
        };
        return cache.Run(
            step,
            build =>
            {
                var set = TokenSet.Build(RouteTable.Load(table).Routes, options);
                set.Save(build.PathOf("vocabulary.json"), build.PathOf("sequences.json"));
                build.SetRows("vocabulary.json", set.Vocabulary.Count);
                build.SetRows("sequences.json", set.Routes.Count);
            },
            force
        );
    }
}
