namespace Lib.Splits.Ingest;

/// <summary>What <see cref="SplitsIngestStep.Synthesize"/> made: the data set, where, how many frames and how long
/// planning and the whole generation took.</summary>
public sealed record SynthOutcome(
    SyntheticDataset Dataset,
    string Folder,
    long Frames,
    double PlanSeconds,
    double TotalSeconds
)
{
    /// <summary>Frames rendered and encoded per second of the whole run.</summary>
    public double FramesPerSecond => Frames / TotalSeconds;

    /// <summary>The truth file, <c>video_config.yaml</c>.</summary>
    public string ConfigPath => Path.Combine(Folder, SyntheticDataset.ConfigFile);
}
