using Lib.Splits.Domain;

namespace Lib.Tests.Splits;

public class VideoConfigYamlTests
{
    private const string Header = "videos:\n";

    private static string Run(string rider, string track, params string[] splits) =>
        $"  - riderId: \"{rider}\"\n    trackId: \"{track}\"\n    url: \"https://example.org/{rider}\"\n    splits:\n"
        + string.Concat(splits.Select(s => $"      - \"{s}\"\n"));

    private static readonly string[] Six = ["00:01:15", "00:39:19", "01:35:08", "02:36:04", "02:58:23", "03:17:06"];

    [Fact]
    public void The_strict_reader_refuses_the_seeds_frame_24_and_names_where()
    {
        var e = Assert.Throws<InvalidDataException>(() => VideoConfigYaml.Read(SplitsFixture.VideoConfig));
        Assert.Equal(
            $"{SplitsFixture.VideoConfig}: line 11: track 'loudenvielle_2025', rider 'amaury_pierron': splits[4] "
                + "(split 4): '02:58:24' has frame 24 (expected 00–23: FF counts frames at 24 fps).",
            e.Message
        );
    }

    [Fact]
    public void Loading_the_seeds_file_keeps_24_runs_on_5_tracks_and_reports_the_bad_one()
    {
        var load = VideoConfigYaml.Load(SplitsFixture.VideoConfig);
        var rejected = Assert.Single(load.Rejected);
        Assert.Equal("line 11", rejected.Location);
        Assert.Equal("02:58:24", rejected.Text);
        Assert.Contains("rider 'amaury_pierron'", rejected.Reason);
        var config = load.Config;
        Assert.Equal(24, config.Runs.Count);
        Assert.Equal(
            ["loudenvielle_2025", "poland_2025", "leogang_2025", "mont_sainte_anne_2024", "val_di_sole_2024"],
            config.Tracks.Select(t => t.TrackId)
        );
        Assert.Equal([4, 5, 5, 5, 5], config.Tracks.Select(t => t.Runs.Count));
        Assert.All(config.Runs, r => Assert.Equal(6, r.Timecodes.Count));
        var run = config.Run("loudenvielle_2025", "vali_holl");
        Assert.Equal(
            ["00:01:15", "00:43:21", "01:46:01", "02:56:20", "03:24:00", "03:45:07"],
            run.Timecodes.Select(t => t.ToString())
        );
        Assert.Equal("https://youtu.be/AClbgHAvAZ4?si=jNAzrUfA6t9s9nY7", run.Url);
        Assert.Equal(225 + 7 / 24.0 - (1 + 15 / 24.0), run.SectorSeconds.Sum(), 9);
        Assert.Equal([39, 1053, 2545, 4244, 4896, 5407], run.FrameIndices(24));
        Assert.Equal(Path.Combine("v", "loudenvielle_2025", "vali_holl.mp4"), run.VideoPath("v"));
        Assert.Throws<KeyNotFoundException>(() => config.Run("loudenvielle_2025", "amaury_pierron"));
    }

    [Fact]
    public void Writing_then_reading_gives_the_same_annotations()
    {
        var config = VideoConfigYaml.Load(SplitsFixture.VideoConfig).Config;
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "out.yaml");
        VideoConfigYaml.Write(config, path);
        var back = VideoConfigYaml.Read(path);
        Assert.Equal(config.Runs, back.Runs);
        var text = File.ReadAllText(path);
        Assert.Contains("  - riderId: \"vali_holl\"\n    trackId: \"loudenvielle_2025\"\n", text);
        Assert.Contains("    splits:\n      - \"00:01:15\"\n      - \"00:43:21\"\n", text);
        Assert.DoesNotContain("tracks:", text);
    }

    [Fact]
    public void A_track_may_declare_another_count_and_it_survives_a_round_trip()
    {
        var text =
            "tracks:\n  - trackId: \"short\"\n    splitCount: 4\n"
            + Header
            + Run("a", "short", "00:00:01", "00:10:00", "00:20:00", "00:30:00")
            + "  - riderId: \"b\"\n    trackId: \"long\"\n    splits:\n"
            + string.Concat(Six.Select(s => $"      - \"{s}\"\n"));
        var config = VideoConfigYaml.Parse(text);
        Assert.Equal(4, config.Track("short").PointCount);
        Assert.Equal(6, config.Track("long").PointCount);
        Assert.Equal("", config.Run("long", "b").Url);
        var back = VideoConfigYaml.Parse(VideoConfigYaml.Format(config));
        Assert.Equal(config.Runs, back.Runs);
        Assert.Equal(4, back.PointCount("short"));
    }

    [Theory]
    [InlineData("00:01:24", "line 10: track 'trk', rider 'bad': splits[4] (split 4): '00:01:24' has frame 24")]
    [InlineData("00:61:00", "line 10: track 'trk', rider 'bad': splits[4] (split 4): '00:61:00' has 61 seconds")]
    [InlineData("1:02:03", "line 10: track 'trk', rider 'bad': splits[4] (split 4): '1:02:03' is not a timecode")]
    [InlineData("00:00:10", "line 10: track 'trk', rider 'bad': splits[4] (split 4): 00:00:10 is not after split 3")]
    public void A_bad_timecode_names_the_file_line_track_rider_and_field(string bad, string expected)
    {
        var splits = (string[])Six.Clone();
        splits[4] = bad;
        var e = Assert.Throws<InvalidDataException>(() => VideoConfigYaml.Parse(Header + Run("bad", "trk", splits), "cfg.yaml"));
        Assert.StartsWith("cfg.yaml: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void The_wrong_number_of_timecodes_is_refused()
    {
        var e = Assert.Throws<InvalidDataException>(() => VideoConfigYaml.Parse(Header + Run("r", "t", Six[..5]), "c.yaml"));
        Assert.Contains("track 't', rider 'r': 5 timecodes in 'splits' (expected 6", e.Message);
        var declared = "tracks:\n  - trackId: \"t\"\n    splitCount: 5\n" + Header + Run("r", "t", Six);
        e = Assert.Throws<InvalidDataException>(() => VideoConfigYaml.Parse(declared, "c.yaml"));
        Assert.Contains("6 timecodes in 'splits' (expected 5: start, 3 splits, finish, as track 't' declares)", e.Message);
    }

    [Theory]
    [InlineData("videos:\n  - riderId: \"r\"\n    splits: []\n", "videos[0]: no 'trackId' field")]
    [InlineData("videos:\n  - riderId: \"r\"\n    trackId: \"t\"\n    start: \"x\"\n", "unknown field 'start'")]
    [InlineData("videos:\n  - riderId: \"r\"\n    trackId: \"t\"\n    splits: \"00:01:00\"\n", "'splits' must be a list")]
    [InlineData("other: 1\n", "unknown key 'other'")]
    [InlineData("videos: [\n", "not valid YAML")]
    [InlineData("tracks:\n  - trackId: \"t\"\n    splitCount: one\n" + Header, "splitCount 'one'")]
    public void Malformed_files_are_refused_with_the_reason(string text, string reason)
    {
        var e = Assert.Throws<InvalidDataException>(() => VideoConfigYaml.Parse(text, "c.yaml"));
        Assert.Contains(reason, e.Message);
        Assert.StartsWith("c.yaml: line ", e.Message);
    }

    [Fact]
    public void A_rider_annotated_twice_on_a_track_is_refused()
    {
        var e = Assert.Throws<InvalidDataException>(() => VideoConfigYaml.Parse(Header + Run("r", "t", Six) + Run("r", "t", Six)));
        Assert.Contains("track 't', rider 'r' is annotated twice (first at line 2)", e.Message);
    }
}
