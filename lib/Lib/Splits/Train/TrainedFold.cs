using Lib.Splits.Dataset;
using Lib.Splits.Model;
using Lib.Tensors.Training;

namespace Lib.Splits.Train;

/// <summary>One fold's trained model, where it was saved, its learning curve and its tracked run's id.</summary>
public sealed record TrainedFold(
    TrackFold Fold,
    SplitModel Model,
    string Folder,
    TrainingHistory History,
    SplitSamples Samples,
    string? RunId
);
