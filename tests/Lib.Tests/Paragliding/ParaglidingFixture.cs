using Lib.Paragliding.Dataset;
using Lib.Paragliding.Ingest;
using Lib.Paragliding.Model;
using Lib.Paragliding.Train;

namespace Lib.Tests.Paragliding;

/// <summary>
/// The bundled paragliding data ingested and sharded once (in a temporary folder), and a small model trained on it
/// in a few seconds: enough to test saving, prediction and evaluation.
/// </summary>
public sealed class ParaglidingFixture : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly Lazy<ParaglidingData> _data;
    private readonly Lazy<GlideatorModel> _model;

    public ParaglidingFixture()
    {
        _data = new(() => ParaglidingDatasetStep.Run(DataFolder, Path.Combine(_dir.Path, "shards")));
        _model = new(() => ParaglidingTrainStep.Run(Data, SmallOptions, ModelFolder).Model);
    }

    public static string DataFolder => Path.Combine(RepoPaths.Data, "paragliding");

    public static ParaglidingTrainOptions SmallOptions { get; } = new() { Epochs = 6, Patience = 3, Seed = 2 };

    public string Root => _dir.Path;

    public string ModelFolder => Path.Combine(_dir.Path, "model");

    public IngestedFlights Ingest => Data.Ingest;

    public ParaglidingData Data => _data.Value;

    public GlideatorModel Model => _model.Value;

    public void Dispose() => _dir.Dispose();
}

[CollectionDefinition("paragliding")]
public sealed class ParaglidingCollection : ICollectionFixture<ParaglidingFixture>;
