using Lib.Football.Dataset;
using Lib.Tensors;
using Lib.Tensors.Autograd;
using Lib.Workflow;

namespace Lib.Football.Model;

/// <summary>
/// A trained <see cref="TrajectoryGnn"/> with its card: saved and loaded through the kit's <see cref="ModelFolder"/>
/// (format <see cref="Format"/>), and an <see cref="ITrajectoryPredictor"/> (each node's modes, their weights and each
/// scene's probability of a tight window).
/// </summary>
public sealed class FootballModel : ITrajectoryPredictor
{
    /// <summary>The model folder's format tag.</summary>
    public const string Format = "lab.football.trajectory-gnn/1";

    /// <summary>Wraps a network and its card.</summary>
    public FootballModel(TrajectoryGnn network, ModelCard<TrajectoryGnnConfig, FootballInputs> card)
    {
        Network = network ?? throw new ArgumentNullException(nameof(network));
        Card = card ?? throw new ArgumentNullException(nameof(card));
    }

    /// <summary>The network.</summary>
    public TrajectoryGnn Network { get; }

    /// <summary>The card.</summary>
    public ModelCard<TrajectoryGnnConfig, FootballInputs> Card { get; }

    /// <summary>
    /// How <see cref="Forecast"/> runs the network on a batch: null runs <see cref="Network"/> on the engine (the
    /// default); <c>Lib.Torch</c> sets the TorchSharp twin's forward pass for <c>--device torch-cpu | cuda</c>,
    /// returning its outputs as engine tensors. Either way the weights are this folder's.
    /// </summary>
    public Func<TrajectoryBatch, TrajectoryOutput>? Runner { get; set; }

    /// <inheritdoc/>
    public string Name => Network.Config.Probabilistic ? "graph network (mixture)" : "graph network";

    /// <inheritdoc/>
    public TrajectoryForecast Forecast(TrajectoryBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Network.Eval();
        using var _ = GradMode.NoGrad();
        var output = Runner is { } runner
            ? runner(batch)
            : Network.Forward(batch.Frames, batch.Positions, batch.Velocity, batch.Graph);
        var coverage = output.CoverageLogit.Data.ToArray().Select(v => 1.0 / (1.0 + Math.Exp(-v))).ToArray();
        float[]? weights = output.ModeLogits is { } logits ? logits.Softmax(-1).Data.ToArray() : null;
        var c = Network.Config;
        return new TrajectoryForecast(
            batch.Graph.Nodes,
            c.OutputModes,
            c.Horizon,
            output.Means.Data.ToArray(),
            weights,
            coverage,
            output.LogSigma?.Data.ToArray()
        );
    }

    /// <summary>Writes the folder (each file atomically).</summary>
    public void Save(string folder) => ModelFolder.Save(folder, Network, Card);

    /// <summary>Whether <paramref name="folder"/> holds a model.</summary>
    public static bool Exists(string folder) => ModelFolder.Holds(folder);

    /// <summary>Reads a model folder written by <see cref="Save"/>.</summary>
    public static FootballModel Load(string folder)
    {
        var (card, network) = ModelFolder.Load<TrajectoryGnnConfig, FootballInputs, TrajectoryGnn>(
            folder,
            Format,
            c => new TrajectoryGnn(c.Config, new Generator(0))
        );
        return new FootballModel(network, card);
    }
}
