using Lib.Football.Domain;

namespace Lib.Football.Dataset;

/// <summary>
/// How plays are cut into samples: <see cref="Observed"/> frames seen (the cut frame last), <see cref="Horizon"/>
/// frames forecast, a cut every <see cref="Stride"/> frames from the snap through the play (to its end event —
/// tackle, out of bounds, touchdown, incompletion, sack — while the horizon's frames are still tracked), on plays of
/// <see cref="PlayTypes"/>.
/// </summary>
public sealed record SampleOptions
{
    /// <summary>Frames observed per sample (10 = 1 s).</summary>
    public int Observed { get; init; } = 10;

    /// <summary>Frames forecast (20 = 2 s).</summary>
    public int Horizon { get; init; } = 20;

    /// <summary>Frames between cuts (5 = every half second).</summary>
    public int Stride { get; init; } = 5;

    /// <summary>The play types cut into samples (pass and run plays).</summary>
    public IReadOnlyList<PlayType> PlayTypes { get; init; } = [PlayType.Pass, PlayType.Rush];

    /// <summary>At most this many plays (the first by key), for quick runs; null = all.</summary>
    public int? MaxPlays { get; init; }

    /// <summary>The options as cache parameters / a fingerprint's text.</summary>
    public override string ToString() =>
        $"observed={Observed};horizon={Horizon};stride={Stride};types={string.Join(",", PlayTypes)};"
        + $"max_plays={MaxPlays?.ToString() ?? "all"}";
}
