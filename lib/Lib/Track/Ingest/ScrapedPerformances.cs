using System.Globalization;
using Lib.Storage;
using Lib.Track.Domain;
using Lib.Track.Scrape;
using Lib.Workflow;

namespace Lib.Track.Ingest;

/// <summary>
/// The table <c>lab track scrape</c> writes (<c>performances.parquet</c>, see <see cref="Scrape.PerformanceTable"/>):
/// the scraped pages' rows with their own season and wind. An athlete is TFRRS's athlete id when the page linked
/// one, else the name, team and gender. Relay rows of lists name a team, not an athlete, and are rejected.
/// </summary>
public sealed class ScrapedPerformances(string path, string name = "scraped") : IPerformanceSource
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public string Path { get; } = path ?? throw new ArgumentNullException(nameof(path));

    /// <inheritdoc />
    public string Describe() => $"scraped-parquet {Name}";

    /// <inheritdoc />
    public IngestResult<Performance> Read()
    {
        if (!File.Exists(Path))
            throw new FileNotFoundException(
                $"The scraped table '{Path}' does not exist (run 'lab track scrape' or "
                    + "notebooks/track/01-scrape.dib first).",
                Path
            );
        var file = System.IO.Path.GetFileName(Path);
        var table = RecordTable.Read<ScrapedRow>(Path);
        var rows = new List<Performance>();
        var rejected = new List<RejectedRecord>();
        for (var i = 0; i < table.Count; i++)
        {
            var line = i + 1;
            var r = table[i];
            var date = r.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var text = string.Join(
                ", ",
                r.SourceUrl,
                r.SourceRow.ToString(CultureInfo.InvariantCulture),
                r.Event,
                r.Athlete,
                r.Mark,
                date
            );
            if (string.IsNullOrWhiteSpace(r.Athlete))
            {
                rejected.Add(RejectedRecord.AtLine(file, line, "a team (relay) row names no athlete", text));
                continue;
            }
            if (date is null)
            {
                rejected.Add(RejectedRecord.AtLine(file, line, "the page printed no date for the mark", text));
                continue;
            }
            var athlete = r.Athlete.Trim();
            var key = r.AthleteId is { } id
                ? id.ToString(CultureInfo.InvariantCulture)
                : $"{athlete.ToUpperInvariant()}|{r.Team?.Trim().ToUpperInvariant()}|{r.Gender}";
            var fields = new RowFields(athlete, key, r.Team, r.Gender, r.Event, r.Mark, date, r.WindText, r.Season);
            if (RowParser.TryParse(Name, file, line, fields, out var row, out var reason))
                rows.Add(row);
            else
                rejected.Add(RejectedRecord.AtLine(file, line, reason, text));
        }
        return new IngestResult<Performance>(rows, rejected);
    }
}
