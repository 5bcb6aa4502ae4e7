using Lib.Track.Cache;
using Lib.Track.Model;
using Lib.Track.Train;

namespace Lib.Tests.Track;

/// <summary>The bundled sources cached once, and smoke-sized models of both genders trained on them, in a temporary folder.</summary>
public sealed class TrackFixture : IDisposable
{
    private readonly TempDir _dir = new();

    public TrackFixture()
    {
        Data = TrackCacheStep.Run(new TrackCacheRequest(RepoPaths.Data, Path.Combine(_dir.Path, "cache")));
        ModelDirectory = Path.Combine(_dir.Path, "model");
        Models = TrackTrainStep.Run(Data, Options, ModelDirectory);
    }

    /// <summary>Smoke settings with a few more epochs, so that training moves the weights; without the refit, so that
    /// the card's validation errors are those of the networks it holds (the refit has its own tests).</summary>
    public static TrackTrainOptions Options { get; } =
        TrackTrainOptions.Smoke with { MaxEpochs = 4, Patience = 4, Refit = false };

    public TrackData Data { get; }

    public string ModelDirectory { get; }

    public IReadOnlyList<TrackModel> Models { get; }

    public string Temp => _dir.Path;

    public void Dispose() => _dir.Dispose();
}

/// <summary>The test classes that share one <see cref="TrackFixture"/> (built once, classes run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class TrackCollection : ICollectionFixture<TrackFixture>
{
    public const string Name = "track data and models";
}
