using System.Globalization;
using System.Text.RegularExpressions;

namespace Lib.Tracking;

/// <summary>
/// An MLflow-compatible file store (by default <c>artifacts/mlruns</c>): experiments are numbered
/// folders with a <c>meta.yaml</c>, runs are folders inside them with <c>meta.yaml</c>,
/// <c>params/</c>, <c>metrics/</c>, <c>tags/</c> and <c>artifacts/</c>, so
/// <c>mlflow ui --backend-store-uri artifacts/mlruns</c> browses what the lab trained.
/// </summary>
public sealed partial class TrackingStore
{
    private static readonly Lock Gate = new();

    /// <summary>Opens (and creates, with MLflow's Default experiment 0) the store at <paramref name="root"/>.</summary>
    public TrackingStore(string root)
    {
        Root = Path.GetFullPath(root);
        lock (Gate)
        {
            Directory.CreateDirectory(Root);
            if (!File.Exists(Path.Combine(Root, "0", "meta.yaml")))
                WriteExperiment("0", "Default");
        }
    }

    /// <summary>The store's folder.</summary>
    public string Root { get; }

    [GeneratedRegex(@"^[\w\-. /]{1,250}$")]
    internal static partial Regex ValidKey();

    /// <summary>The id of the experiment called <paramref name="name"/>, creating it when missing.</summary>
    public string Experiment(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("An experiment needs a name.", nameof(name));
        lock (Gate)
        {
            var existing = Experiments().FirstOrDefault(e => e.Name == name);
            if (existing.Id is not null)
                return existing.Id;
            var next =
                Experiments()
                    .Select(e =>
                        long.TryParse(e.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0
                    )
                    .DefaultIfEmpty(0)
                    .Max() + 1;
            var id = next.ToString(CultureInfo.InvariantCulture);
            WriteExperiment(id, name);
            return id;
        }
    }

    /// <summary>Every experiment: id and name.</summary>
    public IReadOnlyList<(string Id, string Name)> Experiments() =>
        [
            .. Directory
                .EnumerateDirectories(Root)
                .Where(d => File.Exists(Path.Combine(d, "meta.yaml")))
                .Select(d => MetaYaml.Read(Path.Combine(d, "meta.yaml")))
                .Where(m => m.GetValueOrDefault("lifecycle_stage") != "deleted")
                .Select(m => (m.GetValueOrDefault("experiment_id") ?? "", m.GetValueOrDefault("name") ?? ""))
                .OrderBy(e => e.Item1.Length)
                .ThenBy(e => e.Item1, StringComparer.Ordinal),
        ];

    /// <summary>Starts a run in <paramref name="experiment"/> (created when missing).</summary>
    public TrackedRun StartRun(
        string experiment,
        string? runName = null,
        IReadOnlyDictionary<string, string>? tags = null
    )
    {
        var experimentId = Experiment(experiment);
        return TrackedRun.Start(this, experimentId, runName, tags);
    }

    /// <summary>The runs of <paramref name="experiment"/>, newest first.</summary>
    public IReadOnlyList<RunRecord> Runs(string experiment)
    {
        var id = Experiments().FirstOrDefault(e => e.Name == experiment).Id;
        if (id is null)
            return [];
        return
        [
            .. Directory
                .EnumerateDirectories(Path.Combine(Root, id))
                .Where(d => File.Exists(Path.Combine(d, "meta.yaml")))
                .Select(RunRecord.Load)
                .OrderByDescending(r => r.StartTime),
        ];
    }

    /// <summary>Loads one run by id, from any experiment.</summary>
    public RunRecord Run(string runId)
    {
        foreach (var (id, _) in Experiments())
        {
            var dir = Path.Combine(Root, id, runId);
            if (File.Exists(Path.Combine(dir, "meta.yaml")))
                return RunRecord.Load(dir);
        }
        throw new KeyNotFoundException($"No run '{runId}' in {Root}.");
    }

    private void WriteExperiment(string id, string name)
    {
        var dir = Path.Combine(Root, id);
        Directory.CreateDirectory(dir);
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        MetaYaml.Write(
            Path.Combine(dir, "meta.yaml"),
            [
                ("artifact_location", new Uri(dir).AbsoluteUri),
                ("creation_time", now),
                ("experiment_id", id),
                ("last_update_time", now),
                ("lifecycle_stage", "active"),
                ("name", name),
            ]
        );
    }
}
