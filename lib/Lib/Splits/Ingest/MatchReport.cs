using Lib.Splits.Domain;

namespace Lib.Splits.Ingest;

/// <summary>
/// What <see cref="SplitsMatchOfficialStep"/> gives: the annotations as loaded (with the runs left out), the timing
/// read, and two matches per annotated run (sectors 1–5 and 2–5).
/// </summary>
public sealed record MatchReport(
    VideoConfigLoad Annotations,
    TimingReport Timing,
    IReadOnlyList<OfficialMatch> Matches
);
