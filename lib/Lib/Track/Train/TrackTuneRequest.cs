using Lib.Track.Domain;
using Lib.Track.Model;
using Lib.Tuning;

namespace Lib.Track.Train;

/// <summary>
/// What <see cref="TrackTuneStep"/> tunes: one gender's model, the settings every trial starts from, the search space
/// (<see cref="TrackSearchSpace.Default"/> unless given), the search, optional successive halving over epochs, and the
/// study's name in the tracking store.
/// </summary>
public sealed record TrackTuneRequest
{
    /// <summary>The gender whose model is tuned.</summary>
    public Gender Gender { get; init; } = Gender.Men;

    /// <summary>The settings each trial starts from before its parameters are applied; <see
    /// cref="TrackTrainOptions.MaxEpochs"/> is each trial's epoch limit (the largest budget under successive
    /// halving). <see cref="TrackTrainOptions.Refit"/> is ignored: trials are judged on the validation seasons.
    /// </summary>
    public TrackTrainOptions Options { get; init; } = new();

    /// <summary>The search space; null: <see cref="TrackSearchSpace.Default"/>.</summary>
    public SearchSpace? Space { get; init; }

    /// <summary>How trials are proposed (default: 20 seeded random trials).</summary>
    public ISearchStrategy Search { get; init; } = new RandomSearch(20);

    /// <summary>Successive halving with epochs as the budget; null runs every trial for
    /// <see cref="TrackTrainOptions.MaxEpochs"/>.</summary>
    public SuccessiveHalving? Halving { get; init; }

    /// <summary>The study's name; null: <c>track-men</c> or <c>track-women</c>.</summary>
    public string? Study { get; init; }

    /// <summary>The study's name as recorded in the store.</summary>
    public string StudyName => Study ?? $"track-{TrackModels.Name(Gender)}";

    /// <summary>The search space used.</summary>
    public SearchSpace SearchSpace => Space ?? TrackSearchSpace.Default();

    /// <summary>Successive halving up to <paramref name="maxEpochs"/>: rungs of <c>maxEpochs / eta²</c> (at least 1),
    /// then eta times more per rung while within <paramref name="maxEpochs"/>.</summary>
    public static SuccessiveHalving HalvingUpTo(int maxEpochs, int eta = 3) =>
        new(Math.Max(1, maxEpochs / (eta * eta)), Math.Max(1, maxEpochs), eta);
}
