using Lib.Splits.Dataset;
using Lib.Splits.Model;
using Lib.Splits.Train;
using Lib.Tuning;

namespace Lib.Splits.Evaluate;

/// <summary>
/// What <see cref="SplitsTuneStep.Run"/> studies: the annotated videos with their features, the training options
/// every trial starts from, the grid (a <see cref="SearchSpace"/> over <see cref="SplitsTuneStep.Tunable"/>), the
/// folds whose training tracks each trial trains on (named by their held-out test track, which is never scored),
/// what a trial is judged by, the search's options (for <see cref="SplitsTuneObjective.SearchMae"/>), the study's
/// name and the run store.
/// </summary>
public sealed record SplitsTuneRequest
{
    /// <summary>The annotated runs with their frame features (at least three tracks: train, validate, test).</summary>
    public required IReadOnlyList<SplitVideo> Videos { get; init; }

    /// <summary>The per-frame feature's name (a shared setting of the study).</summary>
    public required string Feature { get; init; }

    /// <summary>The options every trial starts from; a trial replaces the values its parameters name.</summary>
    public SplitsTrainOptions Options { get; init; } = new();

    /// <summary>The grid (null: <see cref="SplitsTuneStep.DefaultSpace"/>).</summary>
    public SearchSpace? Space { get; init; }

    /// <summary>The folds, by held-out test track (null or empty: the fold of the first track in order).</summary>
    public IReadOnlyList<string>? TestTracks { get; init; }

    /// <summary>What a trial is judged by.</summary>
    public SplitsTuneObjective Objective { get; init; } = SplitsTuneObjective.MacroF1;

    /// <summary>The search's options when the objective is <see cref="SplitsTuneObjective.SearchMae"/>.</summary>
    public FindOptions Find { get; init; } = new();

    /// <summary>The study's name (null: <c>splits</c>); the same name resumes it.</summary>
    public string? StudyName { get; init; }

    /// <summary>The MLflow-compatible run store.</summary>
    public required string RunsFolder { get; init; }
}
