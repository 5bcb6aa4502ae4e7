using Lib.Paragliding.Domain;
using Lib.Workflow;

namespace Lib.Paragliding.Ingest;

/// <summary>
/// What <see cref="ParaglidingIngestStep.Grib"/> gives: the decoded file (its messages, for tables and maps), the
/// profiles at the points with the schema's coverage, the point rows left out, and the CSV written (or null).
/// </summary>
public sealed record GribProfilesResult(
    Grib2File Grib,
    WeatherProfiles Profiles,
    IReadOnlyList<RejectedRecord> RejectedPoints,
    string? Written
);
