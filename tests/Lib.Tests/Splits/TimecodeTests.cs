using Lib.Splits.Domain;

namespace Lib.Tests.Splits;

public class TimecodeTests
{
    [Theory]
    [InlineData("00:01:15", 0, 1, 15, 39)]
    [InlineData("03:17:06", 3, 17, 6, 4734)]
    [InlineData("00:00:00", 0, 0, 0, 0)]
    [InlineData("00:59:23", 0, 59, 23, 1439)]
    [InlineData("123:00:01", 123, 0, 1, 177121)]
    public void Parses_minutes_seconds_and_24_fps_frames(string text, int mm, int ss, int ff, int frames)
    {
        var t = Timecode.Parse(text);
        Assert.Equal((mm, ss, ff), (t.Minutes, t.Seconds, t.Frames));
        Assert.Equal(frames, t.TotalFrames);
        Assert.Equal(mm * 60 + ss + ff / 24.0, t.TotalSeconds, 12);
        Assert.Equal(text, t.ToString());
    }

    [Theory]
    [InlineData("00:01:24", "frame 24")]
    [InlineData("00:01:30", "frame 30")]
    [InlineData("00:60:00", "60 seconds")]
    [InlineData("0:01:15", "not a timecode")]
    [InlineData("00:1:15", "not a timecode")]
    [InlineData("00:01:5", "not a timecode")]
    [InlineData("00:01:15.5", "not a timecode")]
    [InlineData("00:00:01:15", "not a timecode")]
    [InlineData(" 00:01:15", "not a timecode")]
    [InlineData("-0:01:15", "not a timecode")]
    [InlineData("00:01", "not a timecode")]
    [InlineData("", "empty")]
    public void Refuses_anything_but_strict_MM_SS_FF(string text, string reason)
    {
        var e = Assert.Throws<FormatException>(() => Timecode.Parse(text));
        Assert.Contains(reason, e.Message);
    }

    [Theory]
    [InlineData("00:01:15", 24.0, 39)]
    [InlineData("00:01:15", 30000.0 / 1001, 49)] // 1.625 s × 29.97 = 48.70
    [InlineData("03:17:06", 30000.0 / 1001, 5912)] // 197.25 s × 29.97 = 5911.59
    [InlineData("00:02:12", 60.0, 150)]
    [InlineData("00:00:12", 25.0, 13)] // 0.5 s × 25 = 12.5, halves away from zero
    public void Converts_to_frames_at_the_videos_real_rate(string text, double fps, int frame)
    {
        var t = Timecode.Parse(text);
        Assert.Equal((int)Math.Round(t.TotalSeconds * fps, MidpointRounding.AwayFromZero), frame);
        Assert.Equal(frame, t.ToFrameIndex(fps));
    }

    [Fact]
    public void Frames_seconds_and_timecodes_round_trip()
    {
        for (int f = 0; f < 24 * 60 * 3; f += 7)
        {
            var t = Timecode.FromTotalFrames(f);
            Assert.Equal(f, t.TotalFrames);
            Assert.Equal(t, Timecode.Parse(t.ToString()));
            Assert.Equal(t, Timecode.FromSeconds(t.TotalSeconds));
            Assert.Equal(t, Timecode.FromFrameIndex(t.ToFrameIndex(24), 24));
        }
        Assert.Equal("01:02:12", Timecode.FromSeconds(62.5).ToString());
        Assert.True(Timecode.Parse("00:01:15") < Timecode.Parse("00:01:16"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Timecode.Parse("00:01:15").ToFrameIndex(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Timecode(0, 0, 24));
    }
}
