using System.Globalization;
using Lib.Storage.DuckDb;

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
    public IngestResult Read()
    {
        if (!File.Exists(Path)) throw new FileNotFoundException($"The scraped table '{Path}' does not exist (run 'lab track scrape' or notebooks/track/01-scrape.dib first).", Path);
        var file = System.IO.Path.GetFileName(Path);
        using var db = DuckDbDatabase.OpenInMemory();
        using var connection = db.Connect();
        var result = connection.Query("""
            SELECT source_url, source_row, gender, event, athlete, athlete_id, team, mark, wind_text, CAST(date AS VARCHAR) AS date, season
            FROM read_parquet(?)
            """, Path);
        var urls = result.GetColumn<string?>("source_url");
        var sourceRows = result.GetColumn<int?>("source_row");
        var genders = result.GetColumn<string?>("gender");
        var events = result.GetColumn<string?>("event");
        var athletes = result.GetColumn<string?>("athlete");
        var ids = result.GetColumn<long?>("athlete_id");
        var teams = result.GetColumn<string?>("team");
        var marks = result.GetColumn<string?>("mark");
        var winds = result.GetColumn<string?>("wind_text");
        var dates = result.GetColumn<string?>("date");
        var seasons = result.GetColumn<string?>("season");

        var rows = new List<PerformanceRow>();
        var rejected = new List<RejectedRow>();
        for (var i = 0; i < result.RowCount; i++)
        {
            var line = i + 1;
            var text = string.Join(", ", urls[i], sourceRows[i]?.ToString(CultureInfo.InvariantCulture), events[i], athletes[i], marks[i], dates[i]);
            if (string.IsNullOrWhiteSpace(athletes[i]))
            {
                rejected.Add(new RejectedRow(file, line, "a team (relay) row names no athlete", text));
                continue;
            }
            if (dates[i] is null)
            {
                rejected.Add(new RejectedRow(file, line, "the page printed no date for the mark", text));
                continue;
            }
            var athlete = athletes[i]!.Trim();
            var key = ids[i] is { } id ? id.ToString(CultureInfo.InvariantCulture)
                : $"{athlete.ToUpperInvariant()}|{teams[i]?.Trim().ToUpperInvariant()}|{genders[i]}";
            var fields = new RowFields(athlete, key, teams[i], genders[i], events[i] ?? "", marks[i] ?? "", dates[i]!, winds[i], seasons[i]);
            if (RowParser.TryParse(Name, file, line, fields, out var row, out var reason)) rows.Add(row);
            else rejected.Add(new RejectedRow(file, line, reason, text));
        }
        return new IngestResult(rows, rejected);
    }
}
