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
        var rendered = run.PointFrames.ToDictionary(
            f => f,
            f =>
            {
                var rgb = new byte[FrameRenderer.FrameBytes];
                renderer.Render(f, rgb);
                return rgb;
            }
        );
        var decodedAt = new Dictionary<int, byte[]>();
        int decoded = VideoDecoder.Decode(
            path,
            (i, rgb) =>
            {
                if (wanted.Contains(i))
                    decodedAt[i] = (byte[])rgb.Clone();
            }
        );
        Assert.Equal(run.Plan.Timing.FrameCount, decoded);
        Assert.Equal(6, decodedAt.Count);
        static double Error(byte[] a, byte[] b) => a.Select((v, k) => Math.Abs(v - b[k])).Average();
        foreach (var f in run.PointFrames)
        {
            // H.264 at CRF 28 loses the noise (σ = 3) and fine texture, but each split's picture is its own.
            double own = Error(decodedAt[f], rendered[f]);
            Assert.True(own < 10, $"frame {f}: mean |error| {own:0.00}");
            foreach (var other in run.PointFrames.Where(o => o != f && o != run.PointFrames[0]))
                if (f != run.PointFrames[0])
                    Assert.True(own < Error(decodedAt[f], rendered[other]), $"frame {f} looks like frame {other}");
        }

        var again = SplitsCacheStep.Synthetic(options, dir.Path);
        Assert.False(again.Step.Rebuilt);
    }
}
