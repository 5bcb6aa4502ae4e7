using Lib.Track.Model;

namespace Lib.Track.Train;

/// <summary>
/// How to train one gender's model: the model's shape, AdamW with L1 loss in z-space, early stopping on the validation
/// error in percent of the mark, and the split. The defaults train in a minute or two per gender on two cores.
/// </summary>
public sealed record TrackTrainOptions
{
    /// <summary>The model's shape.</summary>
    public TrackModelConfig Model { get; init; } = new();

    /// <summary>The epoch limit.</summary>
    public int MaxEpochs { get; init; } = 150;

    /// <summary>Epochs without a better validation error before stopping.</summary>
    public int Patience { get; init; } = 25;

    /// <summary>Windows per batch.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>AdamW's learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>AdamW's decoupled weight decay on weight matrices (biases, norms and embeddings' 1-D parameters get
    /// none).</summary>
    public double WeightDecay { get; init; } = 0.01;

    /// <summary>
    /// Weights each window's L1 loss in z-space by its event's σ over its actual peak, so that the loss is the error in
    /// percent of the mark, the metric the model is judged by; false: plain L1 in z-space.
    /// </summary>
    public bool PercentLoss { get; init; }

    /// <summary>The largest gradient norm (clipped above it).</summary>
    public double ClipNorm { get; init; } = 1.0;

    /// <summary>The trainer's numeric precision: only <c>"32"</c> (the engine is float32; see
    /// <see cref="Lib.Tensors.Training.TrainingPrecision"/>).</summary>
    public string Precision { get; init; } = Lib.Tensors.Training.TrainingPrecision.Float32;

    /// <summary>The seed of initialisation, shuffling and dropout.</summary>
    public long Seed { get; init; }

    /// <summary>
    /// After early stopping has chosen each network's number of epochs on the validation seasons, and the blend and
    /// the trees' mix have been fitted there, train every network afresh on the training and validation windows
    /// together for its number of epochs (the standardisation refitted on both); the blend, the trees and the mix
    /// stay as fitted. The test seasons stay unseen. On by default (issue 19), chosen on two backtests
    /// (<see cref="Backtest"/> 2 and 3, seeds 0–4, mean error below the best baseline: women 9.7% → 10.8% and
    /// 15.5% → 17.3%, men 5.5% → 5.3% and 8.2% → 8.4%) and on the NCAA lists cut at 2017-01-01 (within the seeds'
    /// spread: women 2.42–2.47% against 2.43–2.44%, men 2.18–2.19% against 2.18–2.20%); regrowing the trees on both
    /// as well was as good on the backtests and worse on the lists (men 2.26%).
    /// </summary>
    public bool Refit { get; init; } = true;

    /// <summary>
    /// Also train on the other gender's training windows of the events this gender has (each standardised in its own
    /// gender's scale), so that thin events borrow strength; validation and the scales stay this gender's. On by
    /// default: chosen on the validation seasons (seeds 0–2: women 3.40% → 3.29%, men 3.18% → 3.13%).
    /// </summary>
    public bool PoolGenders { get; init; } = true;

    /// <summary>
    /// Fit a per-family <see cref="FamilyBlend"/> of the network and the last peak on the validation seasons and keep
    /// it in the card (with <see cref="Refit"/>, fitted before the refit).
    /// </summary>
    public bool Blend { get; init; } = true;

    /// <summary>Networks trained with seeds <see cref="Seed"/>, <see cref="Seed"/> + 1, … and averaged (1: one
    /// network).</summary>
    public int Ensemble { get; init; } = 1;

    /// <summary>
    /// Grow boosted trees on the windows' hand-made features and mix them with the network per event family on the
    /// validation seasons (issue 19; needs <see cref="Blend"/>; grown on the training windows, also with
    /// <see cref="Refit"/>); null: the network alone.
    /// </summary>
    public TreeSettings? Trees { get; init; } = new();

    /// <summary>The latest target seasons held out for the test.</summary>
    public int TestSeasons { get; init; } = 2;

    /// <summary>The target seasons before them used for early stopping.</summary>
    public int ValidationSeasons { get; init; } = 2;

    /// <summary>
    /// Leave the latest this many target seasons out entirely and split what precedes them as usual (0: no backtest):
    /// a rehearsal of the test on earlier seasons, so that a choice between settings is made without the test
    /// seasons (the card records the shifted split, so <c>lab track evaluate</c> scores the rehearsal's test).
    /// </summary>
    public int Backtest { get; init; }

    /// <summary>Tiny settings for smoke runs: 3 epochs, small LSTMs.</summary>
    public static TrackTrainOptions Smoke { get; } =
        new()
        {
            Model = new TrackModelConfig
            {
                SeasonHidden = 8,
                AcrossHidden = 8,
                LabelEmbedding = 2,
                MarksPerSeason = 8,
            },
            MaxEpochs = 3,
            Patience = 3,
            BatchSize = 128,
        };
}
