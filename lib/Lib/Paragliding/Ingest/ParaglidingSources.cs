namespace Lib.Paragliding.Ingest;

/// <summary>
/// The files the model half of the paragliding workflow reads: the CFD flights, the takeoff mapping, the site list
/// and Glideator's site list and climatology. <see cref="FromFolder"/> finds them in a folder laid out like
/// <c>data/paragliding</c>.
/// </summary>
public sealed record ParaglidingSources(
    string Flights,
    string Takeoffs,
    string Launches,
    string ClimatologySites,
    string ClimatologyStats
)
{
    /// <summary>The bundled file names, relative to the data folder.</summary>
    public static ParaglidingSources Relative { get; } =
        new(
            "cfd_flights_2016_2017.csv",
            "takeoff_sites.csv",
            "pge_launches_fr.csv",
            Path.Combine("glideator", "sites.csv"),
            Path.Combine("glideator", "flight_stats.csv")
        );

    /// <summary>The sources in <paramref name="folder"/>; every file must exist.</summary>
    /// <exception cref="FileNotFoundException">A file is missing (named, with what it should hold).</exception>
    public static ParaglidingSources FromFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var r = Relative;
        var sources = new ParaglidingSources(
            Path.Combine(folder, r.Flights),
            Path.Combine(folder, r.Takeoffs),
            Path.Combine(folder, r.Launches),
            Path.Combine(folder, r.ClimatologySites),
            Path.Combine(folder, r.ClimatologyStats)
        );
        foreach (var (path, what) in sources.Files())
            if (!File.Exists(path))
                throw new FileNotFoundException($"{path} does not exist (expected {what}).", path);
        return sources;
    }

    /// <summary>Each file with what it holds.</summary>
    public IEnumerable<(string Path, string What)> Files() =>
        [
            (Flights, "the CFD flight listing"),
            (Takeoffs, "the takeoff → launch mapping"),
            (Launches, "the launch site list"),
            (ClimatologySites, "Glideator's site list"),
            (ClimatologyStats, "Glideator's monthly flight statistics"),
        ];
}
