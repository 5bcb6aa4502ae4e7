namespace Lib.Splits.Dataset;

/// <summary>
/// One annotated run as the samples see it: its track and rider, the frame of each annotated point (start, the
/// splits, finish; strictly increasing) and the video's frame count.
/// </summary>
public sealed record RunSplits
{
    /// <summary>A run; the points are checked.</summary>
    /// <exception cref="ArgumentException">Fewer than two points, points not strictly increasing, or a point outside
    /// 0 … <paramref name="frameCount"/> − 1.</exception>
    public RunSplits(string trackId, string riderId, IReadOnlyList<int> frames, int frameCount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trackId);
        ArgumentException.ThrowIfNullOrWhiteSpace(riderId);
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count < 2)
            throw new ArgumentException($"{trackId}/{riderId}: a run needs a start and a finish; got {frames.Count}.");
        for (int i = 0; i < frames.Count; i++)
        {
            if (frames[i] < 0 || frames[i] >= frameCount)
                throw new ArgumentException(
                    $"{trackId}/{riderId}: point {i} is at frame {frames[i]}, outside the video's {frameCount} frames."
                );
            if (i > 0 && frames[i] <= frames[i - 1])
                throw new ArgumentException(
                    $"{trackId}/{riderId}: point {i} (frame {frames[i]}) is not after point {i - 1} "
                        + $"(frame {frames[i - 1]})."
                );
        }
        TrackId = trackId;
        RiderId = riderId;
        Frames = [.. frames];
        FrameCount = frameCount;
    }

    /// <summary>The track.</summary>
    public string TrackId { get; }

    /// <summary>The rider.</summary>
    public string RiderId { get; }

    /// <summary>The frame of each annotated point: 0 = start … last = finish.</summary>
    public IReadOnlyList<int> Frames { get; }

    /// <summary>The video's frame count.</summary>
    public int FrameCount { get; }

    /// <summary>Each point's position in frames without rounding (the annotation's time × the frame rate; the
    /// rounded <see cref="Frames"/> unless given): what a search looks for and what it is scored against.</summary>
    public IReadOnlyList<double> Positions
    {
        get => _positions ?? [.. Frames.Select(f => (double)f)];
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Count != Frames.Count)
                throw new ArgumentException(
                    $"{TrackId}/{RiderId}: {value.Count} positions for {Frames.Count} points."
                );
            for (int i = 0; i < value.Count; i++)
                if (Math.Abs(value[i] - Frames[i]) > 0.5 + 1e-9)
                    throw new ArgumentException(
                        $"{TrackId}/{RiderId}: point {i}'s position {value[i]} does not round to frame {Frames[i]}."
                    );
            _positions = [.. value];
        }
    }

    private IReadOnlyList<double>? _positions;

    /// <summary>The frame of this run that matches <paramref name="sourceFrame"/> of <paramref name="source"/>: the
    /// same fraction of the same segment (linear between the two runs' points; before the start or after the
    /// finish, the same distance in frames from it).</summary>
    public double MatchingFrame(RunSplits source, double sourceFrame)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Frames.Count != Frames.Count)
            throw new ArgumentException(
                $"{source.RiderId} has {source.Frames.Count} points and {RiderId} {Frames.Count}; they must agree."
            );
        var s = source.Frames;
        if (sourceFrame <= s[0])
            return Frames[0] + (sourceFrame - s[0]);
        if (sourceFrame >= s[^1])
            return Frames[^1] + (sourceFrame - s[^1]);
        int k = 1;
        while (s[k] < sourceFrame)
            k++;
        double f = (sourceFrame - s[k - 1]) / (s[k] - s[k - 1]);
        return Frames[k - 1] + f * (Frames[k] - Frames[k - 1]);
    }
}
