using Lib.Track.Domain;

namespace Lib.Track.Dataset;

/// <summary>
/// Hand-made features of a window for the boosted trees (issue 19): the same input seasons the network reads, as
/// numbers a tree can split on. Ratios are logs of marks over the last peak, signed so that a better mark is positive
/// in every event (a time lower than the last peak, a distance higher). The target the trees learn is
/// <see cref="Gain"/>: the target peak's signed log ratio to the last peak.
/// </summary>
public static class WindowFeatures
{
    /// <summary>The features' names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "higher_is_better",
        "family",
        "target_label",
        "last_label_is_target",
        "z_last_peak",
        "gain_last_same_label_peak",
        "gain_best_peak",
        "gain_mean_of_peaks",
        "gain_mean_of_last_two_peaks",
        "gain_per_season_trend",
        "seasons",
        "same_label_seasons",
        "marks",
        "marks_last_season",
        "gain_last_mark",
        "gain_median_last_season",
        "years_spanned",
        "wind_aided_share",
        "gain_same_label_progression",
        "last_season_label",
    ];

    /// <summary>How many features there are.</summary>
    public static int Count => Names.Count;

    /// <summary>The signed log ratio of <paramref name="mark"/> to <paramref name="reference"/>: positive when the mark
    /// is better in <paramref name="ev"/>'s direction.</summary>
    public static double Gain(EventInfo ev, double mark, double reference)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var log = Math.Log(mark / reference);
        return ev.Direction == EventDirection.HigherIsBetter ? log : -log;
    }

    /// <summary>The mark <paramref name="gain"/> away from <paramref name="reference"/> (the inverse of
    /// <see cref="Gain"/>).</summary>
    public static double FromGain(EventInfo ev, double gain, double reference)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return reference * Math.Exp(ev.Direction == EventDirection.HigherIsBetter ? gain : -gain);
    }

    /// <summary>The features of input seasons <paramref name="inputs"/> (oldest first) of <paramref name="ev"/>
    /// forecasting a season labelled <paramref name="target"/>; <paramref name="scale"/> is the event's
    /// standardisation.</summary>
    public static float[] Of(EventInfo ev, IReadOnlyList<HistorySeason> inputs, Season target, EventScale scale)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(scale);
        if (inputs.Count == 0)
            throw new ArgumentException("Features need at least one season.", nameof(inputs));
        var last = inputs[^1];
        var reference = last.Peak;
        double G(double mark) => Gain(ev, mark, reference);
        var same = inputs.Where(s => s.Season.Label == target).ToList();
        var best = inputs.Select(s => s.Peak).Aggregate((a, b) => ev.IsBetter(a, b) ? a : b);
        var gains = inputs.Select(s => G(s.Peak)).ToList();
        var marks = inputs.SelectMany(s => s.Marks).ToList();
        var lastMarks = last.Marks.Select(m => G(m.Value)).Order().ToList();
        var winded = marks.Count(m => m.Wind is not null);
        return
        [
            ev.Direction == EventDirection.HigherIsBetter ? 1 : 0,
            (float)ev.Family,
            (float)target,
            last.Season.Label == target ? 1 : 0,
            (float)scale.ToZ(reference) * (ev.Direction == EventDirection.HigherIsBetter ? 1 : -1),
            same.Count == 0 ? 0 : (float)G(same[^1].Peak),
            (float)G(best),
            (float)gains.Average(),
            (float)gains.TakeLast(2).Average(),
            (float)Slope(gains),
            inputs.Count,
            same.Count,
            marks.Count,
            last.Marks.Count,
            last.Marks.Count == 0 ? 0 : (float)G(last.Marks[^1].Value),
            lastMarks.Count == 0 ? 0 : (float)lastMarks[lastMarks.Count / 2],
            marks.Count == 0 ? 0 : (float)((marks[^1].Date.DayNumber - marks[0].Date.DayNumber) / 365.25),
            winded == 0 ? 0 : (float)marks.Count(m => m.Wind > 2.0) / winded,
            same.Count < 2 ? 0 : (float)Gain(ev, same[^1].Peak, same[^2].Peak),
            (float)last.Season.Label,
        ];
    }

    /// <summary>The least-squares slope of <paramref name="values"/> over their positions (0 for one value): the gain
    /// per season, oldest first.</summary>
    internal static double Slope(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
            return 0;
        var meanX = (values.Count - 1) / 2.0;
        var meanY = values.Average();
        double sxy = 0,
            sxx = 0;
        for (var i = 0; i < values.Count; i++)
        {
            sxy += (i - meanX) * (values[i] - meanY);
            sxx += (i - meanX) * (i - meanX);
        }
        return sxy / sxx;
    }
}
