using System.Runtime.InteropServices;
using System.Text.Json;
using Lib.Display;
using Lib.Storage;
using Lib.Tensors.IO;
using Lib.Track.Domain;
using Lib.Track.Ingest;
using Lib.Workflow;

namespace Lib.Track.Cache;

/// <summary>
/// The cache step, the one orchestration <c>lab track train</c>/<c>evaluate</c> and the track notebooks call
/// (<see cref="Run"/>): the track workflow's derived-data cache step (<c>track-histories</c>): every source's
/// performances in one table,
/// the rejected rows, and per athlete's event history (athlete × gender × event) and season the peak and the marks
/// (value, days since the
/// previous mark, wind). Outputs: <c>performances.parquet</c>, <c>rejected.csv</c>, <c>sources.json</c>,
/// <c>seasons.parquet</c> (one row per history season) and <c>marks.safetensors</c> (the marks, in season order). The
/// step rebuilds only when a source file, the list of sources or this code's version changes; otherwise
/// <see cref="Build"/> just loads the outputs.
/// </summary>
public static class TrackCacheStep
{
    /// <summary>The cache step's name.</summary>
    public const string StepName = "track-histories";

    /// <summary>Bump when the outputs' content or layout changes.</summary>
    public const string CodeVersion = "3";

    /// <summary>The declared outputs.</summary>
    public static readonly IReadOnlyList<string> Outputs =
    [
        "performances.parquet",
        "rejected.csv",
        "sources.json",
        "seasons.parquet",
        "marks.safetensors",
    ];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The cache step for <paramref name="sources"/>: their files as inputs, their adapters as a
    /// parameter.</summary>
    public static CacheStep Definition(IReadOnlyList<IPerformanceSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
            throw new ArgumentException("The track cache needs at least one source of performances.", nameof(sources));
        return new CacheStep(StepName)
        {
            CodeVersion = CodeVersion,
            Inputs = [.. sources.Select(s => s.Path)],
            Parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["sources"] = string.Join("; ", sources.Select(s => $"{s.Describe()} <{Path.GetFileName(s.Path)}>")),
            },
            Outputs = [.. Outputs],
        };
    }

    /// <summary>
    /// The step as the CLI and the notebooks run it: the bundled sources of
    /// <see cref="TrackCacheRequest.DataDirectory"/> plus
    /// the optional scraped table and season-best lists, cached under <see cref="TrackCacheRequest.CacheDirectory"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">An optional source file that was named does not exist.</exception>
    /// <exception cref="DirectoryNotFoundException">The data folder has no <c>tfrrs/</c> folder of bundled
    /// CSVs.</exception>
    public static TrackData Run(TrackCacheRequest request, IProgressReporter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var file in new[] { request.ScrapedTable, request.SeasonBestLists })
            if (file is not null && !File.Exists(file))
                throw new FileNotFoundException($"The source file '{file}' does not exist.", file);
        if (!Directory.Exists(Path.Combine(request.DataDirectory, "tfrrs")))
            throw new DirectoryNotFoundException($"'{request.DataDirectory}' has no tfrrs/ folder of bundled CSVs.");
        var sources = PerformanceSources.Default(request.DataDirectory, request.ScrapedTable, request.SeasonBestLists);
        return Build(new DerivedCache(request.CacheDirectory), sources, request.Force, progress);
    }

    /// <summary>
    /// Builds the step when stale (or with <paramref name="force"/>) and loads it: an unchanged re-run reads the
    /// cached files only.
    /// </summary>
    public static TrackData Build(
        DerivedCache cache,
        IReadOnlyList<IPerformanceSource> sources,
        bool force = false,
        IProgressReporter? progress = null
    )
    {
        ArgumentNullException.ThrowIfNull(cache);
        var result = cache.Run(Definition(sources), build => Write(build, sources, progress), force);
        return TrackData.Load(result);
    }

    private static void Write(CacheBuild build, IReadOnlyList<IPerformanceSource> sources, IProgressReporter? progress)
    {
        using var task = progress?.Start("Reading the sources", sources.Count, "files");
        var rows = new List<Performance>();
        var rejected = new List<RejectedRecord>();
        var summaries = new List<SourceSummary>();
        foreach (var source in sources)
        {
            task?.SetStatus(Path.GetFileName(source.Path));
            var read = source.Read();
            rows.AddRange(read.Rows);
            rejected.AddRange(read.Rejected);
            summaries.Add(
                new SourceSummary(
                    source.Name,
                    Path.GetFileName(source.Path),
                    source.Describe(),
                    read.Rows.Count,
                    read.Rejected.Count,
                    read.Rows.Count(r => r.Mark.IsValid)
                )
            );
            task?.Advance();
        }
        task?.SetStatus("grouping histories");
        var histories = HistoryBuilder.Build(rows);

        WritePerformances(rows, build.PathOf("performances.parquet"));
        RecordTable.Write(rejected, build.PathOf("rejected.csv"));
        AtomicFile.WriteAllText(build.PathOf("sources.json"), JsonSerializer.Serialize(summaries, Json));
        WriteSeasons(histories, build.PathOf("seasons.parquet"), build.PathOf("marks.safetensors"));
        build.SetRows("performances.parquet", rows.Count);
        build.SetRows("rejected.csv", rejected.Count);
        build.SetRows("seasons.parquet", histories.Sum(f => f.Seasons.Count));
        build.SetRows("marks.safetensors", histories.Sum(f => f.Seasons.Sum(s => s.Marks.Count)));
        task?.Complete();
    }

    private static void WritePerformances(List<Performance> rows, string path) =>
        RecordTable.Write(rows.Select(Cached), path);

    private static CachedPerformance Cached(Performance r) =>
        r is { AthleteKey: { } key, Athlete: { } athlete, Date: { } date, Season: { } season }
            ? new CachedPerformance(
                r.Source,
                r.File,
                r.Line,
                key,
                athlete,
                r.Team,
                r.Gender.Code(),
                r.Event.Code,
                r.Event.Family.ToString(),
                r.Mark.Text,
                r.Mark.Value,
                r.Mark.Unit.ToString().ToLowerInvariant(),
                r.Mark.StatusCode,
                r.Wind?.Value,
                date,
                season.Code(),
                SeasonId.Of(season, date).ToString(),
                r.SeasonInferred
            )
            : throw new InvalidOperationException(
                $"{r.File}, line {r.Line}: an adapter accepted a row without an athlete, date or season."
            );

    private static void WriteSeasons(List<AthleteEventHistory> histories, string parquet, string safetensors)
    {
        var values = new List<double>();
        var winds = new List<double>();
        var dates = new List<long>();
        var days = new List<long>();
        var rows = new List<SeasonRow>();
        foreach (var f in histories)
        foreach (var s in f.Seasons)
        {
            rows.Add(
                new SeasonRow(
                    f.Id,
                    f.AthleteKey,
                    f.Athlete,
                    f.Gender.Code(),
                    f.Event.Code,
                    f.Event.Family.ToString(),
                    s.Season.Label.Code(),
                    s.Season.Year,
                    s.Season.Order,
                    s.Season.ToString(),
                    s.Peak,
                    s.Marks.Count,
                    values.Count,
                    s.Marks[0].Date,
                    s.Marks[^1].Date
                )
            );
            foreach (var m in s.Marks)
            {
                values.Add(m.Value);
                winds.Add(m.Wind ?? double.NaN);
                dates.Add(m.Date.DayNumber);
                days.Add(m.DaysSincePrevious);
            }
        }
        RecordTable.Write(rows, parquet);
        SafeTensors.Save(
            safetensors,
            new Dictionary<string, SafeTensor>
            {
                ["value"] = Float64(values),
                ["wind"] = Float64(winds),
                ["date"] = SafeTensor.FromInt64(CollectionsMarshal.AsSpan(dates), dates.Count),
                ["days"] = SafeTensor.FromInt64(CollectionsMarshal.AsSpan(days), days.Count),
            },
            new Dictionary<string, string>
            {
                ["lab.track"] =
                    "marks of seasons.parquet rows, in row order: value (s, m or points), wind (m/s, NaN = "
                    + "none), date (day number), days since the history's previous mark",
            }
        );
    }

    private static SafeTensor Float64(List<double> values) =>
        new("F64", [values.Count], MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(values)).ToArray());
}
