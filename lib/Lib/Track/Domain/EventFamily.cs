namespace Lib.Track.Domain;

/// <summary>The group an event belongs to, for charts, features and per-family model heads.</summary>
public enum EventFamily
{
    /// <summary>Flat races up to 400 m (and yard equivalents).</summary>
    Sprint,

    /// <summary>Hurdle races (55 m to 400 m).</summary>
    Hurdles,

    /// <summary>Flat races from 500 m to the mile.</summary>
    MiddleDistance,

    /// <summary>Flat track races from 2000 m up.</summary>
    LongDistance,

    /// <summary>Steeplechase (2000 m and 3000 m).</summary>
    Steeplechase,

    /// <summary>Relays, including medleys.</summary>
    Relay,

    /// <summary>High jump, pole vault, long jump, triple jump.</summary>
    Jump,

    /// <summary>Shot, weight, discus, hammer, javelin.</summary>
    Throw,

    /// <summary>Pentathlon, heptathlon, decathlon (scored in points).</summary>
    Multi,

    /// <summary>Cross-country courses, given in kilometres or miles.</summary>
    CrossCountry,
}
