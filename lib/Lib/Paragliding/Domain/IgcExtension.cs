namespace Lib.Paragliding.Domain;

/// <summary>
/// One extension an I record declares for every following B record: its three-letter code and its 1-based,
/// inclusive byte positions in the record (<c>3638FXA</c> = bytes 36–38 hold the fix accuracy).
/// </summary>
public sealed record IgcExtension(string Code, int Start, int End);
