using System.Globalization;
using Lib.Charts;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lib.Tracking;

/// <summary>A run read back from the store: its meta fields, parameters, tags and metric histories.</summary>
public sealed record RunRecord(
    string RunId,
    string RunName,
    string ExperimentId,
    RunStatus Status,
    DateTimeOffset StartTime,
    DateTimeOffset? EndTime,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, IReadOnlyList<MetricPoint>> Metrics
)
{
    /// <summary>Reads the run in <paramref name="directory"/>.</summary>
    /// <exception cref="InvalidDataException">A metric file has a malformed line (the message names file and
    /// line).</exception>
    public static RunRecord Load(string directory)
    {
        var meta = MetaYaml.Read(Path.Combine(directory, "meta.yaml"));
        long Time(string key) => long.Parse(meta.GetValueOrDefault(key) ?? "0", CultureInfo.InvariantCulture);
        return new RunRecord(
            meta.GetValueOrDefault("run_id") ?? Path.GetFileName(directory),
            meta.GetValueOrDefault("run_name") ?? "",
            meta.GetValueOrDefault("experiment_id") ?? "",
            (RunStatus)int.Parse(meta.GetValueOrDefault("status") ?? "1", CultureInfo.InvariantCulture),
            DateTimeOffset.FromUnixTimeMilliseconds(Time("start_time")),
            meta.GetValueOrDefault("end_time") is null
                ? null
                : DateTimeOffset.FromUnixTimeMilliseconds(Time("end_time")),
            ReadFiles(Path.Combine(directory, "params")),
            ReadFiles(Path.Combine(directory, "tags")),
            ReadFiles(Path.Combine(directory, "metrics"))
                .ToDictionary(
                    kv => kv.Key,
                    kv => (IReadOnlyList<MetricPoint>)ParseMetric(Path.Combine(directory, "metrics", kv.Key), kv.Value)
                )
        );
    }

    /// <summary>The last value of <paramref name="metric"/>, or null when it was never logged.</summary>
    public double? Last(string metric) =>
        Metrics.TryGetValue(metric, out var points) && points.Count > 0 ? points[^1].Value : null;

    /// <summary>A chart of the metric histories against step (all metrics, or those named).</summary>
    /// <exception cref="KeyNotFoundException">The run has none of the named metrics (or no metrics at all).</exception>
    public GenericChart HistoryChart(params string[] metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var series = Metrics
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Where(kv => metrics.Length == 0 || metrics.Contains(kv.Key))
            .Select(kv =>
                Chart.Scatter<long, double, string>(
                    kv.Value.Select(p => p.Step),
                    kv.Value.Select(p => p.Value),
                    kv.Value.Count > 1 ? StyleParam.Mode.Lines_Markers : StyleParam.Mode.Markers,
                    Name: kv.Key
                )
            )
            .ToList();
        if (series.Count == 0)
        {
            var wanted = metrics.Length == 0 ? "at all" : string.Join(" or ", metrics.Select(m => $"'{m}'"));
            var has = Metrics.Count == 0 ? "none" : string.Join(", ", Metrics.Keys.Order(StringComparer.Ordinal));
            throw new KeyNotFoundException($"Run '{RunName}' has no metric {wanted} (it has: {has}).");
        }
        return Chart.Combine(series).WithTitle($"{RunName}: history").WithAxisTitles("step", "value");
    }

    private static Dictionary<string, string> ReadFiles(string dir)
    {
        if (!Directory.Exists(dir))
            return [];
        return Directory
            .EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .ToDictionary(
                f => Path.GetRelativePath(dir, f).Replace(Path.DirectorySeparatorChar, '/'),
                File.ReadAllText
            );
    }

    private static List<MetricPoint> ParseMetric(string file, string text)
    {
        var points = new List<MetricPoint>();
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
                continue;
            var parts = lines[i].Trim().Split(' ');
            if (
                parts.Length is < 2 or > 3
                || !long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ts)
                || !TryNumber(parts[1], out var value)
                || (
                    parts.Length == 3
                    && !long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                )
            )
                throw new InvalidDataException(
                    $"{file}:{i + 1}: expected 'timestamp value step', got '{lines[i].Trim()}'."
                );
            points.Add(
                new MetricPoint(ts, value, parts.Length == 3 ? long.Parse(parts[2], CultureInfo.InvariantCulture) : 0)
            );
        }
        return points;
    }

    private static bool TryNumber(string s, out double value)
    {
        switch (s)
        {
            case "nan":
                value = double.NaN;
                return true;
            case "inf":
                value = double.PositiveInfinity;
                return true;
            case "-inf":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
