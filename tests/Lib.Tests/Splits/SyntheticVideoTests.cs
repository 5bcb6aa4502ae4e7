using Lib.Splits.Cache;
using Lib.Splits.Ingest;

namespace Lib.Tests.Splits;

/// <summary>A whole synthetic rider generated into the cache, decoded back, and reused.</summary>
public class SyntheticVideoTests
{
    [Fact]
    public void A_generated_video_has_the_planned_frames_and_shows_the_rendered_pictures_at_the_splits()
    {
        using var dir = new TempDir();
        var options = SynthOptions.Under(RepoPaths.Root, tracks: 1, riders: 1, seed: 11);
        var set = SplitsCacheStep.Synthetic(options, dir.Path);
        Assert.True(set.Step.Rebuilt);
        var run = Assert.Single(set.Dataset.Runs);
        var path = set.VideoPath(run);
        var info = VideoProbe.Probe(path);
        Assert.Equal(
            (320, 180, run.Plan.Timing.FrameCount, "24/1", "h264"),
            (info.Width, info.Height, info.FrameCount, info.RateText, info.Codec)
        );
        Assert.Equal(set.Dataset.TruthYaml(), File.ReadAllText(set.ConfigPath));

        using var strip = TrackStrip.Build(set.Dataset.Tracks[0].Photos);
        using var renderer = new FrameRenderer(strip, run.Plan);
        var wanted = run.PointFrames.ToHashSet();
        var expected = new byte[FrameRenderer.FrameBytes];
        var errors = new Dictionary<int, double>();
        int decoded = VideoDecoder.Decode(
            path,
            (i, rgb) =>
            {
                if (!wanted.Contains(i))
                    return;
                renderer.Render(i, expected);
                errors[i] = rgb.Select((b, k) => Math.Abs(b - expected[k])).Average();
            }
        );
        Assert.Equal(run.Plan.Timing.FrameCount, decoded);
        Assert.Equal(6, errors.Count);
        // H.264 at CRF 28 on noisy frames: the noise (σ = 3) is mostly lost, the picture kept.
        Assert.All(errors, e => Assert.True(e.Value < 6, $"frame {e.Key}: mean |error| {e.Value:0.00}"));

        var again = SplitsCacheStep.Synthetic(options, dir.Path);
        Assert.False(again.Step.Rebuilt);
    }
}
