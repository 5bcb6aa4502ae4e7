using Lib.Splits.Dataset;
using Lib.Splits.Model;

namespace Lib.Splits.Train;

/// <summary>
/// How a split model is trained. Defaults are the original's <c>run_pipeline.sh</c>: Adam at 1e-4, batches of 32,
/// 25 epochs, compression 128, hidden 128, bidirectional, post-LSTM 64, MLP interaction, dropout 0.5, seed 1; the
/// lab adds early stopping on the validation track's loss with the best epoch's weights kept.
/// </summary>
public sealed record SplitsTrainOptions
{
    /// <summary>Classifier or regressor.</summary>
    public SampleTask Task { get; init; } = SampleTask.Classifier;

    /// <summary>How clip pairs are drawn.</summary>
    public SampleOptions Samples { get; init; } = new();

    /// <summary>Epochs at most.</summary>
    public int Epochs { get; init; } = 25;

    /// <summary>Pairs per batch.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Adam's learning rate.</summary>
    public double LearningRate { get; init; } = 1e-4;

    /// <summary>Compression sizes (empty: none).</summary>
    public IReadOnlyList<int> CompressSizes { get; init; } = [128];

    /// <summary>The LSTM's hidden size.</summary>
    public int HiddenSize { get; init; } = 128;

    /// <summary>Post-LSTM sizes.</summary>
    public IReadOnlyList<int> PostLstmSizes { get; init; } = [64];

    /// <summary>A bidirectional LSTM.</summary>
    public bool Bidirectional { get; init; } = true;

    /// <summary><c>mlp</c> or <c>dot</c>.</summary>
    public string Interaction { get; init; } = "mlp";

    /// <summary>Dropout.</summary>
    public float Dropout { get; init; } = 0.5f;

    /// <summary>Epochs without a better validation loss before stopping.</summary>
    public int Patience { get; init; } = 5;

    /// <summary>At most this many training pairs, drawn evenly from the shuffled set (null: all).</summary>
    public int? MaxTrainPairs { get; init; }

    /// <summary>The original's <c>add_position_feature</c>: each frame's index appended to its features
    /// (<see cref="FramePositions"/>; recorded in the model, which appends it when it scans a video).</summary>
    public bool AddPositionFeature { get; init; }

    /// <summary>The original's <c>add_percent_completion_feature</c>: each frame's index ÷ the video's frame count
    /// appended to its features.</summary>
    public bool AddPercentCompletionFeature { get; init; }

    /// <summary>The seed of weights, dropout and batch order.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The trainer's numeric precision: <c>"32"</c> on the engine; <c>"bf16-mixed"</c> (torch-cpu, cuda) or
    /// <c>"16-mixed"</c> (cuda) on the TorchSharp twin (see <see cref="Lib.Tensors.Training.TrainingPrecision"/>).
    /// </summary>
    public string Precision { get; init; } = Lib.Tensors.Training.TrainingPrecision.Float32;

    /// <summary>The network's arguments for <paramref name="inputSize"/> features per frame.</summary>
    public SiameseLstmConfig ModelConfig(int inputSize) =>
        new()
        {
            InputSize = inputSize,
            CompressSizes = CompressSizes,
            HiddenSize = HiddenSize,
            PostLstmSizes = PostLstmSizes,
            Bidirectional = Bidirectional,
            InteractionType = Interaction,
            Dropout = Dropout,
        };

    /// <summary>The options as named values (for the card and the tracked run).</summary>
    public IReadOnlyDictionary<string, object?> Parameters()
    {
        var p = new Dictionary<string, object?>
        {
            ["task"] = Task.ToString().ToLowerInvariant(),
            ["epochs"] = Epochs,
            ["batch_size"] = BatchSize,
            ["learning_rate"] = LearningRate,
            ["compress_sizes"] = string.Join(',', CompressSizes),
            ["hidden_size"] = HiddenSize,
            ["post_lstm_sizes"] = string.Join(',', PostLstmSizes),
            ["bidirectional"] = Bidirectional,
            ["interaction"] = Interaction,
            ["dropout"] = Dropout,
            ["patience"] = Patience,
            ["max_train_pairs"] = MaxTrainPairs,
            ["seed"] = Seed,
            ["add_position_feature"] = AddPositionFeature,
            ["add_percent_completion_feature"] = AddPercentCompletionFeature,
        };
        foreach (var (k, v) in Samples.Parameters())
            p[k] = v;
        return p;
    }
}
