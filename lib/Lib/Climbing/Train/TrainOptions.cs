using Lib.Climbing.Model;

namespace Lib.Climbing.Train;

/// <summary>
/// How <see cref="GradeModelTrainer"/> trains: the model's size (the <see cref="GradeTransformerConfig"/>
/// defaults unless changed), the optimiser (AdamW, linear warm-up then cosine decay, gradient clipping)
/// and early stopping on the validation MAE.
/// </summary>
public sealed record TrainOptions
{
    /// <summary>
    /// A quick small model (3 epochs, d_model 32, 1 layer): what <see cref="ClimbingTrainStep.LoadOrRun"/> trains when
    /// a
    /// later notebook runs on its own, so it still runs; the train step makes the real one.
    /// </summary>
    public static TrainOptions Quick { get; } =
        new()
        {
            Epochs = 3,
            DModel = 32,
            NHead = 2,
            NumLayers = 1,
            DimFeedforward = 64,
        };

    /// <summary>Epochs at most.</summary>
    public int Epochs { get; init; } = 40;

    /// <summary>Routes per batch.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>The peak learning rate.</summary>
    public double LearningRate { get; init; } = 5e-4;

    /// <summary>AdamW's decoupled weight decay on matrices (not biases or norms).</summary>
    public double WeightDecay { get; init; } = 0.01;

    /// <summary>The share of all steps spent warming up linearly from 0.</summary>
    public double WarmupFraction { get; init; } = 0.1;

    /// <summary>The gradients' largest total norm.</summary>
    public double ClipNorm { get; init; } = 1.0;

    /// <summary>Epochs without a better validation MAE before stopping.</summary>
    public int Patience { get; init; } = 8;

    /// <summary>The trainer's numeric precision: only <c>"32"</c> (the engine is float32; see
    /// <see cref="Lib.Tensors.Training.TrainingPrecision"/>).</summary>
    public string Precision { get; init; } = Lib.Tensors.Training.TrainingPrecision.Float32;

    /// <summary>Seeds the weights, the dropout masks and the batch order.</summary>
    public long Seed { get; init; } = 0;

    /// <summary>The model width.</summary>
    public int DModel { get; init; } = 128;

    /// <summary>Attention heads.</summary>
    public int NHead { get; init; } = 4;

    /// <summary>Encoder layers.</summary>
    public int NumLayers { get; init; } = 4;

    /// <summary>The feed-forward width.</summary>
    public int DimFeedforward { get; init; } = 256;

    /// <summary>Dropout.</summary>
    public float Dropout { get; init; } = 0.1f;

    /// <summary>When set, train on at most this many training routes, evenly spread over the split (quick runs);
    /// validation and test stay whole.</summary>
    public int? MaxTrainRoutes { get; init; }

    /// <summary>The options by name, as the model card's training summary and the tracked run record them.</summary>
    public IReadOnlyDictionary<string, object?> Parameters() =>
        new Dictionary<string, object?>
        {
            ["epochs"] = Epochs,
            ["batch_size"] = BatchSize,
            ["learning_rate"] = LearningRate,
            ["weight_decay"] = WeightDecay,
            ["warmup_fraction"] = WarmupFraction,
            ["clip_norm"] = ClipNorm,
            ["patience"] = Patience,
            ["seed"] = Seed,
            ["d_model"] = DModel,
            ["nhead"] = NHead,
            ["num_layers"] = NumLayers,
            ["dim_feedforward"] = DimFeedforward,
            ["dropout"] = Dropout,
            ["max_train_routes"] = MaxTrainRoutes,
        };

    /// <summary>The model's arguments for a vocabulary of <paramref name="vocabSize"/> tokens.</summary>
    public GradeTransformerConfig ModelConfig(int vocabSize, int featureCount, int maxLength) =>
        new()
        {
            VocabSize = vocabSize,
            FeatureCount = featureCount,
            MaxLength = maxLength,
            DModel = DModel,
            NHead = NHead,
            NumLayers = NumLayers,
            DimFeedforward = DimFeedforward,
            Dropout = Dropout,
        };
}
