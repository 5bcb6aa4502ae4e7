using System.Security.Cryptography;
using System.Text;
using Lib.Climbing.Domain;
using Lib.Climbing.Ingest;
using Lib.Storage;

namespace Lib.Climbing.Dataset;

/// <summary>
/// Everything training and evaluation read, from the cache: the route table (with its boards and grades) and the
/// tokenised graded routes with their vocabulary and split, and the two cache steps they came from.
/// <see cref="ClimbingDatasetStep.Run"/> runs (or reuses) both steps and returns this.
/// </summary>
public sealed record ClimbingData(RouteTable Table, TokenSet Tokens, CacheResult RoutesStep, CacheResult TokensStep)
{
    private Dictionary<string, Route>? _byKey;

    /// <summary>Reads the outputs of the routes step and the tokens step.</summary>
    public static ClimbingData Load(CacheResult routes, CacheResult tokens)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(tokens);
        return new ClimbingData(
            RouteTable.Load(routes.PathOf("routes.json")),
            TokenSet.Load(tokens.PathOf("vocabulary.json"), tokens.PathOf("sequences.json")),
            routes,
            tokens
        );
    }

    /// <summary>The graded routes of a split, as tokenised.</summary>
    public IReadOnlyList<TokenizedRoute> Split(SplitName split) => Tokens.Of(split);

    /// <summary>The route table's rows by key.</summary>
    public IReadOnlyDictionary<string, Route> RoutesByKey =>
        _byKey ??= Table.Routes.ToDictionary(r => r.Key, StringComparer.Ordinal);

    /// <summary>The routes of a split, as rows of the route table (what the baselines read).</summary>
    public IReadOnlyList<Route> Routes(SplitName split) => [.. Split(split).Select(t => RoutesByKey[t.Key])];

    /// <summary>
    /// What a model trained on this data records (<c>ModelCard.DataFingerprint</c>): SHA-256 of the tokens step's
    /// output hashes, so any change of routes, split, vocabulary or tokens changes it.
    /// </summary>
    public string Fingerprint =>
        Convert.ToHexStringLower(
            SHA256.HashData(
                Encoding.UTF8.GetBytes(
                    string.Join(
                        "\n",
                        TokensStep
                            .Manifest.Outputs.OrderBy(o => o.Path, StringComparer.Ordinal)
                            .Select(o => $"{o.Path} {o.Sha256}")
                    )
                )
            )
        );
}
