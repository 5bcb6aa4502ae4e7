using Lib.Workflow;

namespace Lib.Paragliding.Domain;

/// <summary>
/// An IGC flight log as read: its file name, the logger (A record), the flight date (UTC, from <c>HFDTE</c>), the
/// H records by their three-letter code (<c>DTE</c>, <c>GTY</c>, <c>FTY</c> …; the first of each), the I-record
/// extensions, every well-formed B record in file order (valid and <c>V</c> fixes alike) and the B and I records
/// left out as malformed, each with its line.
/// </summary>
public sealed record IgcLog(
    string File,
    string Logger,
    DateOnly Date,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyList<IgcExtension> Extensions,
    IReadOnlyList<IgcFix> Fixes,
    IReadOnlyList<RejectedRecord> Rejected
)
{
    /// <summary>The valid fixes (validity <c>A</c>), in order.</summary>
    public IReadOnlyList<IgcFix> ValidFixes { get; } = [.. Fixes.Where(f => f.Valid)];

    /// <summary>
    /// The header fields safe to show: glider type, logger type, firmware, GPS receiver, pressure sensor and datum.
    /// Pilot, crew and competition names are left out on purpose (derived tables never carry names).
    /// </summary>
    public IReadOnlyDictionary<string, string> PublicHeaders =>
        Headers
            .Where(h => h.Key is "GTY" or "FTY" or "RFW" or "RHW" or "GPS" or "PRS" or "DTM" or "FXA" or "ALG" or "ALP")
            .ToDictionary(h => h.Key, h => h.Value);
}
