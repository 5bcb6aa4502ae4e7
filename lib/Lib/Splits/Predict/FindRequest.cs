using Lib.Splits.Dataset;
using Lib.Splits.Domain;
using Lib.Splits.Model;

namespace Lib.Splits.Predict;

/// <summary>
/// What <see cref="SplitsPredictStep.Run"/> finds: the sources' annotations (the config may hold a source alone),
/// the folder of videos (<c>DIR/&lt;track_id&gt;/&lt;rider_id&gt;.mp4</c>; a target's video is found by its path),
/// the model folder, which track and which pairs, the output CSV, and the feature source for a video path.
/// </summary>
public sealed record FindRequest
{
    /// <summary>The annotations (the sources' points).</summary>
    public required VideoConfig Config { get; init; }

    /// <summary>The folder of videos.</summary>
    public required string VideosFolder { get; init; }

    /// <summary>A model folder, or a folder of per-track models.</summary>
    public required string ModelFolder { get; init; }

    /// <summary>The per-frame features of a video, given its path.</summary>
    public required Func<string, FeatureSequence> Features { get; init; }

    /// <summary>Only this track (null: every track of the config).</summary>
    public string? TrackId { get; init; }

    /// <summary>The source rider (with <see cref="TargetRider"/>).</summary>
    public string? SourceRider { get; init; }

    /// <summary>The target rider: its video need not be annotated.</summary>
    public string? TargetRider { get; init; }

    /// <summary>Every ordered pair of the track's annotated riders.</summary>
    public bool AllPairs { get; init; }

    /// <summary>Called with each model as it is loaded, before it runs (<c>--device</c>: the model's
    /// <see cref="SplitModel.Runner"/>); null leaves it on the engine.</summary>
    public Action<SplitModel>? Prepare { get; init; }

    /// <summary>Where <c>preds.csv</c> goes (null: not written).</summary>
    public string? OutputCsv { get; init; }

    /// <summary>How the target is scanned.</summary>
    public FindOptions Find { get; init; } = new();
}
