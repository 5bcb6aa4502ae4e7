using Lib.Track.Domain;

namespace Lib.Tests.Track;

/// <summary>The markers TFRRS prints around marks (issue 19): parsed, kept as flags and text, never a refusal.</summary>
public class MarkMarkerTests
{
    [Theory]
    // The held-out pages' markers, as the issue quotes them.
    [InlineData("2:33.24%", 153.24, MarkFlags.Percent, "%")]
    [InlineData("23.23%", 23.23, MarkFlags.Percent, "%")]
    [InlineData("7.20(55)", 7.20, MarkFlags.RaceDistance, "(55)")]
    [InlineData("3:37.31 @(1)", 217.31, MarkFlags.Converted | MarkFlags.Footnote, "@ (1)")]
    [InlineData("4:05.83 (1)", 245.83, MarkFlags.Footnote, "(1)")]
    // The rest of the family.
    [InlineData("10.03 @", 10.03, MarkFlags.Converted, "@")]
    [InlineData("8.73#", 8.73, MarkFlags.Hash, "#")]
    [InlineData("8:01.22 *", 481.22, MarkFlags.Asterisk, "*")]
    [InlineData("*8:01.22", 481.22, MarkFlags.Asterisk, "*")]
    [InlineData("21.05w#", 21.05, MarkFlags.WindAided | MarkFlags.Hash, "#")]
    [InlineData("21.05 W", 21.05, MarkFlags.WindAided, "")]
    [InlineData("1:49.90 # @ (2)", 109.90, MarkFlags.Hash | MarkFlags.Converted | MarkFlags.Footnote, "# @ (2)")]
    [InlineData("6.91(55)@", 6.91, MarkFlags.RaceDistance | MarkFlags.Converted, "(55) @")]
    public void Known_markers_are_flags_and_the_value_is_the_marks(
        string text,
        double seconds,
        MarkFlags flags,
        string markers
    )
    {
        var mark = Mark.Parse(text, MarkUnit.Seconds);
        Assert.True(mark.IsValid);
        Assert.Equal(seconds, mark.Value!.Value, 9);
        Assert.Equal(flags, mark.Flags);
        Assert.Equal(markers, mark.MarkerText);
        Assert.Equal(text, mark.Text);
        Assert.Empty(mark.UnknownMarkers);
    }

    [Fact]
    public void A_race_distance_says_how_far_the_race_was_and_a_small_number_is_a_footnote()
    {
        var sprint = Mark.Parse("7.20(55)", MarkUnit.Seconds);
        Assert.Equal(55, sprint.RaceDistance);
        Assert.Equal("run over 55 m, not the event's distance", Assert.Single(sprint.Markers).Meaning);
        var footnote = Mark.Parse("4:05.83 (1)", MarkUnit.Seconds);
        Assert.Null(footnote.RaceDistance);
        Assert.Equal(new MarkMarker("(1)", MarkerKind.Footnote, 1), Assert.Single(footnote.Markers));
    }

    [Theory]
    [InlineData("10.31 !", MarkUnit.Seconds, 10.31, "!")]
    [InlineData("10.31x", MarkUnit.Seconds, 10.31, "x")]
    [InlineData("7.45mh", MarkUnit.Metres, 7.45, "h")]
    [InlineData("10.31 (+1.2)", MarkUnit.Seconds, 10.31, "(+1.2)")]
    [InlineData("6219 ^", MarkUnit.Points, 6219, "^")]
    [InlineData("24' 5.25\" †", MarkUnit.Metres, 7.44855, "†")]
    public void An_unknown_marker_keeps_the_mark_and_is_named(string text, MarkUnit unit, double value, string marker)
    {
        var mark = Mark.Parse(text, unit);
        Assert.Equal(value, mark.Value!.Value, 9);
        Assert.True(mark.Flags.HasFlag(MarkFlags.UnknownMarker));
        Assert.Equal([marker], mark.UnknownMarkers);
        Assert.Contains("does not know", mark.Markers.Single(m => m.Kind == MarkerKind.Unknown).Meaning);
    }

    [Fact]
    public void Non_marks_keep_their_markers_and_other_codes_are_kept_by_their_text()
    {
        var dnf = Mark.Parse("DNF (1)", MarkUnit.Seconds);
        Assert.Equal(MarkStatus.DidNotFinish, dnf.Status);
        Assert.Equal(MarkFlags.Footnote, dnf.Flags);
        Assert.Equal("DNF", dnf.StatusCode);
        foreach (var code in new[] { "ENR", "NP" })
        {
            var other = Mark.Parse(code, MarkUnit.Seconds);
            Assert.Equal(MarkStatus.OtherCode, other.Status);
            Assert.Null(other.Value);
            Assert.Equal(code, other.StatusCode);
        }
        Assert.Equal("OK", Mark.Parse("10.31", MarkUnit.Seconds).StatusCode);
    }

    [Fact]
    public void Markers_read_back_from_their_text()
    {
        var mark = Mark.Parse("1:49.90x # @ (2) (55) ~", MarkUnit.Seconds);
        Assert.Equal(
            [
                new MarkMarker("x", MarkerKind.Unknown),
                new MarkMarker("#", MarkerKind.Hash),
                new MarkMarker("@", MarkerKind.Converted),
                new MarkMarker("(2)", MarkerKind.Footnote, 2),
                new MarkMarker("(55)", MarkerKind.RaceDistance, 55),
                new MarkMarker("~", MarkerKind.Unknown),
            ],
            mark.Markers
        );
        Assert.Equal(mark.Markers, MarkMarkers.Split(MarkMarkers.Join(mark.Markers)));
    }
}
