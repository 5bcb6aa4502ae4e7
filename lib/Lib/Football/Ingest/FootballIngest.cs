using Lib.Football.Domain;

namespace Lib.Football.Ingest;

/// <summary>
/// Reads every source of a <see cref="FootballSources"/> into one <see cref="TrackingTable"/>: <c>plays.csv</c>
/// first, then the slim CSVs (their plays come from <c>plays.csv</c>), the raw NGS files and the BDB files (which
/// carry their own plays). Rows of a play the plays table does not know are left out (one
/// <see cref="ValidationRule.UnknownPlay"/> issue per play); a play already read from an earlier file is left out of
/// the later one (<see cref="ValidationRule.DuplicatePlay"/>). Nothing is left out without an issue.
/// </summary>
public static class FootballIngest
{
    /// <summary>Reads the sources, keeping the seasons and weeks of <paramref name="selection"/>.</summary>
    public static TrackingTable Run(FootballSources sources, TrackingSelection? selection = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        selection ??= TrackingSelection.All;
        var known = new Dictionary<PlayKey, Play>();
        var leftOut = new List<ValidationIssue>();
        if (sources.Plays is { } playsPath)
        {
            var (plays, issues) = PlaysReader.Read(playsPath);
            leftOut.AddRange(issues);
            foreach (var p in plays.Where(p => selection.Includes(p.Season, p.Week)))
                known.TryAdd(p.Key, p);
        }
        var rows = new List<TrackingRow>();
        var taken = new Dictionary<PlayKey, string>(); // play → the file its rows came from
        var kept = new Dictionary<PlayKey, Play>();
        var accounts = new List<TrackingFileAccount>();
        var files = sources
            .Slim.Select(p => (Func<TrackingFile>)(() => SlimTrackingReader.Read(p, selection)))
            .Concat(sources.Raw.Select(p => (Func<TrackingFile>)(() => RawNgsReader.Read(p, selection))))
            .Concat(sources.Bdb.Select(p => (Func<TrackingFile>)(() => BdbTrackingReader.Read(p, selection))));
        foreach (var read in files)
        {
            var file = read();
            var own = file.Plays.ToDictionary(p => p.Key);
            int before = rows.Count;
            var issues = new List<ValidationIssue>(file.Issues);
            foreach (var group in file.Rows.GroupBy(r => r.Play))
            {
                var play = own.GetValueOrDefault(group.Key) ?? known.GetValueOrDefault(group.Key);
                var first = group.First();
                if (play is null)
                    issues.Add(
                        Issue(ValidationRule.UnknownPlay, file, first, group.Count(), "is not in the plays table")
                    );
                else if (taken.TryGetValue(group.Key, out var earlier) && earlier != file.Source)
                    issues.Add(
                        Issue(ValidationRule.DuplicatePlay, file, first, group.Count(), $"was read from {earlier}")
                    );
                else
                {
                    taken[group.Key] = file.Source;
                    kept[group.Key] = play;
                    rows.AddRange(group);
                }
            }
            leftOut.AddRange(issues);
            accounts.Add(
                new TrackingFileAccount(
                    file.Source,
                    file.Format.ToString(),
                    file.Records,
                    rows.Count - before,
                    file.Records - (rows.Count - before),
                    file.Rows.Select(r => r.Play)
                        .Where(k => taken.GetValueOrDefault(k) == file.Source)
                        .Distinct()
                        .Count()
                )
            );
        }
        return new TrackingTable(rows, kept, accounts, leftOut);
    }

    private static ValidationIssue Issue(
        ValidationRule rule,
        TrackingFile file,
        TrackingRow first,
        int count,
        string why
    ) =>
        new(
            rule,
            file.Source,
            first.GameId,
            first.PlayId,
            first.Line,
            null,
            null,
            $"play {first.Play} {why}: its {count} rows are left out",
            LeftOut: true
        );
}
