namespace Lib.Track.Domain;

/// <summary>Which way a mark improves.</summary>
public enum EventDirection
{
    /// <summary>Races: a smaller time is better.</summary>
    LowerIsBetter,

    /// <summary>Jumps, throws and multis: a larger distance, height or score is better.</summary>
    HigherIsBetter,
}
