namespace Lib.Paragliding.Scrape;

/// <summary>
/// What <see cref="ParaglidingScrapeStep.RunAsync"/> fetches: XContest addresses (absolute, or paths such as
/// <c>/flights_list_npe.html</c>), from <see cref="BaseUrl"/> (the live site, politely, through the response cache)
/// or, when it is null, from a loopback mirror of <see cref="MirrorFolder"/>'s saved pages; the CSV to write.
/// </summary>
public sealed record XContestScrapeRequest(
    IReadOnlyList<string> Addresses,
    string MirrorFolder,
    string? Csv = null,
    string? BaseUrl = null,
    string? CacheDirectory = null,
    Action<string>? Log = null
)
{
    /// <summary>Defaults under a repository root: the mirror of <c>data/paragliding/xcontest</c>, the live cache
    /// <c>artifacts/cache/xcontest</c> (used only with a base address).</summary>
    public static XContestScrapeRequest Under(string root, IReadOnlyList<string> addresses, string? csv = null) =>
        new(
            addresses,
            Path.Combine(root, "data", "paragliding", "xcontest"),
            csv,
            CacheDirectory: Path.Combine(root, "artifacts", "cache", "xcontest")
        );
}
