using System.Text.Json.Serialization;

namespace Lib.Climbing.Dataset;

/// <summary>
/// A graded route ready for the model: its tokens and their ids, the features of each token (row-major,
/// <c>[tokens, features]</c>), its split and its difficulty.
/// </summary>
public sealed record TokenizedRoute
{
    /// <summary>The route's key in the route table (<c>MOON2016/19215@40</c>).</summary>
    public required string Key { get; init; }

    /// <summary>The board key.</summary>
    public required string Board { get; init; }

    /// <summary>The wall angle.</summary>
    public required int Angle { get; init; }

    /// <summary>The part of the data it belongs to.</summary>
    public required SplitName Split { get; init; }

    /// <summary>The token texts.</summary>
    public required IReadOnlyList<string> Tokens { get; init; }

    /// <summary>The token ids in the vocabulary (<c>&lt;UNK&gt;</c> = 1 where a token is unknown).</summary>
    public required int[] Ids { get; init; }

    /// <summary>The token features, <c>[Tokens.Count, RouteTokenizer.FeatureCount]</c> row-major.</summary>
    public required float[] Features { get; init; }

    /// <summary>The grade on the common scale (0 for a route being predicted).</summary>
    public required double Difficulty { get; init; }

    /// <summary>The number of tokens.</summary>
    [JsonIgnore]
    public int Length => Ids.Length;
}
