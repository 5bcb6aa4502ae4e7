using System.Diagnostics;
using Lib.Display;

namespace Lib.Splits.Ingest;

/// <summary>
/// The ingest room's step: where the split timer's videos come from. Synthetic traversals here
/// (<see cref="Synthesize"/>, <c>lab splits synth</c>); the official timing's readers are the room's other part.
/// </summary>
public static partial class SplitsIngestStep
{
    /// <summary>
    /// Draws the data set of <paramref name="options"/> and writes it into <paramref name="folder"/>: the videos
    /// (<c>&lt;track_id&gt;/&lt;rider_id&gt;.mp4</c>), <c>video_config.yaml</c> (the truth) and <c>synth.json</c>.
    /// </summary>
    public static SynthOutcome Synthesize(
        SynthOptions options,
        string folder,
        IProgressReporter? progress = null,
        CancellationToken cancellationToken = default
    )
    {
        var clock = Stopwatch.StartNew();
        var dataset = SyntheticDataset.Plan(options);
        double planned = clock.Elapsed.TotalSeconds;
        dataset.Write(folder, progress, cancellationToken: cancellationToken);
        return new SynthOutcome(
            dataset,
            Path.GetFullPath(folder),
            dataset.Runs.Sum(r => r.Plan.Timing.FrameCount),
            planned,
            clock.Elapsed.TotalSeconds
        );
    }
}
