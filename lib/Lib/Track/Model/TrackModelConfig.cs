using Lib.Track.Dataset;
using Lib.Track.Domain;

namespace Lib.Track.Model;

/// <summary>
/// The hierarchical model's shape, recorded in the model card (<c>model.json</c>) and checked against the weights on
/// load. Defaults: K = 4
/// seasons of L = 32 marks, season and across-season LSTMs of 32, a season-label embedding of 4, layer-norm + linear
/// heads
/// with a shared output layer, dropout 0.2 on the heads' input, and the change from the last peak as the output (chosen
/// on
/// the validation seasons among the head variants, with and without the shared layer, and the residual bases).
/// </summary>
public sealed record TrackModelConfig
{
    /// <summary>K, the seasons a window reads.</summary>
    public int Seasons { get; init; } = 4;

    /// <summary>L, the latest marks kept per season.</summary>
    public int MarksPerSeason { get; init; } = 32;

    /// <summary>The season LSTM's hidden size.</summary>
    public int SeasonHidden { get; init; } = 32;

    /// <summary>The across-season LSTM's hidden size.</summary>
    public int AcrossHidden { get; init; } = 32;

    /// <summary>The season-label embedding's size (indoor, outdoor, cross country).</summary>
    public int LabelEmbedding { get; init; } = 4;

    /// <summary>The per-event heads.</summary>
    public HeadKind Head { get; init; } = HeadKind.LayerNormLinear;

    /// <summary>Whether the heads add an output layer shared by all events (each event's weights are then offsets from
    /// it, so rare events borrow from common ones).</summary>
    public bool SharedHead { get; init; } = true;

    /// <summary>Dropout on the heads' input while training.</summary>
    public float Dropout { get; init; } = 0.2f;

    /// <summary>What the output (in z-space) is added to.</summary>
    public ResidualBase Residual { get; init; } = ResidualBase.LastPeak;

    /// <summary>The heads' input size: the across-season state, the target label's embedding and the summary
    /// features.</summary>
    public int HeadInput => AcrossHidden + LabelEmbedding + WindowEncoder.SummaryFeatures;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public TrackModelConfig Validate()
    {
        void Positive(int value, string name)
        {
            if (value < 1)
                throw new ArgumentException($"Model setting {name} must be at least 1, got {value}.");
        }
        Positive(Seasons, nameof(Seasons));
        Positive(MarksPerSeason, nameof(MarksPerSeason));
        Positive(SeasonHidden, nameof(SeasonHidden));
        Positive(AcrossHidden, nameof(AcrossHidden));
        Positive(LabelEmbedding, nameof(LabelEmbedding));
        if (!(Dropout >= 0 && Dropout < 1))
            throw new ArgumentException($"Model setting Dropout must be in [0, 1), got {Dropout}.");
        if (!Enum.IsDefined(Head))
            throw new ArgumentException($"Model setting Head '{Head}' is not mlp32, layernorm or linear.");
        return this;
    }

    /// <summary>Reads a head name as written on command lines and in notebooks: <c>mlp32</c>, <c>layernorm</c> (or
    /// <c>layer-norm</c>, <c>ln</c>), <c>linear</c>.</summary>
    public static HeadKind ParseHead(string text) =>
        text.Trim().ToLowerInvariant().Replace("-", "").Replace("_", "").Replace("+", "") switch
        {
            "mlp32" or "mlp" => HeadKind.Mlp32,
            "layernorm" or "ln" or "layernormlinear" or "lnlinear" => HeadKind.LayerNormLinear,
            "linear" => HeadKind.Linear,
            _ => throw new ArgumentException(
                $"'{text}' is not a head variant: mlp32, layernorm (layer-norm + linear) or linear."
            ),
        };
}
