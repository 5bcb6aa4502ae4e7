using Lib.Track.Domain;

namespace Lib.Track.Dataset;

/// <summary>An event's standardisation: z = (mark − <see cref="Mean"/>) / <see cref="Std"/>, in the event's
/// unit.</summary>
public sealed record EventScale(double Mean, double Std)
{
    /// <summary>The z-score of a mark.</summary>
    public double ToZ(double mark) => (mark - Mean) / Std;

    /// <summary>The mark of a z-score.</summary>
    public double FromZ(double z) => Mean + z * Std;
}

/// <summary>
/// Per-event standardisation fitted on training windows only: every mark of every season the training windows use
/// (inputs and targets, each history season once). An event whose marks do not spread (fewer than two, or all equal)
/// gets a standard deviation of 1% of its mean.
/// </summary>
public static class EventScales
{
    /// <summary>The scale of each event of <paramref name="training"/>, by event code.</summary>
    public static Dictionary<string, EventScale> Fit(IEnumerable<Window> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var seen = new HashSet<(int History, int Season)>();
        var sums = new Dictionary<string, (double Sum, double Squares, long N)>(StringComparer.Ordinal);
        foreach (var w in training)
            for (var i = w.First; i <= w.Target; i++)
            {
                if (!seen.Add((w.History.Id, i)))
                    continue;
                var (sum, squares, n) = sums.GetValueOrDefault(w.History.Event.Code);
                foreach (var m in w.History.Seasons[i].Marks)
                {
                    sum += m.Value;
                    squares += m.Value * m.Value;
                    n++;
                }
                sums[w.History.Event.Code] = (sum, squares, n);
            }
        return sums.ToDictionary(
            kv => kv.Key,
            kv =>
            {
                var (sum, squares, n) = kv.Value;
                var mean = sum / n;
                var variance = n > 1 ? Math.Max(0, squares / n - mean * mean) : 0;
                var std = Math.Sqrt(variance);
                return new EventScale(mean, std > 1e-9 * Math.Abs(mean) && std > 0 ? std : Math.Abs(mean) * 0.01);
            },
            StringComparer.Ordinal
        );
    }
}
