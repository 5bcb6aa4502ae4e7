using Lib.Track.Cache;
using Lib.Track.Domain;

namespace Lib.Track.Dataset;

/// <summary>
/// One forecasting example: an athlete's event history's seasons <see cref="First"/>..<see cref="Target"/>-1 (the last
/// few seasons
/// before the target, of any label, one of them of the target's label) and the target season, whose peak is the label
/// to predict. The window "ends at" season <see cref="Target"/>-1 and forecasts the next season of the target's label.
/// </summary>
/// <param name="History">The athlete's history in the event.</param>
/// <param name="First">Index of the first input season in <see cref="AthleteEventHistory.Seasons"/>.</param>
/// <param name="Target">Index of the target season; the inputs are the seasons before it.</param>
public sealed record Window(AthleteEventHistory History, int First, int Target)
{
    /// <summary>The input seasons, oldest first.</summary>
    public IReadOnlyList<HistorySeason> Inputs => [.. History.Seasons.Skip(First).Take(Target - First)];

    /// <summary>The season whose peak is forecast.</summary>
    public HistorySeason TargetSeason => History.Seasons[Target];

    /// <summary>The target season's label (indoor, outdoor, cross country).</summary>
    public Season Label => TargetSeason.Season.Label;

    /// <summary>The target: the peak of the target season.</summary>
    public double Actual => TargetSeason.Peak;

    /// <summary>The most recent input season, of any label.</summary>
    public HistorySeason Last => History.Seasons[Target - 1];

    /// <summary>The most recent input season with the target's label (every window has one).</summary>
    public HistorySeason LastSameLabel
    {
        get
        {
            for (var i = Target - 1; i >= First; i--)
                if (History.Seasons[i].Season.Label == Label)
                    return History.Seasons[i];
            throw new InvalidOperationException($"Window {this} has no input season labelled {Label}.");
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{History.Athlete} {History.Event.Code}: {string.Join(", ", Inputs.Select(s => s.Season))} → "
        + $"{TargetSeason.Season}";
}
