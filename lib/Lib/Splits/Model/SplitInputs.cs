using Lib.Splits.Dataset;

namespace Lib.Splits.Model;

/// <summary>
/// What a split model needs besides its weights: what it was trained for (classifier or regressor), the clip
/// length, the features it reads and their scale, the regressor's target unit, and the fold it was trained on
/// (so an evaluation can refuse a track the model has seen).
/// </summary>
public sealed record SplitInputs
{
    /// <summary>Classifier (same place or not) or regressor (offset).</summary>
    public required SampleTask Task { get; init; }

    /// <summary>Frames per clip.</summary>
    public required int ClipLength { get; init; }

    /// <summary>The name of the per-frame feature (<c>resnet18</c>, <c>thumbnail</c>, …).</summary>
    public required string Feature { get; init; }

    /// <summary>The standardisation fitted on the training videos.</summary>
    public required FeatureScale Scale { get; init; }

    /// <summary>Regressor: the network's output times this is the offset in frames.</summary>
    public double OffsetUnitFrames { get; init; } = 240;

    /// <summary>The tracks trained on.</summary>
    public IReadOnlyList<string> TrainTracks { get; init; } = [];

    /// <summary>The track that validated training (none: empty).</summary>
    public string ValidationTrack { get; init; } = "";

    /// <summary>The track held out for the test (leave-one-track-out).</summary>
    public string TestTrack { get; init; } = "";

    /// <summary>The original's <c>add_position_feature</c>: each frame's index is appended to its features
    /// (<see cref="FramePositions"/>).</summary>
    public bool AddPositionFeature { get; init; }

    /// <summary>The original's <c>add_percent_completion_feature</c>: each frame's index ÷ the video's frame count is
    /// appended to its features.</summary>
    public bool AddPercentCompletionFeature { get; init; }

    /// <summary>A video's cached features as this model reads them: with the frame position inputs it was trained
    /// with appended.</summary>
    public FeatureSequence Prepare(FeatureSequence video) =>
        FramePositions.Append(video, AddPositionFeature, AddPercentCompletionFeature);

    /// <summary>The sample options, by name.</summary>
    public IReadOnlyDictionary<string, object> Samples { get; init; } = new Dictionary<string, object>();
}
