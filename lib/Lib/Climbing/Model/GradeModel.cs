using Lib.Climbing.Dataset;
using Lib.Climbing.Domain;
using Lib.Tensors;
using Lib.Tensors.Autograd;
using Lib.Workflow;

namespace Lib.Climbing.Model;

/// <summary>
/// A trained grade predictor: the <see cref="GradeTransformer"/> with its card
/// (<see cref="ModelCard{TConfig, TInputs}"/> of <see cref="GradeTransformerConfig"/> and <see cref="GradeInputs"/>).
/// Saved and loaded through the kit's <see cref="ModelFolder"/> (<c>model.safetensors</c> with PyTorch keys, and
/// <c>model.json</c>); <see cref="Load"/> needs nothing else. As an <see cref="IPredictor{TInput}"/> it grades routes
/// the way the baselines do.
/// </summary>
public sealed class GradeModel : IPredictor<Route>
{
    /// <summary>The format tag of a grade model folder; the loader refuses another (2: the kit's model card).</summary>
    public const string Format = "lab.climbing.grade-transformer/2";

    /// <summary>A model of <paramref name="network"/> described by <paramref name="card"/>.</summary>
    /// <exception cref="ArgumentException">The card's vocabulary, boards or grades are not valid.</exception>
    public GradeModel(GradeTransformer network, ModelCard<GradeTransformerConfig, GradeInputs> card)
    {
        Network = network ?? throw new ArgumentNullException(nameof(network));
        Card = card ?? throw new ArgumentNullException(nameof(card));
        Vocabulary = new Vocabulary(card.Inputs.Vocabulary);
        Boards = new BoardSet(card.Inputs.Boards);
        Grades = new GradeScale(card.Inputs.Grades);
    }

    /// <summary>The network.</summary>
    public GradeTransformer Network { get; }

    /// <summary>
    /// How <see cref="Predict(IReadOnlyList{TokenizedRoute}, int)"/> runs the network on a batch (standardised
    /// grades): null runs <see cref="Network"/> on the engine (the default); <c>Lib.Torch</c> sets the TorchSharp
    /// twin's forward pass for <c>--device torch-cpu | cuda</c>. Either way the weights are this folder's.
    /// </summary>
    public Func<RouteBatch, float[]>? Runner { get; set; }

    /// <summary>The card (arguments, inputs, data fingerprint, training summary, history, metrics).</summary>
    public ModelCard<GradeTransformerConfig, GradeInputs> Card { get; }

    /// <summary>The vocabulary.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>The boards the model knows.</summary>
    public BoardSet Boards { get; }

    /// <summary>The grade scale.</summary>
    public GradeScale Grades { get; }

    /// <inheritdoc />
    public string Name => "transformer";

    /// <summary>Writes the folder (<see cref="ModelFolder.Save{TConfig, TInputs}"/>: each file atomically).</summary>
    public void Save(string folder) => ModelFolder.Save(folder, Network, Card);

    /// <summary>Reads a model folder written by <see cref="Save"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    /// <exception cref="FileNotFoundException">The folder lacks <c>model.safetensors</c> or
    /// <c>model.json</c>.</exception>
    /// <exception cref="InvalidDataException">The card or the weights do not read, are of another format, or do not
    /// match.</exception>
    public static GradeModel Load(string folder)
    {
        var cardPath = Path.Combine(folder, ModelFolder.CardFile);
        var (card, network) = ModelFolder.Load<GradeTransformerConfig, GradeInputs, GradeTransformer>(
            folder,
            Format,
            c =>
            {
                if (!c.Inputs.FeatureNames.SequenceEqual(RouteTokenizer.FeatureNames))
                    throw new ArgumentException(
                        $"the model reads features [{string.Join(", ", c.Inputs.FeatureNames)}] but this "
                            + $"tokenizer makes [{string.Join(", ", RouteTokenizer.FeatureNames)}]."
                    );
                return new GradeTransformer(c.Config, new Generator(0));
            }
        );
        try
        {
            return new GradeModel(network, card);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{cardPath}: {e.Message}", e);
        }
    }

    /// <summary>Tokenises a route for this model.</summary>
    /// <exception cref="KeyNotFoundException">The model was not trained on the route's board, or a hold is not on that
    /// board.</exception>
    /// <exception cref="ArgumentException">The route has more tokens than the model reads.</exception>
    public TokenizedRoute Encode(Route route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var board = Boards.Find(route.Board)
            ?? throw new KeyNotFoundException(
                $"The model was not trained on board '{route.Board}'; it knows "
                    + $"{string.Join(", ", Boards.Boards.Select(b => b.Key))}."
            );
        foreach (var h in route.Holds)
            board.Hold(h.Hold);
        var tokens = RouteTokenizer.Tokenize(route);
        if (tokens.Count > Card.Config.MaxLength)
            throw new ArgumentException(
                $"Route {route.Key} has {route.Holds.Count} holds ({tokens.Count} tokens); the model reads at "
                    + $"most {Card.Config.MaxLength} tokens."
            );
        return TokenSet.Encode(route, tokens, SplitName.Test, Vocabulary);
    }

    /// <summary>The predicted difficulty of each route (encoded with <see cref="Encode"/>).</summary>
    /// <exception cref="KeyNotFoundException">The model does not know a route's board or one of its holds.</exception>
    public double[] Predict(IReadOnlyList<Route> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Predict([.. inputs.Select(Encode)]);
    }

    /// <summary>The predicted difficulty of each tokenised route (evaluation mode, no gradients), in batches.</summary>
    public double[] Predict(IReadOnlyList<TokenizedRoute> routes, int batchSize = 128)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var result = new double[routes.Count];
        double mean = Card.Inputs.TargetMean,
            std = Card.Inputs.TargetStd;
        bool training = Network.Training;
        Network.Eval();
        try
        {
            using var _ = GradMode.NoGrad();
            for (int start = 0; start < routes.Count; start += batchSize)
            {
                var part = routes.Skip(start).Take(batchSize).ToList();
                using var scope = DisposeScope.Enter(); // the batch's arrays serve the next batch
                var batch = RouteBatch.Collate(part, mean, std);
                var output = Runner is { } runner
                    ? runner(batch)
                    : Network.Forward(batch.Ids, batch.Features, batch.Mask).Data; // [B], standardised
                for (int i = 0; i < part.Count; i++)
                    result[start + i] = mean + std * output[i];
            }
        }
        finally
        {
            Network.Train(training);
        }
        return result;
    }
}
