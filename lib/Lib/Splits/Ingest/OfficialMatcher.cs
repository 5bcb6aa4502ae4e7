using Lib.Splits.Domain;

namespace Lib.Splits.Ingest;

/// <summary>
/// Finds, for each annotated run, the official run of the same rider whose sector times match best: the rider id
/// (<c>amaury_pierron</c>) is matched to the timing's names (<c>PIERRON Amaury</c>) by their words, compared without
/// case or accents; every official run of that rider with the compared sectors present is a candidate, scored by its
/// largest absolute sector difference (ties by the mean). Compared twice: all five sectors, and sectors 2–5.
/// </summary>
public static class OfficialMatcher
{
    /// <summary>The default tolerance: a match is within 1 s on every compared sector.</summary>
    public const double DefaultToleranceSeconds = 1.0;

    /// <summary>
    /// Two matches per run of <paramref name="config"/> (sectors 1–5, then 2–5), in the config's order.
    /// </summary>
    public static IReadOnlyList<OfficialMatch> Match(
        VideoConfig config,
        IReadOnlyList<TimingRow> official,
        double toleranceSeconds = DefaultToleranceSeconds
    )
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(official);
        var byRider = official.GroupBy(r => WordsKey(r.Rider)).ToDictionary(g => g.Key, g => g.ToList());
        var matches = new List<OfficialMatch>();
        foreach (var run in config.Runs)
        {
            var sectors = run.SectorSeconds;
            byRider.TryGetValue(WordsKey(run.RiderId.Replace('_', ' ')), out var rows);
            foreach (var (label, from) in new[] { ("1-5", 0), ("2-5", 1) })
                matches.Add(Best(run, sectors, rows ?? [], label, from, toleranceSeconds));
        }
        return matches;
    }

    private static OfficialMatch Best(
        AnnotatedRun run,
        IReadOnlyList<double> sectors,
        List<TimingRow> rows,
        string label,
        int from,
        double tolerance
    )
    {
        if (sectors.Count != 5)
            return new(run.TrackId, run.RiderId, label, false, null, null, null, 0, $"{sectors.Count} sectors, not 5");
        if (rows.Count == 0)
            return new(run.TrackId, run.RiderId, label, false, null, null, null, 0, "rider not in the timing");
        TimingRow? best = null;
        double bestMax = double.PositiveInfinity,
            bestMean = double.PositiveInfinity;
        int candidates = 0;
        foreach (var row in rows)
        {
            var official = row.SectorSeconds;
            if (Enumerable.Range(from, 5 - from).Any(k => official[k] is null))
                continue;
            candidates++;
            var diffs = Enumerable
                .Range(from, 5 - from)
                .Select(k => Math.Abs(sectors[k] - official[k]!.Value))
                .ToList();
            double max = diffs.Max(),
                mean = diffs.Average();
            if (max < bestMax || (max == bestMax && mean < bestMean))
                (best, bestMax, bestMean) = (row, max, mean);
        }
        if (best is null)
            return new(
                run.TrackId,
                run.RiderId,
                label,
                false,
                null,
                null,
                null,
                0,
                "no official run with these sectors"
            );
        return new(
            run.TrackId,
            run.RiderId,
            label,
            bestMax <= tolerance,
            best,
            bestMax,
            bestMean,
            candidates,
            bestMax <= tolerance ? "" : $"over {tolerance:0.###} s"
        );
    }

    /// <summary>
    /// A name's words, upper case without accents or punctuation, sorted: word order does not matter.
    /// </summary>
    public static string WordsKey(string name) =>
        string.Join(
            " ",
            name.Split([' ', '-', '_', '\''], StringSplitOptions.RemoveEmptyEntries)
                .Select(OfficialTiming.NameKey)
                .Where(w => w.Length > 0)
                .Order(StringComparer.Ordinal)
        );
}
