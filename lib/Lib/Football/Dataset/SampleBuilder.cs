namespace Lib.Football.Dataset;

/// <summary>
/// Cuts plays into <see cref="TrajectorySample"/>s (<see cref="SampleOptions"/>): from the snap, every
/// <see cref="SampleOptions.Stride"/> frames, while the cut is at most the play's end (its first end event, else its
/// last frame with players), the observed window starts within the tracks and the horizon ends by the last frame with
/// players. Plays without a snap (kickoffs) and of other types give none.
/// </summary>
public static class SampleBuilder
{
    /// <summary>The cut frames of a play.</summary>
    public static List<int> Cuts(PlayTracks tracks, SampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(options);
        var cuts = new List<int>();
        if (!options.PlayTypes.Contains(tracks.Play.Type) || tracks.Play.SnapFrame is not { } snap)
            return cuts;
        int lastPlayer = tracks.LastPlayerFrame;
        int end = Math.Min(tracks.Play.EndFrame ?? lastPlayer, lastPlayer);
        for (int cut = snap; cut <= end && cut + options.Horizon <= lastPlayer; cut += options.Stride)
            if (cut - options.Observed + 1 >= tracks.FirstFrame)
                cuts.Add(cut);
        return cuts;
    }

    /// <summary>The samples of a play, in cut order.</summary>
    public static IEnumerable<TrajectorySample> Samples(
        PlayTracks tracks,
        SampleOptions options,
        DataSplit split,
        CoverageLabel? coverage
    )
    {
        foreach (int cut in Cuts(tracks, options))
        {
            var nodes = new List<int>();
            for (int e = 0; e < tracks.Entities.Count; e++)
            {
                for (int f = cut - options.Observed + 1; f <= cut; f++)
                    if (tracks.Present[tracks.At(e, f)])
                    {
                        nodes.Add(e);
                        break;
                    }
            }
            if (nodes.Any(e => !tracks.Entities[e].IsBall))
                yield return new TrajectorySample(
                    tracks,
                    cut,
                    nodes,
                    options.Observed,
                    options.Horizon,
                    split,
                    coverage
                );
        }
    }
}
