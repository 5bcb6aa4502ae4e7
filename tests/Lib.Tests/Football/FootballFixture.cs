using Lib.Football.Ingest;

namespace Lib.Tests.Football;

/// <summary>The bundled football data (<c>data/football</c>) read once for the tests that share it.</summary>
internal static class FootballFixture
{
    public static string DataFolder => Path.Combine(RepoPaths.Data, "football");

    public static string Slim => Path.Combine(DataFolder, "tracking.csv.gz");

    public static string Plays => Path.Combine(DataFolder, "plays.csv");

    public static string Raw => Path.Combine(DataFolder, "raw", "2018_DAL_2019011201_531.tsv.gz");

    public static string BdbCoords => Path.Combine(DataFolder, "bdb2023_sample", "bdb_coords.csv");

    private static readonly Lazy<TrackingTable> LazyTable = new(() =>
        FootballIngest.Run(FootballSources.FromFolder(DataFolder))
    );

    private static readonly Lazy<ValidationReport> LazyReport = new(() => TrackingValidator.Validate(Table));

    /// <summary>Every source of data/football in one table.</summary>
    public static TrackingTable Table => LazyTable.Value;

    /// <summary>The validator's report on <see cref="Table"/>.</summary>
    public static ValidationReport Report => LazyReport.Value;
}
