using Lib.Paragliding.Model;

namespace Lib.Paragliding.Train;

/// <summary>
/// How the XC-odds model is trained (Glideator's <c>run_experiment</c>): Adam at <see cref="LearningRate"/> decayed
/// by <see cref="LrDecay"/> per epoch (<c>ExponentialLR</c>), loss Σ_k BCE_k + <see cref="L1"/>·Σ|θ| +
/// <see cref="L2"/>·Σθ² + <see cref="Monotonicity"/>·Σ_k mean relu(p_k − p_{k−1}), early stopping on the validation
/// loss with the best epoch's weights kept; and the network's shape.
/// </summary>
public sealed record ParaglidingTrainOptions
{
    /// <summary>Epochs at most.</summary>
    public int Epochs { get; init; } = 40;

    /// <summary>Samples per batch.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Adam's initial learning rate.</summary>
    public double LearningRate { get; init; } = 3e-3;

    /// <summary>The per-epoch learning-rate factor (1 = constant).</summary>
    public double LrDecay { get; init; } = 0.95;

    /// <summary>The L1 penalty's weight on every parameter.</summary>
    public double L1 { get; init; } = 1e-7;

    /// <summary>The L2 penalty's weight on every parameter.</summary>
    public double L2 { get; init; } = 1e-5;

    /// <summary>The monotonicity penalty's weight.</summary>
    public double Monotonicity { get; init; } = 1.0;

    /// <summary>Epochs without a better validation loss before stopping.</summary>
    public int Patience { get; init; } = 6;

    /// <summary>Seeds the weights and the shard order.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>The trainer's numeric precision: <c>"32"</c> on the engine; <c>"bf16-mixed"</c> (torch-cpu, cuda) or
    /// <c>"16-mixed"</c> (cuda) on the TorchSharp twin (see <see cref="Lib.Tensors.Training.TrainingPrecision"/>).
    /// </summary>
    public string Precision { get; init; } = Lib.Tensors.Training.TrainingPrecision.Float32;

    /// <summary>The site embedding's width.</summary>
    public int EmbeddingDim { get; init; } = 8;

    /// <summary>Cross layers.</summary>
    public int CrossLayers { get; init; } = 2;

    /// <summary>The parallel deep network's widths.</summary>
    public IReadOnlyList<int> ParallelDeep { get; init; } = [32];

    /// <summary>The main deep network's widths.</summary>
    public IReadOnlyList<int> Deep { get; init; } = [64, 32];

    /// <summary><c>multilabel</c> or <c>ordinal</c>.</summary>
    public string Head { get; init; } = GlideatorNetConfig.MultilabelHead;

    /// <summary>Batches the shard loader prepares ahead.</summary>
    public int Prefetch { get; init; } = 2;

    /// <summary>The shard loader's shuffle buffer.</summary>
    public int ShuffleBuffer { get; init; } = 4000;

    /// <summary>A quick run for smoke tests and notebooks run alone.</summary>
    public static ParaglidingTrainOptions Quick { get; } = new() { Epochs = 4, Patience = 2 };

    /// <summary>The options by name, for the card and the tracked run.</summary>
    public IReadOnlyDictionary<string, object?> Parameters() =>
        new Dictionary<string, object?>
        {
            ["epochs"] = Epochs,
            ["batch_size"] = BatchSize,
            ["learning_rate"] = LearningRate,
            ["lr_decay"] = LrDecay,
            ["l1_lambda"] = L1,
            ["l2_lambda"] = L2,
            ["monotonicity_lambda"] = Monotonicity,
            ["patience"] = Patience,
            ["seed"] = Seed,
            ["site_embedding_dim"] = EmbeddingDim,
            ["cross_layers"] = CrossLayers,
            ["parallel_deep_hidden_units"] = string.Join("-", ParallelDeep),
            ["deep_hidden_units"] = string.Join("-", Deep),
            ["prediction_head_type"] = Head,
        };

    /// <summary>The network's arguments for a data set's widths.</summary>
    public GlideatorNetConfig ModelConfig(int sites, int siteFeatures, int dateFeatures, int weatherVariables) =>
        new()
        {
            NumSites = sites,
            SiteFeatures = siteFeatures,
            DateFeatures = dateFeatures,
            WeatherVariables = weatherVariables,
            EmbeddingDim = EmbeddingDim,
            CrossLayers = CrossLayers,
            ParallelDeep = ParallelDeep,
            Deep = Deep,
            Head = Head,
        };
}
