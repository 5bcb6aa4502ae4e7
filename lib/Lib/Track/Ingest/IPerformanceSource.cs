using Lib.Track.Domain;
using Lib.Workflow;

namespace Lib.Track.Ingest;

/// <summary>
/// A file of performances and the adapter that reads it into <see cref="Performance"/>s. The cache
/// hashes <see cref="Path"/> and records <see cref="Describe"/>, so a changed file or adapter setting rebuilds.
/// </summary>
public interface IPerformanceSource
{
    /// <summary>A short name for the source (<c>big_south</c>), the prefix of its athlete keys.</summary>
    string Name { get; }

    /// <summary>The file read.</summary>
    string Path { get; }

    /// <summary>The adapter and its settings as text, such as <c>lehigh-athletes-csv gender=M</c>.</summary>
    string Describe();

    /// <summary>Reads the file: every row, or a rejection saying why not.</summary>
    IngestResult<Performance> Read();
}
