using System.Globalization;
using Lib.Tensors.IO;

namespace Lib.Tracking;

/// <summary>
/// A run being recorded: parameters (write-once, as in MLflow), metrics over steps, tags and artifact
/// files. Ends as finished on <see cref="Dispose"/> unless <see cref="End"/> said otherwise.
/// </summary>
public sealed class TrackedRun : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _meta;
    private bool _ended;

    private TrackedRun(string directory, Dictionary<string, string> meta)
    {
        Directory = directory;
        _meta = meta;
    }

    /// <summary>The run's folder in the store.</summary>
    public string Directory { get; }

    /// <summary>The run id (32 hex digits).</summary>
    public string RunId => _meta["run_id"];

    /// <summary>The run's name.</summary>
    public string RunName => _meta["run_name"];

    /// <summary>Where artifacts of this run go.</summary>
    public string ArtifactsDirectory => Path.Combine(Directory, "artifacts");

    internal static TrackedRun Start(
        TrackingStore store,
        string experimentId,
        string? runName,
        IReadOnlyDictionary<string, string>? tags
    )
    {
        var id = Guid.NewGuid().ToString("N");
        var dir = Path.Combine(store.Root, experimentId, id);
        foreach (var sub in new[] { "params", "metrics", "tags", "artifacts" })
            System.IO.Directory.CreateDirectory(Path.Combine(dir, sub));
        var name = runName ?? $"run-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        var meta = new Dictionary<string, string>
        {
            ["artifact_uri"] = new Uri(Path.Combine(dir, "artifacts")).AbsoluteUri,
            ["experiment_id"] = experimentId,
            ["run_id"] = id,
            ["run_name"] = name,
            ["start_time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["user_id"] = Environment.UserName,
        };
        var run = new TrackedRun(dir, meta);
        run.WriteMeta(RunStatus.Running, endTime: null);
        run.SetTag("mlflow.runName", name);
        run.SetTag("mlflow.user", Environment.UserName);
        run.SetTag("mlflow.source.type", "LOCAL");
        run.SetTag("mlflow.source.name", "lab");
        foreach (var (k, v) in tags ?? new Dictionary<string, string>())
            run.SetTag(k, v);
        return run;
    }

    /// <summary>Records a parameter. Logging a different value for the same key is an error, as in MLflow.</summary>
    public void LogParam(string key, object? value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        var path = KeyPath("params", key);
        lock (_gate)
        {
            if (File.Exists(path) && File.ReadAllText(path) is var old && old != text)
                throw new InvalidOperationException(
                    $"Parameter '{key}' was already logged as '{old}' in run {RunId}; parameters cannot change "
                        + $"(got '{text}')."
                );
            AtomicFile.WriteAllText(path, text);
        }
    }

    /// <summary>Records several parameters.</summary>
    public void LogParams(IEnumerable<KeyValuePair<string, object?>> parameters)
    {
        foreach (var (k, v) in parameters)
            LogParam(k, v);
    }

    /// <summary>Appends a metric value at <paramref name="step"/>.</summary>
    public void LogMetric(string key, double value, long step = 0)
    {
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} {Number(value)} {step}\n"
        );
        var path = KeyPath("metrics", key);
        lock (_gate)
            File.AppendAllText(path, line);
    }

    /// <summary>Sets a tag (overwriting an earlier value).</summary>
    public void SetTag(string key, string value)
    {
        var path = KeyPath("tags", key);
        lock (_gate)
            AtomicFile.WriteAllText(path, value);
    }

    /// <summary>Copies a file into the run's artifacts (optionally under a sub-folder); returns the stored
    /// path.</summary>
    public string LogArtifact(string file, string? artifactPath = null)
    {
        if (!File.Exists(file))
            throw new FileNotFoundException($"Artifact '{file}' does not exist.", file);
        var dir = artifactPath is null ? ArtifactsDirectory : Path.Combine(ArtifactsDirectory, artifactPath);
        System.IO.Directory.CreateDirectory(dir);
        var target = Path.Combine(dir, Path.GetFileName(file));
        File.Copy(file, target, overwrite: true);
        return target;
    }

    /// <summary>The run as recorded so far (parameters, metric histories, tags).</summary>
    public RunRecord Record() => RunRecord.Load(Directory);

    /// <summary>Ends the run with <paramref name="status"/>.</summary>
    public void End(RunStatus status = RunStatus.Finished)
    {
        lock (_gate)
        {
            if (_ended)
                return;
            _ended = true;
            WriteMeta(status, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        }
    }

    /// <summary>Ends the run as finished if it is still running.</summary>
    public void Dispose() => End(RunStatus.Finished);

    private void WriteMeta(RunStatus status, long? endTime) =>
        MetaYaml.Write(
            Path.Combine(Directory, "meta.yaml"),
            [
                ("artifact_uri", _meta["artifact_uri"]),
                ("end_time", endTime),
                ("entry_point_name", ""),
                ("experiment_id", _meta["experiment_id"]),
                ("lifecycle_stage", "active"),
                ("run_id", _meta["run_id"]),
                ("run_name", _meta["run_name"]),
                ("run_uuid", _meta["run_id"]),
                ("source_name", ""),
                ("source_type", 4L),
                ("source_version", ""),
                ("start_time", long.Parse(_meta["start_time"], CultureInfo.InvariantCulture)),
                ("status", (long)status),
                ("tags", Array.Empty<string>()),
                ("user_id", _meta["user_id"]),
            ]
        );

    private string KeyPath(string kind, string key)
    {
        if (!TrackingStore.ValidKey().IsMatch(key) || key.Split('/').Any(p => p is "" or "." or ".."))
            throw new ArgumentException(
                $"'{key}' is not a valid MLflow {kind[..^1]} name (letters, digits, _ - . space and / only).",
                nameof(key)
            );
        var path = Path.Combine(Directory, kind, key.Replace('/', Path.DirectorySeparatorChar));
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private static string Number(double v) =>
        double.IsNaN(v) ? "nan"
        : double.IsPositiveInfinity(v) ? "inf"
        : double.IsNegativeInfinity(v) ? "-inf"
        : v.ToString("R", CultureInfo.InvariantCulture);
}
