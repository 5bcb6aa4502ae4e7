using Lib.Track.Domain;

namespace Lib.Track.Ingest;

/// <summary>The sources the track workflow trains on by default, and the optional ones.</summary>
public static class PerformanceSources
{
    /// <summary>The Big South histories file in <c>data/tfrrs</c>.</summary>
    public const string BigSouthFile = "big_south_tfrrs_performances.csv";

    /// <summary>The Lehigh men's histories file in <c>data/tfrrs</c>.</summary>
    public const string LehighFile = "alclev_lehigh_athletes.csv";

    /// <summary>The two files of D2 men's meet results in <c>data/tfrrs</c>.</summary>
    public static readonly IReadOnlyList<string> MeetResultFiles =
    [
        "lukejsd_M_athlete_results.csv",
        "lukejsd_Mathlete_results_2020_indoor.csv",
    ];

    /// <summary>
    /// The bundled CSV files of <paramref name="dataDirectory"/> (the repository's <c>data/</c>): Big South
    /// histories, Lehigh men, and the two files of D2 men's meet results (one source, <c>lukejsd</c>: an athlete in
    /// both files is one athlete).
    /// </summary>
    public static IReadOnlyList<IPerformanceSource> Bundled(string dataDirectory)
    {
        var tfrrs = Path.Combine(dataDirectory, "tfrrs");
        return
        [
            new BigSouthCsv(Path.Combine(tfrrs, BigSouthFile)),
            new TeamAthletesCsv(Path.Combine(tfrrs, LehighFile), Gender.Men, "Lehigh"),
            new MeetResultsCsv(Path.Combine(tfrrs, MeetResultFiles[0]), Gender.Men),
            new MeetResultsCsv(Path.Combine(tfrrs, MeetResultFiles[1]), Gender.Men),
        ];
    }

    /// <summary>
    /// The bundled sources plus, when given, a scraped table (<c>lab track scrape</c>'s <c>performances.parquet</c>)
    /// and the NCAA 2012–2019 season-best lists (a path to the <c>.csv.gz</c>, which is not bundled).
    /// </summary>
    public static IReadOnlyList<IPerformanceSource> Default(
        string dataDirectory,
        string? scrapedTable = null,
        string? seasonBestLists = null
    )
    {
        var sources = Bundled(dataDirectory).ToList();
        if (scrapedTable is not null)
            sources.Add(new ScrapedPerformances(scrapedTable));
        if (seasonBestLists is not null)
            sources.Add(new SeasonBestListsCsv(seasonBestLists));
        return sources;
    }
}
