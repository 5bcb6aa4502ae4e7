using Lib.Splits.Dataset;
using Lib.Splits.Model;
using Lib.Workflow;

namespace Lib.Splits.Train;

/// <summary>What <see cref="SplitsTrainStep.Run"/> trains: the annotated videos with their features, the feature's
/// name, the options, the output folder (one sub-folder per held-out track), which held-out tracks (null: every
/// fold of leave-one-track-out) and the run store (null: no tracked run).</summary>
public sealed record SplitsTrainRequest
{
    /// <summary>The annotated runs with their frame features.</summary>
    public required IReadOnlyList<SplitVideo> Videos { get; init; }

    /// <summary>The per-frame feature's name, recorded in the card.</summary>
    public required string Feature { get; init; }

    /// <summary>Training options.</summary>
    public SplitsTrainOptions Options { get; init; } = new();

    /// <summary>The folder that receives <c>&lt;test track&gt;/model.json</c>, <c>model.safetensors</c> and
    /// <c>checkpoints/</c>.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Train only the folds holding out these tracks (null: all).</summary>
    public IReadOnlyList<string>? TestTracks { get; init; }

    /// <summary>Continue each fold from a checkpoint (null: fresh runs): <see cref="ResumePoint.Last"/> resumes every
    /// fold from its own <c>checkpoints/last.safetensors</c>; a file needs one fold (<see cref="TestTracks"/>).
    /// </summary>
    public string? ResumeFrom { get; init; }

    /// <summary>The MLflow-compatible run store (null: none).</summary>
    public string? RunsFolder { get; init; }

    /// <summary>Where the models train (<c>--device</c>): null is the engine; <c>Lib.Torch.Splits.TorchSplitsFit</c>
    /// gives the twin's strategy.</summary>
    public IFitStrategy<SiameseLstm, SplitBatch, SplitsTrainOptions>? Fit { get; init; }
}
