using Lib.Track.Cache;

namespace Lib.Track.Dataset;

/// <summary>
/// Cuts families into windows: for every season of a family that has an earlier season of the same label among the
/// <c>seasons</c> seasons before it, one window with those seasons as input and its peak as the label.
/// </summary>
public static class Windows
{
    /// <summary>Every window of <paramref name="families"/>, family by family, target by target.</summary>
    public static List<Window> Build(IEnumerable<Family> families, int seasons = 4)
    {
        ArgumentNullException.ThrowIfNull(families);
        ArgumentOutOfRangeException.ThrowIfLessThan(seasons, 1);
        var windows = new List<Window>();
        foreach (var family in families)
            for (var target = 1; target < family.Seasons.Count; target++)
            {
                var first = Math.Max(0, target - seasons);
                var label = family.Seasons[target].Season.Label;
                var hasSameLabel = false;
                for (var i = first; i < target && !hasSameLabel; i++) hasSameLabel = family.Seasons[i].Season.Label == label;
                if (hasSameLabel) windows.Add(new Window(family, first, target));
            }
        return windows;
    }
}
