using Lib.Football.Domain;
using Lib.Football.Ingest;

namespace Lib.Tests.Football;

/// <summary>The three tracking readers and the plays reader on the bundled real files (data/football).</summary>
public class FootballReadersTests
{
    private static readonly Lazy<TrackingFile> Slim = new(() => SlimTrackingReader.Read(FootballFixture.Slim));
    private static readonly Lazy<TrackingFile> Raw = new(() => RawNgsReader.Read(FootballFixture.Raw));

    [Fact]
    public void The_slim_file_reads_every_row_of_the_338_plays()
    {
        var file = Slim.Value;
        Assert.Equal(657_683, file.Records);
        Assert.Equal(657_683, file.Rows.Count);
        Assert.Empty(file.Issues);
        Assert.Equal(338, file.Rows.Select(r => r.Play).Distinct().Count());
        var first = file.Rows[0];
        Assert.Equal((2018011401L, 4497, 2017, 19, 122), (first.GameId, first.PlayId, first.Season, first.Week, first.FrameId));
        Assert.Equal((2495184, "Cameron Jordan", "DE", "away", 94), (first.NflId, first.DisplayName, first.Position, first.Team, first.JerseyNumber));
        Assert.Equal((49.3, 18.82, 0.0, 154.1, 354.5), (first.X, first.Y, first.S, first.O!.Value, first.Dir!.Value));
        Assert.Equal(new DateTime(2018, 1, 15, 1, 6, 51, DateTimeKind.Utc), first.Time);
        Assert.Equal(2, first.Line);
        Assert.Null(first.A);
        var ball = file.Rows.First(r => r.IsBall);
        Assert.Null(ball.NflId);
        Assert.Null(ball.Dir);
    }

    [Fact]
    public void The_plays_table_reads_338_plays_with_their_events()
    {
        var (plays, issues) = PlaysReader.Read(FootballFixture.Plays);
        Assert.Empty(issues);
        Assert.Equal(338, plays.Count);
        Assert.Equal(253, plays.Count(p => p.Type == PlayType.Pass));
        Assert.Equal(66, plays.Count(p => p.Type == PlayType.Rush));
        Assert.Equal(247, plays.Count(p => p.Type == PlayType.Pass && p.PassArrivedFrame is not null));
        var play = plays.Single(p => p.Key == new PlayKey(2018011401, 4497));
        Assert.Equal(("MIN", "MIN", "NO", "NO", PlayDirection.Right), (play.PossessionTeam, play.HomeTeam, play.AwayTeam, play.DefensiveTeam, play.Direction));
        Assert.Equal((132, 183, 233), (play.SnapFrame, play.PassArrivedFrame, play.EndFrame));
        Assert.Equal("C", play.PassResult);
        Assert.Equal(Side.Offense, play.SideOf("home"));
        Assert.Equal(Side.Defense, play.SideOf("away"));
        Assert.Equal(Side.Ball, play.SideOf("football"));
    }

    [Fact]
    public void The_raw_file_rebuilds_the_frame_clock_from_time()
    {
        var file = Raw.Value;
        Assert.Empty(file.Issues);
        Assert.Equal(5923, file.Rows.Count);
        var play = Assert.Single(file.Plays);
        Assert.Equal((PlayType.Pass, PlayDirection.Right, "DAL", "LA", "DAL", 2018, 19), (play.Type, play.Direction, play.PossessionTeam, play.HomeTeam, play.AwayTeam, play.Season, play.Week));
        // The ball is tracked 1.8 s before the players: on the rebuilt clock it starts at 0, they at 18.
        Assert.Equal(0, file.Rows.Where(r => r.IsBall).Min(r => r.FrameId));
        Assert.Equal(18, file.Rows.Where(r => !r.IsBall).Min(r => r.FrameId));
        // Every event now sits on one frame for all entities (the source's frame had the ball's 18 off).
        foreach (var name in new[] { "ball_snap", "pass_forward", "pass_arrived" })
            Assert.Single(file.Rows.Where(r => r.Event == name).Select(r => r.FrameId).Distinct());
        Assert.Equal(play.FrameOf("ball_snap"), file.Rows.First(r => r.IsBall && r.Event == "ball_snap").FrameId);
    }

    [Fact]
    public void The_raw_play_matches_its_slim_copy_row_for_row()
    {
        var slim = Slim.Value.Rows.Where(r => r.Play == new PlayKey(2019011201, 531)).ToList();
        var raw = Raw.Value.Rows.GroupBy(r => (r.FrameId, r.NflId)).ToDictionary(g => g.Key, g => g.First());
        Assert.True(slim.Count > 1000);
        foreach (var s in slim)
        {
            var r = raw[(s.FrameId, s.NflId)];
            Assert.Equal((s.X, s.Y, s.S, s.Team, s.Time), (r.X, r.Y, r.S, r.Team, r.Time));
        }
    }

    [Fact]
    public void The_BDB_sample_reads_with_its_man_and_zone_labels()
    {
        var file = BdbTrackingReader.Read(FootballFixture.BdbCoords);
        Assert.Empty(file.Issues);
        Assert.Equal(6049, file.Rows.Count);
        Assert.Equal(7, file.Plays.Count);
        Assert.Equal(2, file.Plays.Count(p => p.CoverageType == "Man"));
        Assert.Equal(5, file.Plays.Count(p => p.CoverageType == "Zone"));
        Assert.Equal("Cover-0", file.Plays.Single(p => p.Key == new PlayKey(2021091300, 4845)).Coverage);
        Assert.All(file.Rows, r => Assert.Equal(2021, r.Season));
        Assert.All(file.Rows, r => Assert.Null(r.Week));
        Assert.All(file.Rows.Where(r => !r.IsBall), r => Assert.NotEqual("", r.Position));
        Assert.All(file.Rows, r => Assert.NotNull(r.A));
        var play = file.Plays[0];
        var offense = file.Rows.Where(r => r.Play == play.Key && !r.IsBall).Select(r => play.SideOf(r.Team)).Distinct().Order().ToList();
        Assert.Equal([Side.Offense, Side.Defense], offense);
    }

    [Fact]
    public void Seasons_and_weeks_select_rows_and_a_week_less_BDB_row_only_without_weeks()
    {
        var raw = RawNgsReader.Read(FootballFixture.Raw, TrackingSelection.Of(weeks: [19]));
        Assert.Equal(5923, raw.Rows.Count);
        Assert.Empty(RawNgsReader.Read(FootballFixture.Raw, TrackingSelection.Of(seasons: [2019])).Rows);
        Assert.Empty(BdbTrackingReader.Read(FootballFixture.BdbCoords, TrackingSelection.Of(weeks: [1])).Rows);
        Assert.Equal(6049, BdbTrackingReader.Read(FootballFixture.BdbCoords, TrackingSelection.Of(seasons: [2021])).Rows.Count);
        Assert.Equal([1, 2, 3, 9, 18], TrackingSelection.ParseList("1-3, 9,18"));
        Assert.Throws<FormatException>(() => TrackingSelection.ParseList("1-x"));
    }
}
