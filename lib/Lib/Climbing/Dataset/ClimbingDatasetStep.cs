using Lib.Climbing.Cache;
using Lib.Climbing.Ingest;
using Lib.Storage;

namespace Lib.Climbing.Dataset;

/// <summary>
/// The dataset step, the one orchestration <c>lab climbing train</c> and <c>lab climbing evaluate</c> and
/// <c>notebooks/climbing/02-tokenise.dib</c> (then <c>03-train.dib</c> and <c>04-evaluate.dib</c>) call: the cached
/// ingest
/// (<see cref="ClimbingCacheStep"/>), then the cached tokens (<see cref="TokenCache"/>: split and vocabulary by the
/// <see cref="TokenOptions"/>), read back as the <see cref="ClimbingData"/> that training and evaluation read.
/// </summary>
public static class ClimbingDatasetStep
{
    /// <summary>The cached ingest, then the cached tokens (split and vocabulary by <paramref name="options"/>): what
    /// training and evaluation read.</summary>
    public static ClimbingData Run(
        string dataFolder,
        string cacheRoot,
        TokenOptions? options = null,
        bool force = false
    )
    {
        var cache = new DerivedCache(cacheRoot);
        var routes = ClimbingCacheStep.Routes(cache, ClimbingSources.FromFolder(dataFolder), force);
        return ClimbingData.Load(routes, TokenCache.Run(cache, routes, options ?? new TokenOptions(), force));
    }
}
