using Lib.Splits.Ingest;

namespace Lib.Tests.Splits;

/// <summary>The generator's plan of a whole data set: photos, riders, real sector times scaled per track.</summary>
public class SyntheticDatasetTests
{
    private static SynthOptions Options(int tracks = 5, int riders = 5, long seed = 1) =>
        SynthOptions.Under(RepoPaths.Root, tracks, riders, seed);

    [Fact]
    public void The_default_plan_has_five_tracks_of_five_riders_on_different_photos_and_real_sector_times()
    {
        var set = SyntheticDataset.Plan(Options());
        Assert.Equal(5, set.Tracks.Count);
        Assert.All(set.Tracks, t => Assert.Equal(5, t.Runs.Count));
        var photos = set.Tracks.SelectMany(t => t.Photos).ToList();
        Assert.Equal(25, photos.Distinct().Count());
        foreach (var track in set.Tracks)
        {
            Assert.Single(track.Runs.Select(r => (r.Source.Race, r.Source.Round)).Distinct());
            Assert.Single(track.Runs.Select(r => r.Factor).Distinct());
            Assert.Equal(5, track.Runs.Select(r => r.RiderId).Distinct().Count());
            foreach (var run in track.Runs)
            {
                Assert.InRange(run.Plan.Timing.Sectors.Sum(), 40 - 1e-9, 80 + 1e-9);
                for (int k = 0; k < 5; k++)
                    Assert.Equal(run.Source.Sectors[k] * run.Factor, run.Plan.Timing.Sectors[k], 9);
                Assert.Equal(track.SplitPositions[5], track.Layout.Travel);
            }
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_data_set_and_another_seed_another()
    {
        var a = SyntheticDataset.Plan(Options(2, 3, 7));
        var b = SyntheticDataset.Plan(Options(2, 3, 7));
        var c = SyntheticDataset.Plan(Options(2, 3, 8));
        Assert.Equal(a.TruthYaml(), b.TruthYaml());
        Assert.Equal(a.DetailsJson(), b.DetailsJson());
        Assert.NotEqual(a.DetailsJson(), c.DetailsJson());
    }

    [Fact]
    public void The_truth_is_written_as_the_seeds_video_config()
    {
        var set = SyntheticDataset.Plan(Options(1, 2, 3));
        var yaml = set.TruthYaml();
        var run = set.Runs.First();
        var read = Lib.Splits.Domain.VideoConfigYaml.Parse(yaml);
        var back = read.Run("synth_01", run.RiderId);
        Assert.Equal(run.PointFrames, back.FrameIndices(24));
        Assert.Equal($"synth_01/{run.RiderId}.mp4", back.Url);
        foreach (var f in run.PointFrames)
            Assert.Contains($"\"{f / 1440:00}:{f / 24 % 60:00}:{f % 24:00}\"", yaml);
        Assert.Equal("00:02:00", SyntheticDataset.Timecode(48));
        Assert.Equal("01:01:23", SyntheticDataset.Timecode(60 * 24 + 24 + 23));
    }

    [Fact]
    public void Too_few_photos_is_an_error_that_says_how_many_are_needed()
    {
        var e = Assert.Throws<ArgumentException>(() => SyntheticDataset.Plan(Options(tracks: 7)));
        Assert.Contains("30 photos", e.Message);
        Assert.Contains("35", e.Message);
    }
}
