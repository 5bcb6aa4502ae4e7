namespace Lib.Splits.Model;

/// <summary>How the target video is searched.</summary>
public sealed record FindOptions
{
    /// <summary>How the points are chosen: <see cref="SplitSearchKind.Align"/> (the default: the whole source aligned
    /// to the whole target, then each point read off to a fraction of a frame) or
    /// <see cref="SplitSearchKind.Candidates"/> (each point scanned alone, then an ordered choice among the scanned
    /// frames).</summary>
    public SplitSearchKind Search { get; init; } = SplitSearchKind.Align;

    /// <summary>Candidates only: scan every this many frames, then refine each point found frame by frame within the
    /// stride.</summary>
    public int Stride { get; init; } = 1;

    /// <summary>The stride videos are scanned at: 1 to align, <see cref="Stride"/> for candidates.</summary>
    public int ScanStride => Search == SplitSearchKind.Align ? 1 : Stride;

    /// <summary>Candidates only: consecutive points are at least this far apart (seconds).</summary>
    public double MinGapSeconds { get; init; } = 1.0;

    /// <summary>The half-width of the window whose softmax share is a point's confidence (seconds).</summary>
    public double ConfidenceWindowSeconds { get; init; } = 0.5;

    /// <summary>Align only: the half-width (seconds of the source) of the target frames a point's line is fitted
    /// to.</summary>
    public double FitWindowSeconds { get; init; } = 2.0;

    /// <summary>Align only: the start's line is fitted to target frames placed from this far (seconds of the source)
    /// after it, the finish's to those from this far before it; 0 (the default) takes all but the half frame next to
    /// the end.</summary>
    public double EndGapSeconds { get; init; }

    /// <summary>Align only: how far (seconds of the source) into the run the start's and finish's lines reach. Longer
    /// than <see cref="FitWindowSeconds"/>: an end has frames on one side only, and its line is the interior warp
    /// extrapolated (4 s chosen on the validation tracks over 2, 3, 5 and 6 s).</summary>
    public double EndWindowSeconds { get; init; } = 4.0;

    /// <summary>Align only: the start's line takes only target frames after the last one placed at the start, the
    /// finish's only those before the first placed at the finish (a still shot's frames read as motion are cut
    /// off).</summary>
    public bool EndCut { get; init; }

    /// <summary>Align only: how far (frames) from the alignment path a target frame's source position is looked
    /// for.</summary>
    public int PlaceRadius { get; init; } = 3;

    /// <summary>Align only: what the time warping aligns: the model's clip logits (−log σ) or the frames'
    /// embeddings in <see cref="PlaceOn"/> (cosine distance).</summary>
    public AlignCost AlignOn { get; init; } = AlignCost.Frames;

    /// <summary>Align only: the frames' embeddings the warping (with <see cref="AlignCost.Frames"/>) and the placing
    /// of each target frame between source frames compare: the scaled input features the model reads (the default,
    /// chosen on the validation tracks) or the model's per-frame compression.</summary>
    public FrameSpace PlaceOn { get; init; } = FrameSpace.Features;

    /// <summary>What is done with the points found: nothing, or each refined by registering the target's frames
    /// around it against the source's frame at the point, at the videos' own rate (<see cref="PointRefiner"/>).
    /// Register is the default, chosen on the validation tracks.</summary>
    public PointRefine Refine { get; init; } = PointRefine.Register;

    /// <summary>Refinement: the half-width (seconds) of the target frames registered around a split.</summary>
    public double RefineWindowSeconds { get; init; } = 1.0;

    /// <summary>Refinement: the half-width (seconds) of the target frames registered around the start and
    /// finish (wider: the coarse ends are the least sure).</summary>
    public double RefineEndWindowSeconds { get; init; } = 2.0;

    /// <summary>Refinement: a frame whose phase correlation peak with the source's frame is below this does not
    /// count (<see cref="FrameRegistration"/>).</summary>
    public double RefineMinCorrelation { get; init; } = 0.05;

    /// <summary>Refinement: a point with no answer in its window nor the doubled one is looked for again within
    /// this (seconds) of the coarse answer: every other target frame there is registered, and the window is
    /// centred on the best-correlated (<see cref="PointRefiner"/>); 0 turns it off.</summary>
    public double RefineRelocateSeconds { get; init; } = 4.0;
}

/// <summary>What is done with the points a search found.</summary>
public enum PointRefine
{
    /// <summary>They stand as found.</summary>
    None,

    /// <summary>Each is refined by image registration at the videos' own rate (<see cref="PointRefiner"/>).</summary>
    Register,
}

/// <summary>How a search chooses points.</summary>
public enum SplitSearchKind
{
    /// <summary>Dynamic time warping of the two videos on the model's clip logits, then a line per point.</summary>
    Align,

    /// <summary>A scan per point and an ordered choice among candidates (<see cref="OrderedChoice"/>).</summary>
    Candidates,
}

/// <summary>The space frames are compared in.</summary>
public enum FrameSpace
{
    /// <summary>The model's per-frame compression of the scaled features.</summary>
    Compressed,

    /// <summary>The scaled features the model reads.</summary>
    Features,
}

/// <summary>What the time warping of two videos minimises.</summary>
public enum AlignCost
{
    /// <summary>−log σ of the model's logit for the clips ending at the two frames.</summary>
    Clips,

    /// <summary>The cosine distance of the two frames' embeddings (<see cref="FindOptions.PlaceOn"/>).</summary>
    Frames,
}
