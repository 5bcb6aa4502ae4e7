using Lib.Climbing.Dataset;
using Lib.Climbing.Model;
using Lib.Climbing.Train;

namespace Lib.Tests.Climbing;

/// <summary>
/// The bundled climbing data ingested and tokenised once (in a temporary cache), and a tiny model trained
/// on part of it in about a second: enough to test prediction, saving and evaluation, not to grade well.
/// </summary>
public sealed class ClimbingFixture : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly Lazy<ClimbingData> _data;
    private readonly Lazy<GradeModel> _model;

    public ClimbingFixture()
    {
        _data = new(() => ClimbingDatasetStep.Run(DataFolder, Path.Combine(_dir.Path, "cache")));
        _model = new(() => ClimbingTrainStep.Run(Data, TinyOptions, ModelFolder).Model);
    }

    public static string DataFolder => Path.Combine(RepoPaths.Data, "climbing");

    public static TrainOptions TinyOptions { get; } = new() { Epochs = 2, DModel = 16, NHead = 2, NumLayers = 1, DimFeedforward = 32, MaxTrainRoutes = 300, Seed = 3 };

    public string Root => _dir.Path;

    public string ModelFolder => Path.Combine(_dir.Path, "model");

    public ClimbingData Data => _data.Value;

    public GradeModel Model => _model.Value;

    public void Dispose() => _dir.Dispose();
}

[CollectionDefinition("climbing")]
public sealed class ClimbingCollection : ICollectionFixture<ClimbingFixture>;
