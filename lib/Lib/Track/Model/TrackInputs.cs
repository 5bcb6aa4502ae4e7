using Lib.Track.Dataset;
using Lib.Track.Domain;

namespace Lib.Track.Model;

/// <summary>
/// What a track model needs besides its weights and arguments (the inputs of its
/// <see cref="Lib.Workflow.ModelCard{TConfig, TInputs}"/>):
/// the gender it forecasts, the events in head order, each event's standardisation (fitted on the training split), the
/// split it was trained and validated on, and the sources of its data.
/// </summary>
public sealed record TrackInputs
{
    /// <summary>Men or women.</summary>
    public required Gender Gender { get; init; }

    /// <summary>Event codes in head order.</summary>
    public required IReadOnlyList<string> Events { get; init; }

    /// <summary>Each event's standardisation, by code.</summary>
    public required IReadOnlyDictionary<string, EventScale> Scales { get; init; }

    /// <summary>The validation seasons (<c>2025 Outdoor</c> ...).</summary>
    public required IReadOnlyList<string> ValidationSeasons { get; init; }

    /// <summary>The held-out test seasons.</summary>
    public required IReadOnlyList<string> TestSeasons { get; init; }

    /// <summary>The sources' adapters and files.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>
    /// The per-family weight of the network's change from the last peak, fitted on the validation seasons (null: the
    /// network alone, as models trained before the blend).
    /// </summary>
    public FamilyBlend? Blend { get; init; }

    /// <summary>
    /// How the boosted trees (<c>trees.zip</c>, issue 19) mix with the network per event family, fitted on the
    /// validation seasons (null: no trees, the network and its blend alone).
    /// </summary>
    public TreeMix? Trees { get; init; }

    /// <summary>
    /// The networks averaged (an ensemble of seeds): <c>model.safetensors</c> holds the first,
    /// <c>member-1.safetensors</c> … the others; their forecasts in z-space are averaged before the blend.
    /// </summary>
    public int Members { get; init; } = 1;

    /// <summary>The split as a plan.</summary>
    public SplitPlan Split() =>
        new([.. ValidationSeasons.Select(SeasonId.Parse)], [.. TestSeasons.Select(SeasonId.Parse)]);
}
