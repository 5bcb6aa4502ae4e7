using Lib.Football.Dataset;
using Lib.Football.Domain;
using Lib.Tensors;

namespace Lib.Tests.Football;

/// <summary>The dataset on the bundled real data: the split by game, the normalised tracks, the cuts, the
/// tight-window label and the batches.</summary>
[Collection("football")]
public class FootballDatasetTests(FootballDataFixture fixture)
{
    private FootballData Data => fixture.Data;

    [Fact]
    public void No_game_is_in_two_parts_of_the_split()
    {
        var parts = Data.Samples.GroupBy(s => s.Play.GameId).ToDictionary(g => g.Key, g => g.Select(s => s.Split).Distinct().ToList());
        Assert.All(parts.Values, p => Assert.Single(p));
        var train = Data.Games(DataSplit.Train);
        var validation = Data.Games(DataSplit.Validation);
        var test = Data.Games(DataSplit.Test);
        Assert.Empty(train.Intersect(validation));
        Assert.Empty(train.Intersect(test));
        Assert.Empty(validation.Intersect(test));
        var counts = Data.Counts().ToDictionary(c => c.Split, c => (c.Games, c.Plays, c.Samples));
        Assert.Equal((148, 229, 2661), counts["train"]);
        Assert.Equal((30, 40, 472), counts["validation"]);
        Assert.Equal((30, 50, 580), counts["test"]);
        Assert.All(Data.Samples, s => Assert.Equal(Data.Split.Of(s.Play.GameId), s.Split));
        var other = new GameSplit(Seed: 17);
        Assert.NotEqual(Data.Samples.Select(s => s.Split), Data.Samples.Select(s => other.Of(s.Play.GameId)));
    }

    [Fact]
    public void The_tight_window_label_marks_77_of_the_247_passes()
    {
        Assert.Equal(247, Data.Coverage.Count);
        Assert.Equal(77, Data.Coverage.Count(c => c.TightWindow));
        Assert.All(Data.Coverage, c => Assert.Equal(c.Separation <= 1.0, c.TightWindow));
        var samples = Data.Samples.Where(s => s.Coverage is not null).ToList();
        Assert.All(samples, s => Assert.Equal(PlayType.Pass, s.PlayType));
        Assert.Equal(2, Data.ManZonePlays.Count(p => p.CoverageType == "Man"));
        Assert.Equal(5, Data.ManZonePlays.Count(p => p.CoverageType == "Zone"));
        Assert.DoesNotContain(Data.Samples, s => s.Tracks.Play.Format == TrackingFormat.Bdb2023);
    }

    [Fact]
    public void Plays_are_turned_to_attack_left_to_right_and_back()
    {
        var left = Data.Tracks.Values.First(t => t.Play.Direction == PlayDirection.Left && t.Play.Format == TrackingFormat.Slim);
        var rows = Data.Cached.ReadPlay(left.Play.Key);
        foreach (var r in rows.Take(200))
        {
            int e = left.Entities.ToList().FindIndex(x => x.NflId == r.NflId && x.IsBall == r.IsBall);
            int at = left.At(e, r.FrameId);
            Assert.Equal(120 - r.X, left.X[at], 3);
            Assert.Equal(53.3 - r.Y, left.Y[at], 3);
            var (x, y) = AttackingDirection.FromAttacking(left.X[at], left.Y[at], left.Flipped);
            Assert.Equal(r.X, x, 3);
            Assert.Equal(r.Y, y, 3);
            if (r.Dir is { } dir)
                Assert.Equal((dir + 180) % 360, left.Dir[at], 1);
        }
        // After the turn every offence lines up on the left of its defence at the snap.
        int behind = 0,
            plays = 0;
        foreach (var t in Data.Tracks.Values.Where(t => t.Play.SnapFrame is { } s && t.Covers(s)))
        {
            int snap = t.Play.SnapFrame!.Value;
            double Mean(Side side) =>
                Enumerable.Range(0, t.Entities.Count).Where(e => t.Entities[e].Side == side && t.Present[t.At(e, snap)]).Average(e => t.X[t.At(e, snap)]);
            plays++;
            if (Mean(Side.Offense) < Mean(Side.Defense))
                behind++;
        }
        Assert.True(behind == plays, $"{plays - behind} of {plays} plays have the offence right of the defence");
    }

    [Fact]
    public void Velocities_follow_the_next_displacement_and_acceleration_is_derived()
    {
        double cosines = 0;
        int n = 0;
        foreach (var t in Data.Tracks.Values.Where(t => t.Play.Format == TrackingFormat.Slim).Take(40))
            for (int e = 0; e < t.Entities.Count; e++)
                for (int f = t.FirstFrame; f < t.LastFrame; f++)
                {
                    int at = t.At(e, f);
                    if (!t.Present[at] || !t.Present[at + 1] || t.S[at] < 2 || t.Entities[e].IsBall)
                        continue;
                    double dx = t.X[at + 1] - t.X[at], dy = t.Y[at + 1] - t.Y[at];
                    double norm = Math.Sqrt(dx * dx + dy * dy) * Math.Sqrt(t.Vx[at] * t.Vx[at] + t.Vy[at] * t.Vy[at]);
                    if (norm == 0) continue;
                    cosines += (dx * t.Vx[at] + dy * t.Vy[at]) / norm;
                    n++;
                    if (f > t.FirstFrame && t.Present[at - 1])
                        Assert.Equal((t.S[at] - t.S[at - 1]) / 0.1f, t.A[at], 3);
                }
        Assert.True(n > 10_000);
        Assert.True(cosines / n > 0.98, $"mean cosine {cosines / n}");
    }

    [Fact]
    public void Cuts_run_every_half_second_from_the_snap_through_pass_and_run_plays()
    {
        Assert.Equal(3713, Data.Samples.Count);
        foreach (var g in Data.Samples.GroupBy(s => s.Play))
        {
            var t = g.First().Tracks;
            Assert.Contains(t.Play.Type, new[] { PlayType.Pass, PlayType.Rush });
            var cuts = g.Select(s => s.CutFrame).ToList();
            Assert.Equal(Enumerable.Range(0, cuts.Count).Select(i => t.Play.SnapFrame!.Value + 5 * i), cuts);
            Assert.All(cuts, c => Assert.True(c + 20 <= t.LastPlayerFrame && c - 9 >= t.FirstFrame));
            Assert.True(cuts[^1] <= (t.Play.EndFrame ?? t.LastPlayerFrame));
        }
    }

    [Fact]
    public void A_batch_is_one_graph_of_fully_connected_samples()
    {
        var samples = Data.Of(DataSplit.Validation).Take(6).ToList();
        var batch = FootballBatch.Collate(samples);
        int m = samples.Sum(s => s.Nodes.Count);
        Assert.Equal([m, 10, NodeFeatures.Count], batch.Nodes.Shape);
        Assert.Equal([m, 10], batch.ObservedMask.Shape);
        Assert.Equal([m, 20, 2], batch.Targets.Shape);
        Assert.Equal([m, 20], batch.TargetMask.Shape);
        Assert.Equal(samples.Sum(s => s.Nodes.Count * (s.Nodes.Count - 1)), batch.Graph.Edges);
        Assert.Equal([batch.Graph.Edges, 3], batch.EdgeAttr.Shape);
        var src = batch.EdgeSource.ToArray();
        var dst = batch.EdgeTarget.ToArray();
        var sample = batch.NodeSample.ToArray();
        var last = batch.LastPosition.ToArray();
        var attr = batch.EdgeAttr.ToArray();
        for (int e = 0; e < src.Length; e++)
        {
            Assert.Equal(sample[src[e]], sample[dst[e]]);
            Assert.NotEqual(src[e], dst[e]);
            float dx = last[src[e] * 2] - last[dst[e] * 2], dy = last[src[e] * 2 + 1] - last[dst[e] * 2 + 1];
            Assert.Equal(MathF.Sqrt(dx * dx + dy * dy), attr[e * 3 + 2], 4);
        }
        var nodes = batch.Nodes.ToArray();
        var targets = batch.Targets.ToArray();
        var targetMask = batch.TargetMask.ToArray();
        var observed = batch.ObservedMask.ToArray();
        for (int node = 0; node < m; node++)
        {
            var s = samples[sample[node]];
            int entity = batch.NodeEntity[node];
            if (observed[node * 10 + 9] == 1)
            {
                Assert.Equal(last[node * 2], nodes[(node * 10 + 9) * NodeFeatures.Count]);
                Assert.Equal(last[node * 2 + 1], nodes[(node * 10 + 9) * NodeFeatures.Count + 1]);
            }
            for (int k = 0; k < 20; k++)
            {
                int at = s.Tracks.At(entity, s.CutFrame + 1 + k);
                Assert.Equal(s.Tracks.Present[at] ? 1f : 0f, targetMask[node * 20 + k]);
                if (s.Tracks.Present[at])
                    Assert.Equal(s.Tracks.X[at], targets[(node * 20 + k) * 2]);
            }
            Assert.Equal(batch.Entity(node).IsBall ? 0f : 1f, batch.IsPlayer.ToArray()[node]);
        }
        var perSample = Tensor.SegmentSum(Tensor.Ones(m, 1), batch.Pooling).ToArray();
        Assert.Equal(samples.Select(s => (float)s.Nodes.Count), perSample);
        Assert.Throws<ArgumentException>(() => FootballBatch.Collate([]));
    }
}

/// <summary>Tracks and samples built from rows read straight from a file (prediction's path) equal the cached
/// dataset's.</summary>
[Collection("football")]
public class FootballTracksFromRowsTests(FootballDataFixture fixture)
{
    [Fact]
    public void Rows_give_the_same_tracks_as_the_cached_table_and_any_cut_is_a_sample()
    {
        var data = fixture.Data;
        var key = data.Samples[0].Play;
        var rows = Lib.Football.Ingest.SlimTrackingReader.Read(FootballFixture.Slim).Rows.Where(r => r.Play == key).Reverse();
        var tracks = TrackBuilder.FromRows(rows, data.Cached.Plays)[key];
        var cached = data.Tracks[key];
        Assert.Equal(cached.Entities, tracks.Entities);
        Assert.Equal((cached.FirstFrame, cached.Frames), (tracks.FirstFrame, tracks.Frames));
        Assert.Equal(cached.X, tracks.X);
        Assert.Equal(cached.Vy, tracks.Vy);
        Assert.Equal(cached.A, tracks.A);
        Assert.Equal(cached.Present, tracks.Present);

        var options = new SampleOptions();
        var sample = SampleBuilder.At(tracks, data.Samples[0].CutFrame + 2, options);
        var batch = FootballBatch.Collate([sample]);
        Assert.Equal(sample.Nodes.Count, batch.NodeCount);
        var late = SampleBuilder.At(tracks, tracks.LastFrame, options); // nothing left to forecast: targets masked
        Assert.Equal(0f, FootballBatch.Collate([late]).TargetMask.ToArray().Max());
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SampleBuilder.At(tracks, tracks.FirstFrame + 3, options));
        Assert.Contains($"play is tracked at frames {tracks.FirstFrame}–{tracks.LastFrame}", error.Message);
    }

    [Fact]
    public void Observed_features_read_no_frame_after_the_cut()
    {
        // Move everyone (the ball too) 3 yd after the cut: a derived value that looked ahead (a central difference
        // for the ball's velocity, a forward one for its direction) would change an observed frame's features.
        var data = fixture.Data;
        var sample = data.Samples.First(s => s.Tracks.Play.Format == TrackingFormat.Slim && s.PlayType == PlayType.Pass);
        var key = sample.Play;
        var rows = Lib.Football.Ingest.SlimTrackingReader.Read(FootballFixture.Slim).Rows.Where(r => r.Play == key).ToList();
        var moved = rows.Select(r => r.FrameId > sample.CutFrame ? r with { X = r.X + 3, Y = r.Y - 3 } : r);
        var options = new SampleOptions();
        var before = FootballBatch.Collate([SampleBuilder.At(TrackBuilder.FromRows(rows, data.Cached.Plays)[key], sample.CutFrame, options)]);
        var after = FootballBatch.Collate([SampleBuilder.At(TrackBuilder.FromRows(moved, data.Cached.Plays)[key], sample.CutFrame, options)]);
        Assert.Equal(before.Nodes.ToArray(), after.Nodes.ToArray());
        Assert.Equal(TrajectoryFeatures.Of(before).Frames.ToArray(), TrajectoryFeatures.Of(after).Frames.ToArray());
        Assert.NotEqual(before.Targets.ToArray(), after.Targets.ToArray());
        Assert.True(before.Entity(before.NodeCount - 1).IsBall);
    }

    [Fact]
    public void The_model_features_scale_the_data_rooms_node_features_for_the_ball_as_for_players()
    {
        var batch = FootballBatch.Collate([.. fixture.Data.Samples.Take(8)]);
        var model = TrajectoryFeatures.Of(batch);
        int t = batch.Nodes.Size(1), f = NodeFeatures.Count, g = TrajectoryFeatures.Count;
        var nodes = batch.Nodes.ToArray();
        var frames = model.Frames.ToArray();
        for (int i = 0; i < batch.NodeCount; i++)
            for (int step = 0; step < t; step++)
            {
                int n = (i * t + step) * f, m = (i * t + step) * g;
                Assert.Equal(nodes[n + NodeFeatures.Vx] / 10f, frames[m + TrajectoryFeatures.Names.ToList().IndexOf("vx")]);
                Assert.Equal(nodes[n + NodeFeatures.S] / 10f, frames[m + TrajectoryFeatures.Names.ToList().IndexOf("s")]);
                Assert.Equal(nodes[n + NodeFeatures.SinDir], frames[m + TrajectoryFeatures.Names.ToList().IndexOf("sin_dir")]);
                Assert.Equal(nodes[n + NodeFeatures.Offense + 2], frames[m + TrajectoryFeatures.Names.ToList().IndexOf("ball")]);
            }
    }
}
