namespace Lib.Paragliding.Domain;

/// <summary>
/// The distances a forecast gives odds for: P(a flight from the site that day goes further than t km) for
/// t = 20, 30, …, 100. A label is 1 when a listed flight's scored distance is strictly greater than t.
/// </summary>
public static class DistanceThresholds
{
    /// <summary>The thresholds in km, increasing.</summary>
    public static IReadOnlyList<int> Km { get; } = [20, 30, 40, 50, 60, 70, 80, 90, 100];

    /// <summary>The number of thresholds.</summary>
    public static int Count => Km.Count;

    /// <summary>The column name of threshold <paramref name="index"/> in prediction files (<c>p_20</c> …).</summary>
    public static string Column(int index) => $"p_{Km[index]}";

    /// <summary>The labels of a day whose longest listed flight is <paramref name="maxKm"/> (0 when none).</summary>
    public static float[] Labels(double maxKm) => [.. Km.Select(t => maxKm > t ? 1f : 0f)];
}
