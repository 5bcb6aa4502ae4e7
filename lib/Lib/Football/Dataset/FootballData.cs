using System.Security.Cryptography;
using System.Text;
using Lib.Football.Cache;
using Lib.Football.Domain;

namespace Lib.Football.Dataset;

/// <summary>
/// What the dataset step gives (<see cref="FootballDatasetStep.Run"/>): the cached, validated table it was built from,
/// every play's normalised tracks, the tight-window labels, the samples (cut every half second from the snap through
/// pass and run plays) with the part of the split by game each is in, and the BDB plays' man/zone labels.
/// </summary>
public sealed record FootballData(
    CachedTracking Cached,
    IReadOnlyDictionary<PlayKey, PlayTracks> Tracks,
    IReadOnlyList<CoverageLabel> Coverage,
    IReadOnlyList<TrajectorySample> Samples,
    GameSplit Split,
    SampleOptions Options
)
{
    /// <summary>The samples of one part, in play and cut order.</summary>
    public IReadOnlyList<TrajectorySample> Of(DataSplit part) => [.. Samples.Where(s => s.Split == part)];

    /// <summary>The games of one part.</summary>
    public IReadOnlySet<long> Games(DataSplit part) =>
        Tracks.Keys.Select(k => k.GameId).Where(g => Split.Of(g) == part).ToHashSet();

    /// <summary>The plays with BDB's man/zone coverage labels (<see cref="Play.CoverageType"/>), which are read and
    /// reported, not trained on.</summary>
    public IReadOnlyList<Play> ManZonePlays => [.. Cached.Plays.Values.Where(p => p.CoverageType.Length > 0)];

    /// <summary>The data's identity for a model card: SHA-256 of the cached table's hash, the sample options and the
    /// split.</summary>
    public string Fingerprint
    {
        get
        {
            var table = Cached.Step.Manifest.Outputs.First(o => o.Path == "tracking.parquet").Sha256;
            var text = $"{table}|{Options}|{Split}";
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        }
    }

    /// <summary>Sample, play and game counts per part, with the labelled samples and their tight-window
    /// rate.</summary>
    public IReadOnlyList<SplitCount> Counts() =>
        [
            .. Enum.GetValues<DataSplit>()
                .Select(part =>
                {
                    var samples = Samples.Where(s => s.Split == part).ToList();
                    var labelled = samples.Where(s => s.Coverage is not null).ToList();
                    return new SplitCount(
                        part.ToString().ToLowerInvariant(),
                        samples.Select(s => s.Play.GameId).Distinct().Count(),
                        samples.Select(s => s.Play).Distinct().Count(),
                        samples.Count,
                        samples.Count(s => s.PlayType == PlayType.Pass),
                        samples.Count(s => s.PlayType == PlayType.Rush),
                        labelled.Count,
                        labelled.Count == 0 ? double.NaN : labelled.Average(s => s.Coverage!.TightWindow ? 1.0 : 0.0)
                    );
                }),
        ];
}

/// <summary>One part's line of <see cref="FootballData.Counts"/>.</summary>
public sealed record SplitCount(
    string Split,
    int Games,
    int Plays,
    int Samples,
    int PassSamples,
    int RushSamples,
    int CoverageSamples,
    double TightWindowRate
);
