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

    /// <summary>
    /// The sample of a play cut at <paramref name="cut"/> (any frame, not only the snap's grid: prediction's cuts),
    /// observing <see cref="SampleOptions.Observed"/> frames; targets past the tracks are masked out when batched.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The observed window is not inside the play's tracks, or no player
    /// is tracked in it; the message names the play and the frames it has.</exception>
    public static TrajectorySample At(
        PlayTracks tracks,
        int cut,
        SampleOptions options,
        DataSplit split = DataSplit.Test,
        CoverageLabel? coverage = null
    )
    {
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(options);
        int first = cut - options.Observed + 1;
        if (first < tracks.FirstFrame || cut > tracks.LastFrame)
            throw new ArgumentOutOfRangeException(
                nameof(cut),
                $"Play {tracks.Play.Key}: a cut at frame {cut} observes frames {first}–{cut}, but the play is tracked "
                    + $"at frames {tracks.FirstFrame}–{tracks.LastFrame}."
            );
        var nodes = Enumerable
            .Range(0, tracks.Entities.Count)
            .Where(e => Enumerable.Range(first, options.Observed).Any(f => tracks.Present[tracks.At(e, f)]))
            .ToList();
        if (!nodes.Any(e => !tracks.Entities[e].IsBall))
            throw new ArgumentOutOfRangeException(
                nameof(cut),
                $"Play {tracks.Play.Key}: no player is tracked in frames {first}–{cut}."
            );
        return new TrajectorySample(tracks, cut, nodes, options.Observed, options.Horizon, split, coverage);
    }
}
