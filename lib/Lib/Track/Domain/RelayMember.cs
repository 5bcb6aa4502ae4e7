namespace Lib.Track.Domain;

/// <summary>One leg of a relay as a list prints it: the name shown (often the surname only) and the athlete id when
/// linked.</summary>
public sealed record RelayMember(string Name, long? AthleteId);
