using Lib.Climbing.Ingest;
using Lib.Storage;
using Lib.Tensors.IO;
using Lib.Workflow;

namespace Lib.Climbing.Cache;

/// <summary>
/// The outputs of the cached ingest (<see cref="ClimbingCacheStep.Run"/>) read back: the route table with its boards
/// and
/// grades, each source file's account and every record left out, and the cache step (where the files are, whether
/// they were rebuilt and why).
/// </summary>
public sealed record CachedRoutes(
    RouteTable Table,
    IReadOnlyList<FileAccount> Files,
    IReadOnlyList<RejectedRecord> Rejected,
    CacheResult Step
)
{
    /// <summary>Reads the outputs of a finished routes step.</summary>
    /// <exception cref="InvalidDataException">A file does not read; the message names it.</exception>
    public static CachedRoutes Load(CacheResult step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new CachedRoutes(
            RouteTable.Load(step.PathOf("routes.json")),
            RecordTable.Read<FileAccount>(step.PathOf("files.csv")),
            RecordTable.Read<RejectedRecord>(step.PathOf("rejected.csv")),
            step
        );
    }

    /// <summary>Copies the step's files (<see cref="ClimbingCacheStep.Outputs"/>) into <paramref name="folder"/>
    /// (created if needed), each atomically.</summary>
    public void CopyTo(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(folder);
        foreach (var name in ClimbingCacheStep.Outputs)
            AtomicFile.Write(Path.Combine(folder, name), target =>
            {
                using var source = File.OpenRead(Step.PathOf(name));
                source.CopyTo(target);
            });
    }
}
