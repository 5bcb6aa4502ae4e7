namespace Lib.Track.Scrape;

/// <summary>What the scrape step did: the scrape's result, where the pages came from, and the files it wrote.</summary>
/// <param name="Result">The rows, the skipped rows, one report per page and the fetcher's counters.</param>
/// <param name="Site">The address the pages were fetched from.</param>
/// <param name="FromMirror">Whether that was the loopback mirror of the saved pages.</param>
/// <param name="TablePath"><c>performances.parquet</c>.</param>
/// <param name="CsvPath"><c>performances.csv</c>, or null when not asked for.</param>
/// <param name="SkippedPath"><c>skipped.csv</c>: the rows the pages held that were not understood, with page, place and
/// reason.</param>
public sealed record TrackScrapeOutcome(
    ScrapeResult Result,
    Uri Site,
    bool FromMirror,
    string TablePath,
    string? CsvPath,
    string SkippedPath
)
{
    /// <summary>One line: performances, pages read, rows skipped, pages failed, the fetcher's counters and how many
    /// pages each source served (<c>served by mirror 7, http://127.0.0.1:5000 1</c>).</summary>
    public string Summary =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{Result.Rows.Count} performances from {Result.Pages.Count(p => p.Ok)} of {Result.Pages.Count} "
                + $"pages, {Result.Skipped.Count} rows skipped, {Result.Failed.Count} pages failed ({Result.Stats}); "
                + $"served by {Sources}."
        );

    /// <summary>Each source with the number of pages it served, in order of first use.</summary>
    public string Sources =>
        string.Join(
            ", ",
            Result
                .Pages.GroupBy(p => p.Source ?? "?")
                .Select(g => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{g.Key} {g.Count()}"))
        );
}
