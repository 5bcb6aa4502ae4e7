using Lib.Tensors;

namespace Lib.Climbing.Dataset;

/// <summary>
/// A padded batch of routes: token ids <c>[B, T]</c> (0 = padding), features <c>[B, T, F]</c>, the mask
/// <c>[B, T]</c> (1 = a real token, the engine's one polarity), the standardised targets <c>[B]</c> and the routes.
/// </summary>
public sealed record RouteBatch(
    IndexTensor Ids,
    Tensor Features,
    Tensor Mask,
    Tensor Target,
    IReadOnlyList<TokenizedRoute> Routes
)
{
    /// <summary>The number of routes (B).</summary>
    public int Size => Routes.Count;

    /// <summary>
    /// Pads <paramref name="routes"/> to the longest; targets are <c>(difficulty − mean) / std</c>.
    /// </summary>
    public static RouteBatch Collate(IReadOnlyList<TokenizedRoute> routes, double targetMean, double targetStd)
    {
        if (routes is null || routes.Count == 0)
            throw new ArgumentException("Cannot collate an empty batch of routes.", nameof(routes));
        if (!(targetStd > 0))
            throw new ArgumentOutOfRangeException(nameof(targetStd), $"targetStd must be positive, got {targetStd}.");
        int b = routes.Count,
            t = routes.Max(r => r.Length),
            f = RouteTokenizer.FeatureCount;
        var ids = new int[b * t];
        var features = new float[b * t * f];
        var mask = new float[b * t];
        var target = new float[b];
        for (int i = 0; i < b; i++)
        {
            var r = routes[i];
            if (r.Features.Length != r.Length * f)
                throw new ArgumentException(
                    $"Route {r.Key} has {r.Features.Length} feature values for {r.Length} tokens; expected "
                        + $"{r.Length * f}.",
                    nameof(routes)
                );
            r.Ids.CopyTo(ids, i * t);
            r.Features.CopyTo(features, i * t * f);
            mask.AsSpan(i * t, r.Length).Fill(1f);
            target[i] = (float)((r.Difficulty - targetMean) / targetStd);
        }
        return new RouteBatch(
            IndexTensor.Wrap(ids, b, t),
            Tensor.Wrap(features, b, t, f),
            Tensor.Wrap(mask, b, t),
            Tensor.Wrap(target, b),
            routes
        );
    }
}
