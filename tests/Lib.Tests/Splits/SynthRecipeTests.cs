using Lib.Splits.Ingest;
using Lib.Tensors;

namespace Lib.Tests.Splits;

/// <summary>Property tests of the synthetic traversal recipe (data README, "Synthetic traversal videos"), over many
/// seeds and the real sector times of the bundled official timing.</summary>
public class SynthRecipeTests
{
    private static readonly IReadOnlyList<SectorRun> RealRuns = SectorTimes.Read(
        Path.Combine(RepoPaths.Data, "splits", "timing_expected.csv")
    );

    private static readonly StripLayout Strip = new([864, 864, 864, 864, 864]);

    [Fact]
    public void Real_sector_times_are_complete_pdf_runs_of_race_rounds()
    {
        Assert.True(RealRuns.Count > 300, $"{RealRuns.Count} runs");
        Assert.All(RealRuns, r => Assert.Equal(5, r.Sectors.Count));
        Assert.All(RealRuns, r => Assert.All(r.Sectors, s => Assert.True(s > 0)));
        Assert.All(RealRuns, r => Assert.Contains(r.Round, new[] { "f", "semi", "qr" }));
        // Ronan Dunne, Bielsko-Biała final (PDF): I1 38.069, I2 84.832, I3 108.267, I4 151.992, finish 175.766.
        var dunne = RealRuns.First(r => r.Race == "bielsko_biala_2024" && r.Round == "f" && r.Rider == "DUNNE Ronan");
        Assert.Equal([38.069, 46.763, 23.435, 43.725, 23.774], dunne.Sectors.Select(s => Math.Round(s, 3)));
    }

    [Fact]
    public void A_timing_file_with_a_bad_time_names_the_file_line_and_field()
    {
        using var dir = new TempDir();
        var path = dir.File(
            "t.csv",
            "file,race,round,rider,status,split1_s,split2_s,split3_s,split4_s,final_s\n"
                + "a.pdf,r,f,A,OK,1,2,3,4,5\n"
                + "a.pdf,r,f,B,OK,1,2,x3,4,5\n"
        );
        var e = Assert.Throws<InvalidDataException>(() => SectorTimes.Read(path));
        Assert.Contains("line 3", e.Message);
        Assert.Contains("split3_s", e.Message);
    }

    [Fact]
    public void Waves_span_exactly_minus_one_to_one_over_their_frames()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var w = SmoothWave.Draw(new Generator(seed), 3, 12, 48, 1500);
            var values = Enumerable.Range(48, 1500 - 48 + 1).Select(t => w.At(t)).ToList();
            Assert.Equal(-1, values.Min(), 12);
            Assert.Equal(1, values.Max(), 12);
        }
    }

    [Fact]
    public void Split_positions_keep_their_distance_from_seams_and_each_other()
    {
        for (int seed = 0; seed < 200; seed++)
        {
            var x = SplitPositions.Draw(Strip, new Generator(seed));
            Assert.Equal(0, x[0]);
            Assert.Equal(Strip.Travel, x[5]);
            for (int k = 1; k <= 4; k++)
            {
                Assert.InRange(x[k], 0.12 * Strip.Travel - 1, 0.92 * Strip.Travel + 1);
                if (k > 1)
                    Assert.True(x[k] - x[k - 1] >= 0.1 * Strip.Travel - 1, $"seed {seed}: X{k - 1}, X{k} too close");
                foreach (var seam in Strip.Seams)
                {
                    Assert.True(Math.Abs(x[k] - seam) >= 60, $"seed {seed}: X{k} = {x[k]} near seam {seam}");
                    Assert.True(Math.Abs(x[k] - (seam - 320)) >= 60, $"seed {seed}: X{k} centre near {seam}");
                }
            }
        }
    }

    [Fact]
    public void Timing_places_the_points_by_the_rounded_cumulative_durations()
    {
        var t = new RiderTiming([10.0, 12.51, 7.2, 9.0, 11.3]);
        Assert.Equal([48, 48 + 240, 48 + 540, 48 + 713, 48 + 929, 48 + 1200], t.PointFrames);
        Assert.Equal(48 + 1200 + 48, t.FrameCount);
        Assert.Throws<ArgumentException>(() => new RiderTiming([1, 2, 3, 4]));
    }

    [Fact]
    public void Every_sector_takes_exactly_its_duration_and_split_frames_are_the_first_at_each_position()
    {
        for (int seed = 0; seed < 40; seed++)
        {
            var random = new Generator(1000 + seed);
            var x = SplitPositions.Draw(Strip, random);
            var run = RealRuns[random.NextInt(RealRuns.Count)];
            var timing = new RiderTiming([.. run.Sectors.Select(d => d * 60 / run.Total)]);
            var path = TraversalPath.Draw(timing, x, random);
            var p = path.Positions;
            var f = timing.PointFrames;
            Assert.Equal(timing.FrameCount, p.Count);
            for (int i = 0; i <= f[0]; i++)
                Assert.Equal(0, p[i]);
            for (int i = f[5]; i < p.Count; i++)
                Assert.Equal(x[5], p[i]);
            for (int i = f[0]; i < f[5]; i++)
                Assert.True(p[i + 1] > p[i], $"seed {seed}: x does not increase at frame {i}");
            for (int k = 1; k <= 5; k++)
            {
                Assert.Equal(x[k], p[f[k]]);
                int first = Enumerable.Range(0, p.Count).First(i => p[i] >= x[k]);
                Assert.Equal(f[k], first);
            }
            Assert.All(path.Rescale, r => Assert.Equal(1, r, 6));
            for (int k = 0; k < 5; k++)
            {
                double mean = (x[k + 1] - x[k]) / (double)(f[k + 1] - f[k]);
                Assert.InRange(path.Levels[k], mean / 1.6, mean * 1.6);
            }
        }
    }

    [Fact]
    public void The_speed_does_not_jump_at_the_splits()
    {
        for (int seed = 0; seed < 40; seed++)
        {
            var random = new Generator(2000 + seed);
            var x = SplitPositions.Draw(Strip, random);
            var run = RealRuns[random.NextInt(RealRuns.Count)];
            var timing = new RiderTiming([.. run.Sectors.Select(d => d * 50 / run.Total)]);
            var path = TraversalPath.Draw(timing, x, random);
            var p = path.Positions;
            var f = timing.PointFrames;
            double meanSpeed = x[5] / (double)(f[5] - f[0]);
            // The change of per-frame speed across each split is what the smooth speed curve gives there: no step.
            for (int k = 1; k <= 4; k++)
            {
                int s = f[k];
                double before = p[s] - p[s - 1],
                    after = p[s + 1] - p[s];
                double expected = path.Speed(s + 0.5) - path.Speed(s - 0.5);
                Assert.True(
                    Math.Abs(after - before - expected) < 1e-3 * meanSpeed,
                    $"seed {seed}, split {k}: speed {before:0.000} -> {after:0.000}, curve says Δ {expected:0.000}"
                );
                Assert.True(
                    Math.Abs(after - before) < 0.25 * meanSpeed,
                    $"seed {seed}, split {k}: speed {before:0.000} -> {after:0.000} (mean {meanSpeed:0.000})"
                );
            }
            // Ramps sit near, not at, the splits, within D_k = min(2.5 s, 0.3·min(d_k, d_k+1)).
            for (int k = 1; k <= 4; k++)
            {
                double dk = Math.Min(2.5, 0.3 * Math.Min(timing.Sectors[k - 1], timing.Sectors[k]));
                Assert.InRange(path.RampCentres[k - 1], f[k] - 24 * dk - 1e-9, f[k] + 24 * dk + 1e-9);
                Assert.InRange(path.RampWidths[k - 1], 48, 144);
            }
        }
    }

    [Fact]
    public void Occlusions_camera_and_brightness_follow_the_recipe()
    {
        for (int seed = 0; seed < 40; seed++)
        {
            var random = new Generator(3000 + seed);
            var x = SplitPositions.Draw(Strip, random);
            var run = RealRuns[random.NextInt(RealRuns.Count)];
            var timing = new RiderTiming([.. run.Sectors.Select(d => d * 45 / run.Total)]);
            var plan = RiderPlan.Draw(timing, x, random);
            var f = timing.PointFrames;
            Assert.Equal(3, plan.Occlusions.Count);
            foreach (var o in plan.Occlusions)
            {
                Assert.InRange(o.Length, 5, 12);
                Assert.InRange(o.Start, f[0], f[5] - o.Length);
                for (int i = o.Start; i <= o.End; i++)
                    Assert.All(f, p => Assert.True(Math.Abs(i - p) >= 24, $"seed {seed}: frame {i} near {p}"));
            }
            for (int j = 1; j < 3; j++)
                Assert.True(plan.Occlusions[j].Start - plan.Occlusions[j - 1].End >= 24);
            Assert.Equal(0, plan.OcclusionStrength(f[0]));
            var o0 = plan.Occlusions[0];
            Assert.Equal(Math.Sin(Math.PI / (o0.Length + 1)), plan.OcclusionStrength(o0.Start), 12);
            for (int i = 0; i < timing.FrameCount; i++)
            {
                var cam = plan.Camera[i];
                Assert.InRange(cam.CropWidth, 560 - 1e-9, 640 + 1e-9);
                Assert.InRange(cam.CentreRow, 180 - 24, 180 + 24);
                Assert.Equal(plan.Path.Positions[i] + 320, cam.CentreColumn);
                Assert.InRange(plan.Brightness(i), 0.9, 1.1);
            }
        }
    }
}
