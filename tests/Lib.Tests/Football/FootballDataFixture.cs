using Lib.Football.Dataset;

namespace Lib.Tests.Football;

/// <summary>The bundled football data ingested (in a temporary cache) and cut into samples once for the dataset
/// tests.</summary>
public sealed class FootballDataFixture : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly Lazy<FootballData> _data;

    public FootballDataFixture() =>
        _data = new(() => FootballDatasetStep.Run(FootballFixture.DataFolder, Path.Combine(_dir.Path, "cache")));

    public FootballData Data => _data.Value;

    public void Dispose() => _dir.Dispose();
}

[CollectionDefinition("football")]
public sealed class FootballCollection : ICollectionFixture<FootballDataFixture>;
