using Lib.Workflow;

namespace Lib.Paragliding.Domain;

/// <summary>
/// A GRIB2 file as decoded: its name, the messages in file order, and the messages left out (a grid, product or
/// packing template the decoder does not read), each named <c>message N</c> with the reason.
/// </summary>
public sealed record Grib2File(string File, IReadOnlyList<GribMessage> Messages, IReadOnlyList<RejectedRecord> Skipped);
