using Lib.Track.Domain;

namespace Lib.Track.Dataset;

/// <summary>Which part of the data a window belongs to.</summary>
public enum WindowSplit
{
    /// <summary>Fits the weights and the per-event standardisation.</summary>
    Train,

    /// <summary>Chooses the epoch (early stopping).</summary>
    Validation,

    /// <summary>Held out for the final comparison with the baselines.</summary>
    Test,
}

/// <summary>
/// A time-aware split by the season a window forecasts: the latest target seasons are the test seasons, the ones just
/// before them validation, and a window trains only when its target season comes before every validation and test
/// season.
/// Since a window's inputs precede its target, no training window sees anything from a validation or test season: no
/// athlete's future leaks into training. The same plan serves both genders.
/// </summary>
/// <param name="Validation">The validation seasons, in time order.</param>
/// <param name="Test">The test seasons, in time order.</param>
public sealed record SplitPlan(IReadOnlyList<SeasonId> Validation, IReadOnlyList<SeasonId> Test)
{
    /// <summary>The latest <paramref name="testSeasons"/> target seasons of <paramref name="windows"/> for test, the
    /// <paramref name="validationSeasons"/> before them for validation.</summary>
    /// <param name="windows">The windows of both genders.</param>
    /// <param name="testSeasons">How many of the latest target seasons are test seasons.</param>
    /// <param name="validationSeasons">How many before them are validation seasons.</param>
    /// <param name="backtest">How many of the latest target seasons to leave out entirely first (0: none): a
    /// rehearsal of the test on earlier seasons, for choosing between settings without touching the test seasons;
    /// windows forecasting a left-out season belong to no split.</param>
    public static SplitPlan Latest(
        IEnumerable<Window> windows,
        int testSeasons = 2,
        int validationSeasons = 2,
        int backtest = 0
    )
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentOutOfRangeException.ThrowIfLessThan(testSeasons, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(validationSeasons, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(backtest);
        var all = windows.Select(w => w.TargetSeason.Season).Distinct().Order().ToList();
        var targets = all.Take(Math.Max(0, all.Count - backtest)).ToList();
        if (targets.Count < testSeasons + validationSeasons + 1)
            throw new ArgumentException(
                $"The windows forecast {targets.Count} distinct seasons ({string.Join(", ", targets)})"
                    + (backtest > 0 ? $" before the {backtest} latest left out for a backtest" : "")
                    + $"; a split into {testSeasons} test, {validationSeasons} validation and at least one training "
                    + $"season needs {testSeasons + validationSeasons + 1}.",
                nameof(windows)
            );
        return new SplitPlan(
            targets.Skip(targets.Count - testSeasons - validationSeasons).Take(validationSeasons).ToList(),
            targets.TakeLast(testSeasons).ToList()
        );
    }

    /// <summary>The plan written as <c>2025 Outdoor, 2025 XC | 2026 Indoor, 2026 Outdoor</c> (validation |
    /// test).</summary>
    public override string ToString() => $"{string.Join(", ", Validation)} | {string.Join(", ", Test)}";

    /// <summary>The first season that is not for training.</summary>
    public SeasonId Cutoff => Validation.Concat(Test).Min();

    /// <summary>The split of <paramref name="window"/>, or null when its target season is after the cutoff but in
    /// neither list.</summary>
    public WindowSplit? Of(Window window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var season = window.TargetSeason.Season;
        if (Test.Contains(season))
            return WindowSplit.Test;
        if (Validation.Contains(season))
            return WindowSplit.Validation;
        return season.Order < Cutoff.Order ? WindowSplit.Train : null;
    }

    /// <summary>The windows of one split.</summary>
    public List<Window> Select(IEnumerable<Window> windows, WindowSplit split) =>
        [.. windows.Where(w => Of(w) == split)];
}
