using Lib.Track.Dataset;
using Lib.Track.Domain;
using Lib.Track.Model;
using Lib.Track.Train;

namespace Lib.Tests.Track;

/// <summary>An ensemble of seeds: saved as one folder with a file per member, loaded back to the same forecasts, the
/// mean of its members' outputs.</summary>
[Collection(TrackCollection.Name)]
public class TrackEnsembleTests(TrackFixture fixture) : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_two_member_ensemble_saves_loads_and_averages_its_members()
    {
        var options = TrackFixture.Options with { Ensemble = 2, MaxEpochs = 2, Patience = 2 };
        var plan = TrackTrainStep.Plan(fixture.Data, options);
        var model = TrackTrainer.Train(fixture.Data, Gender.Women, plan, options);
        Assert.Equal(2, model.Inputs.Members);
        Assert.Equal(2, model.Members.Count);
        model.Save(_dir.Path);
        Assert.True(File.Exists(Path.Combine(_dir.Path, TrackModel.MemberFile(1))));
        var loaded = TrackModel.Load(_dir.Path);
        var windows = plan.Select(Windows.Build(fixture.Data.Of(Gender.Women), model.Config.Seasons),
            WindowSplit.Validation).Where(w => model.Encoder.Knows(w.History.Event.Code)).Take(40).ToList();
        var samples = windows.Select(model.Encoder.Encode).ToList();
        Assert.Equal(model.Predict(windows), loaded.Predict(windows));
        var single = (IReadOnlyList<HierarchicalLstm> members) => members
            .Select(m => new TrackModel(model.Card with { Inputs = model.Inputs with { Members = 1, Blend = null, Trees = null } }, m)
                .PredictZ(samples))
            .ToList();
        var each = single(loaded.Members);
        var mean = loaded.PredictZ(samples);
        for (var i = 0; i < samples.Count; i++)
            Assert.Equal((each[0][i] + each[1][i]) / 2, mean[i], 6);
        Assert.NotEqual(each[0], each[1]);

        File.Delete(Path.Combine(_dir.Path, TrackModel.MemberFile(1)));
        Assert.Contains("member-1.safetensors is missing",
            Assert.Throws<FileNotFoundException>(() => TrackModel.Load(_dir.Path)).Message, StringComparison.Ordinal);
    }
}
