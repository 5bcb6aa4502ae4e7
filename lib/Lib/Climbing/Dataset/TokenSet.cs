using Lib.Climbing.Domain;

namespace Lib.Climbing.Dataset;

/// <summary>The tokenised graded routes and the vocabulary built from the training part.</summary>
public sealed record TokenSet(Vocabulary Vocabulary, IReadOnlyList<TokenizedRoute> Routes)
{
    /// <summary>The routes of one split.</summary>
    public IReadOnlyList<TokenizedRoute> Of(SplitName split) => [.. Routes.Where(r => r.Split == split)];

    /// <summary>Tokenises every graded route of <paramref name="routes"/>, splits them and builds the vocabulary from
    /// the training part.</summary>
    public static TokenSet Build(IEnumerable<Route> routes, TokenOptions options)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(options);
        var graded = routes
            .Where(r => r.Difficulty is not null)
            .Select(r => (Route: r, Tokens: RouteTokenizer.Tokenize(r), Split: options.Split.Of(r)))
            .ToList();
        var vocabulary = Vocabulary.Build(
            graded.Where(g => g.Split == SplitName.Train).Select(g => g.Tokens.Select(t => t.Text)),
            options.MinCount
        );
        return new TokenSet(vocabulary, [.. graded.Select(g => Encode(g.Route, g.Tokens, g.Split, vocabulary))]);
    }

    /// <summary>Encodes one route's tokens with <paramref name="vocabulary"/>.</summary>
    public static TokenizedRoute Encode(
        Route route,
        IReadOnlyList<RouteToken> tokens,
        SplitName split,
        Vocabulary vocabulary
    )
    {
        var features = new float[tokens.Count * RouteTokenizer.FeatureCount];
        for (int t = 0; t < tokens.Count; t++)
            tokens[t].Features().CopyTo(features, t * RouteTokenizer.FeatureCount);
        return new TokenizedRoute
        {
            Key = route.Key,
            Board = route.Board,
            Angle = route.Angle,
            Split = split,
            Tokens = [.. tokens.Select(t => t.Text)],
            Ids = [.. tokens.Select(t => vocabulary.Id(t.Text))],
            Features = features,
            Difficulty = route.Difficulty ?? 0,
        };
    }

    /// <summary>Writes the vocabulary and the sequences as JSON (atomically).</summary>
    public void Save(string vocabularyPath, string sequencesPath)
    {
        ClimbingJson.Write(vocabularyPath, Vocabulary.Tokens);
        ClimbingJson.Write(sequencesPath, Routes);
    }

    /// <summary>Reads what <see cref="Save"/> wrote.</summary>
    public static TokenSet Load(string vocabularyPath, string sequencesPath)
    {
        var tokens = ClimbingJson.Read<List<string>>(vocabularyPath);
        Vocabulary vocabulary;
        try
        {
            vocabulary = new Vocabulary(tokens);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{vocabularyPath}: {e.Message}", e);
        }
        return new TokenSet(vocabulary, ClimbingJson.Read<List<TokenizedRoute>>(sequencesPath));
    }
}
