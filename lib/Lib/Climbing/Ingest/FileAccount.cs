namespace Lib.Climbing.Ingest;

/// <summary>
/// A row of <c>files.csv</c> (<see cref="RouteTable.WriteAccount"/>): one source file's records, parsed and reported,
/// and its routes.
/// </summary>
public sealed record FileAccount(string File, string Kind, int Records, int Parsed, int Reported, int Routes);
