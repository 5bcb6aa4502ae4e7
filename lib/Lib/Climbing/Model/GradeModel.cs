using Lib.Climbing.Cache;
using Lib.Climbing.Dataset;
using Lib.Climbing.Ingest;
using Lib.Tensors;
using Lib.Tensors.Autograd;
using Lib.Tensors.NN;

namespace Lib.Climbing.Model;

/// <summary>
/// A trained grade predictor: the <see cref="GradeTransformer"/> with its <see cref="ModelCard"/>. A model folder
/// holds <c>model.safetensors</c> (PyTorch keys) and <c>model.json</c> (the card); <see cref="Load"/> needs nothing else.
/// </summary>
public sealed class GradeModel
{
    /// <summary>The weights file of a model folder.</summary>
    public const string WeightsFile = "model.safetensors";

    /// <summary>A model of <paramref name="network"/> described by <paramref name="card"/>.</summary>
    public GradeModel(GradeTransformer network, ModelCard card)
    {
        Network = network ?? throw new ArgumentNullException(nameof(network));
        Card = card ?? throw new ArgumentNullException(nameof(card));
        Vocabulary = new Vocabulary(card.Vocabulary);
        Boards = new BoardSet(card.Boards);
        Grades = new GradeScale(card.Grades);
    }

    /// <summary>The network.</summary>
    public GradeTransformer Network { get; }

    /// <summary>The card (arguments, vocabulary, boards, grades, standardisation, training).</summary>
    public ModelCard Card { get; }

    /// <summary>The vocabulary.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>The boards the model knows.</summary>
    public BoardSet Boards { get; }

    /// <summary>The grade scale.</summary>
    public GradeScale Grades { get; }

    /// <summary>Writes the folder (atomically, file by file).</summary>
    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        var weights = Path.Combine(folder, WeightsFile);
        Checkpoint.Save(weights, Network);
        Checkpoint.SaveSidecar(weights, Card);
    }

    /// <summary>Reads a model folder written by <see cref="Save"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    /// <exception cref="FileNotFoundException">The folder lacks <c>model.safetensors</c> or <c>model.json</c>.</exception>
    /// <exception cref="InvalidDataException">The card or the weights do not read, or do not match.</exception>
    public static GradeModel Load(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"The model folder '{folder}' does not exist (lab climbing train --out writes one).");
        var weights = Path.Combine(folder, WeightsFile);
        if (!File.Exists(weights)) throw new FileNotFoundException($"The model folder '{folder}' has no {WeightsFile}.", weights);
        var card = Checkpoint.LoadSidecar<ModelCard>(weights);
        if (card.Format != ModelCard.CurrentFormat)
            throw new InvalidDataException($"{Checkpoint.SidecarPath(weights)}: format '{card.Format}', expected '{ModelCard.CurrentFormat}'.");
        if (!card.FeatureNames.SequenceEqual(RouteTokenizer.FeatureNames))
            throw new InvalidDataException($"{Checkpoint.SidecarPath(weights)}: the model reads features [{string.Join(", ", card.FeatureNames)}] but this tokenizer makes [{string.Join(", ", RouteTokenizer.FeatureNames)}].");
        var network = new GradeTransformer(card.Config, new Generator(0));
        Checkpoint.Load(weights, network);
        network.Eval();
        try { return new GradeModel(network, card); }
        catch (ArgumentException e) { throw new InvalidDataException($"{Checkpoint.SidecarPath(weights)}: {e.Message}", e); }
    }

    /// <summary>
    /// Tokenises a route for this model.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The model was not trained on the route's board, or a hold is not on that board.</exception>
    /// <exception cref="ArgumentException">The route has more tokens than the model reads.</exception>
    public TokenizedRoute Encode(Route route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var board = Boards.Find(route.Board)
            ?? throw new KeyNotFoundException($"The model was not trained on board '{route.Board}'; it knows {string.Join(", ", Boards.Boards.Select(b => b.Key))}.");
        foreach (var h in route.Holds) board.Hold(h.Hold);
        var tokens = RouteTokenizer.Tokenize(route);
        if (tokens.Count > Card.Config.MaxLength)
            throw new ArgumentException($"Route {route.Key} has {route.Holds.Count} holds ({tokens.Count} tokens); the model reads at most {Card.Config.MaxLength} tokens.");
        return TokenSet.Encode(route, tokens, SplitName.Test, Vocabulary);
    }

    /// <summary>The predicted difficulty of each route (evaluation mode, no gradients), in batches.</summary>
    public double[] Predict(IReadOnlyList<TokenizedRoute> routes, int batchSize = 128)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var result = new double[routes.Count];
        bool training = Network.Training;
        Network.Eval();
        try
        {
            using var _ = GradMode.NoGrad();
            for (int start = 0; start < routes.Count; start += batchSize)
            {
                var part = routes.Skip(start).Take(batchSize).ToList();
                using var scope = DisposeScope.Enter(); // the batch's arrays serve the next batch
                var batch = RouteBatch.Collate(part, Card.TargetMean, Card.TargetStd);
                var output = Network.Forward(batch.Ids, batch.Features, batch.Mask).Data; // [B], standardised
                for (int i = 0; i < part.Count; i++) result[start + i] = Card.TargetMean + Card.TargetStd * output[i];
            }
        }
        finally { Network.Train(training); }
        return result;
    }
}
