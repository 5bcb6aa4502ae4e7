using Lib.Track.Cache;
using Lib.Track.Domain;

namespace Lib.Track.Dataset;

/// <summary>
/// Cuts athletes' event histories into windows: for every season of a history that has an earlier season of the same
/// label among the
/// <c>seasons</c> seasons before it, one window with those seasons as input and its peak as the label.
/// </summary>
public static class Windows
{
    /// <summary>Every window of <paramref name="histories"/>, history by history, target by target.</summary>
    public static List<Window> Build(IEnumerable<AthleteEventHistory> histories, int seasons = 4)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentOutOfRangeException.ThrowIfLessThan(seasons, 1);
        var windows = new List<Window>();
        foreach (var history in histories)
            for (var target = 1; target < history.Seasons.Count; target++)
            {
                var first = Math.Max(0, target - seasons);
                var label = history.Seasons[target].Season.Label;
                var hasSameLabel = false;
                for (var i = first; i < target && !hasSameLabel; i++)
                    hasSameLabel = history.Seasons[i].Season.Label == label;
                if (hasSameLabel)
                    windows.Add(new Window(history, first, target));
            }
        return windows;
    }
}
