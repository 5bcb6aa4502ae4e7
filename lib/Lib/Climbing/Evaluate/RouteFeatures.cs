using Lib.Climbing.Domain;

namespace Lib.Climbing.Evaluate;

/// <summary>
/// Simple numbers about a route for the linear baseline: how many holds, how much height it gains
/// (the finish holds' mean y minus the start holds' mean y, in board units of [-1, 1]), and the mean and
/// longest reach between consecutive hand holds taken bottom to top (foot holds left out).
/// </summary>
public sealed record RouteFeatures(int HoldCount, double HeightGained, double MeanReach, double MaxReach)
{
    /// <summary>The names of <see cref="Values"/>, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["hold_count", "height_gained", "mean_reach", "max_reach"];

    /// <summary>The features as a vector.</summary>
    public double[] Values => [HoldCount, HeightGained, MeanReach, MaxReach];

    /// <summary>The features of <paramref name="route"/>.</summary>
    public static RouteFeatures Of(Route route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var hands = route.Holds.Where(h => h.Role != HoldRole.Foot).OrderBy(h => h.Y).ThenBy(h => h.X).ToList();
        double Mean(HoldRole role, double fallback) =>
            route.Holds.Where(h => h.Role == role).Select(h => h.Y).DefaultIfEmpty(fallback).Average();
        double low = hands.Count > 0 ? hands[0].Y : 0,
            high = hands.Count > 0 ? hands[^1].Y : 0;
        var reaches = new List<double>();
        for (int i = 1; i < hands.Count; i++)
            reaches.Add(Math.Sqrt(Sq(hands[i].X - hands[i - 1].X) + Sq(hands[i].Y - hands[i - 1].Y)));
        return new RouteFeatures(
            route.Holds.Count,
            Mean(HoldRole.Finish, high) - Mean(HoldRole.Start, low),
            reaches.Count > 0 ? reaches.Average() : 0,
            reaches.Count > 0 ? reaches.Max() : 0
        );
    }

    private static double Sq(double v) => v * v;
}
