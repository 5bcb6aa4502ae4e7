namespace Lib.Splits.Dataset;

/// <summary>
/// How clip pairs are drawn: the original splittimer's <c>generate_training_samples(_regression).py</c> parameters,
/// with its defaults (<c>run_pipeline.sh</c>: F = 50, one negative per positive, 50 augmented positives per segment,
/// every beta parameter 0.5, seed 1, and <c>--ignore_first_split</c> there set by the caller).
/// </summary>
public sealed record SampleOptions
{
    /// <summary>Frames per clip (F); a clip ends at its sample's frame.</summary>
    public int ClipLength { get; init; } = 50;

    /// <summary>Beta distribution α of an augmented positive's position in segments after the first.</summary>
    public double Alpha { get; init; } = 0.5;

    /// <summary>Beta distribution β in segments after the first.</summary>
    public double Beta { get; init; } = 0.5;

    /// <summary>Beta distribution α in the first segment (start to split 1).</summary>
    public double AlphaSplit0 { get; init; } = 0.5;

    /// <summary>Beta distribution β in the first segment.</summary>
    public double BetaSplit0 { get; init; } = 0.5;

    /// <summary>Augmented positives drawn per segment (0 in validation and test sets, as the original).</summary>
    public int AugmentedPerSegment { get; init; } = 50;

    /// <summary>Negatives drawn per positive.</summary>
    public int NegativesPerPositive { get; init; } = 1;

    /// <summary>Regressor: non-overlapping pairs drawn per rider pair.</summary>
    public int NonOverlappingSamples { get; init; } = 50;

    /// <summary>Leave the first point (the start) out of the positives at points.</summary>
    public bool IgnoreFirstSplit { get; init; }

    /// <summary>
    /// A negative's target frame is at least this many frames from the matching frame. The original (0) only
    /// refuses the matching frame itself, so a negative one frame away from its positive is an identical clip with
    /// the opposite label. <em>Departure</em> (lab default 4 frames = 0.5 s at the features' 8 fps).
    /// </summary>
    public int NegativeMinGap { get; init; } = 4;

    /// <summary>
    /// Negatives and augmented positives may end anywhere from frame 0 (clips reaching before the first frame repeat
    /// it). The original starts them F − 1 frames after the first point, so a model never sees the start shot and
    /// cannot find the start itself. <em>Departure</em> (lab default true).
    /// </summary>
    public bool FromVideoStart { get; init; } = true;

    /// <summary>
    /// The share of negatives drawn near their positive: within <see cref="NearNegativeWindow"/> frames of the
    /// matching frame (and at least <see cref="NegativeMinGap"/> from it) rather than anywhere. Uniform negatives are
    /// nearly all far from the positive and easy, so a model trained on them alone scores a wide band around the
    /// matching place; near ones teach it where the place is to a fraction of a second. <em>Departure</em> (the
    /// original: 0; lab default 0.5).
    /// </summary>
    public double NearNegatives { get; init; } = 0.5;

    /// <summary>The half-width of the window near negatives are drawn in (frames; lab default 24 = 3 s at
    /// 8 fps).</summary>
    public int NearNegativeWindow { get; init; } = 24;

    /// <summary>The seed of every draw.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The options as named values (for a model card or a run).</summary>
    public IReadOnlyDictionary<string, object> Parameters() =>
        new Dictionary<string, object>
        {
            ["clip_length"] = ClipLength,
            ["alpha"] = Alpha,
            ["beta"] = Beta,
            ["alpha_split_0"] = AlphaSplit0,
            ["beta_split_0"] = BetaSplit0,
            ["augmented_per_segment"] = AugmentedPerSegment,
            ["negatives_per_positive"] = NegativesPerPositive,
            ["non_overlapping_samples"] = NonOverlappingSamples,
            ["ignore_first_split"] = IgnoreFirstSplit,
            ["negative_min_gap"] = NegativeMinGap,
            ["from_video_start"] = FromVideoStart,
            ["near_negatives"] = NearNegatives,
            ["near_negative_window"] = NearNegativeWindow,
            ["sample_seed"] = Seed,
        };

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value out of range, naming the option.</exception>
    public void Validate()
    {
        if (ClipLength < 1)
            throw new ArgumentException($"clip length must be ≥ 1; got {ClipLength}.");
        foreach (var (name, v) in new[] { ("alpha", Alpha), ("beta", Beta), ("alpha_split_0", AlphaSplit0) })
            if (!(v > 0))
                throw new ArgumentException($"{name} must be > 0; got {v}.");
        if (!(BetaSplit0 > 0))
            throw new ArgumentException($"beta_split_0 must be > 0; got {BetaSplit0}.");
        if (!(NearNegatives >= 0 && NearNegatives <= 1))
            throw new ArgumentException($"near_negatives must be in [0, 1]; got {NearNegatives}.");
        if (NearNegatives > 0 && NearNegativeWindow <= NegativeMinGap)
            throw new ArgumentException(
                $"near_negative_window ({NearNegativeWindow}) must exceed negative_min_gap ({NegativeMinGap})."
            );
        if (AugmentedPerSegment < 0 || NegativesPerPositive < 0 || NonOverlappingSamples < 0 || NegativeMinGap < 0)
            throw new ArgumentException("sample counts and the negative gap must be ≥ 0.");
    }
}
