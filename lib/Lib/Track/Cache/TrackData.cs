using System.Runtime.InteropServices;
using System.Text.Json;
using Lib.Storage;
using Lib.Tensors.IO;
using Lib.Track.Domain;

namespace Lib.Track.Cache;

/// <summary>
/// The track cache loaded: the athletes' event histories with their seasons and marks, what each source gave, and where
/// the
/// step's files are (query <see cref="PerformancesPath"/> or <see cref="RejectedPath"/> with DuckDB).
/// </summary>
public sealed class TrackData
{
    private TrackData(
        CacheResult cache,
        IReadOnlyList<AthleteEventHistory> histories,
        IReadOnlyList<SourceSummary> sources
    )
    {
        Cache = cache;
        Histories = histories;
        Sources = sources;
    }

    /// <summary>The cache step's result: its folder, whether it was rebuilt and why, its manifest.</summary>
    public CacheResult Cache { get; }

    /// <summary>Every athlete's event history, in id order.</summary>
    public IReadOnlyList<AthleteEventHistory> Histories { get; }

    /// <summary>Rows and rejections per source.</summary>
    public IReadOnlyList<SourceSummary> Sources { get; }

    /// <summary>All sources' performances in one table (Parquet).</summary>
    public string PerformancesPath => Cache.PathOf("performances.parquet");

    /// <summary>The rows the sources could not read, with file, line and reason (CSV).</summary>
    public string RejectedPath => Cache.PathOf("rejected.csv");

    /// <summary>One row per history season (Parquet).</summary>
    public string SeasonsPath => Cache.PathOf("seasons.parquet");

    /// <summary>The SHA-256 of <c>seasons.parquet</c> and <c>marks.safetensors</c> together: identifies the data a
    /// model was trained on.</summary>
    public string Fingerprint =>
        string.Join(
            "+",
            Cache
                .Manifest.Outputs.Where(o => o.Path is "seasons.parquet" or "marks.safetensors")
                .OrderBy(o => o.Path, StringComparer.Ordinal)
                .Select(o => o.Sha256[..16])
        );

    /// <summary>The histories of one gender.</summary>
    public IReadOnlyList<AthleteEventHistory> Of(Gender gender) => [.. Histories.Where(f => f.Gender == gender)];

    /// <summary>One line for logs and notebooks: whether the cache was built (and why) or loaded, the histories, the
    /// rows read and rejected.</summary>
    public string Describe() =>
        Cache.Rebuilt
            ? $"Built the track cache ({Cache.Reason}): {Histories.Count} athletes' event histories from "
                + $"{Sources.Sum(s => s.Rows)} rows, {Sources.Sum(s => s.Rejected)} rejected (see {RejectedPath})."
            : $"Loaded the track cache: {Histories.Count} athletes' event histories (sources unchanged).";

    /// <summary>Loads the outputs of a built <see cref="TrackCacheStep"/> step.</summary>
    public static TrackData Load(CacheResult cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var sources = JsonSerializer.Deserialize<List<SourceSummary>>(File.ReadAllText(cache.PathOf("sources.json")))
            ?? throw new InvalidDataException($"{cache.PathOf("sources.json")}: expected a list of sources.");
        var (tensors, _) = SafeTensors.Load(cache.PathOf("marks.safetensors"));
        var values = Float64(tensors, "value", cache);
        var winds = Float64(tensors, "wind", cache);
        var dates = Int64(tensors, "date", cache);
        var days = Int64(tensors, "days", cache);

        var path = cache.PathOf("seasons.parquet");
        var rows = RecordTable.Read<SeasonRow>(path);
        var histories = new List<AthleteEventHistory>();
        var seasons = new List<HistorySeason>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var marks = new MarkPoint[row.Marks];
            for (var j = 0; j < marks.Length; j++)
            {
                var k = row.FirstMark + j;
                marks[j] = new MarkPoint(
                    DateOnly.FromDayNumber((int)dates[k]),
                    values[k],
                    (int)days[k],
                    double.IsNaN(winds[k]) ? null : winds[k]
                );
            }
            var label = SeasonNames.FromText(row.Season)
                ?? throw new InvalidDataException(
                    $"{path}: row {i + 1}: season '{row.Season}' is not indoor, outdoor or xc."
                );
            seasons.Add(new HistorySeason(new SeasonId(label, row.SeasonYear), row.Peak, marks));
            if (i + 1 == rows.Count || rows[i + 1].History != row.History)
            {
                var gender = GenderCodes.FromText(row.Gender)
                    ?? throw new InvalidDataException($"{path}: row {i + 1}: gender '{row.Gender}'.");
                histories.Add(
                    new AthleteEventHistory(
                        row.History,
                        row.AthleteKey,
                        row.Athlete,
                        gender,
                        EventCatalogue.Get(row.Event),
                        seasons
                    )
                );
                seasons = [];
            }
        }
        return new TrackData(cache, histories, sources);
    }

    private static double[] Float64(Dictionary<string, SafeTensor> tensors, string name, CacheResult cache) =>
        tensors.TryGetValue(name, out var t) && t.DType == "F64"
            ? MemoryMarshal.Cast<byte, double>(t.Data).ToArray()
            : throw new InvalidDataException($"{cache.PathOf("marks.safetensors")}: expected an F64 tensor '{name}'.");

    private static long[] Int64(Dictionary<string, SafeTensor> tensors, string name, CacheResult cache) =>
        tensors.TryGetValue(name, out var t) && t.DType == "I64"
            ? MemoryMarshal.Cast<byte, long>(t.Data).ToArray()
            : throw new InvalidDataException($"{cache.PathOf("marks.safetensors")}: expected an I64 tensor '{name}'.");
}
