using Lib.Splits.Domain;
using Lib.Splits.Ingest;

namespace Lib.Tests.Splits;

public class AnnotationPageTests
{
    [Fact]
    public void The_page_shows_the_frame_at_each_timecode_at_the_videos_real_rate()
    {
        using var dir = new TempDir();
        var video = dir.File(Path.Combine("trk", "karma.mp4"));
        File.Copy(Path.Combine(RepoPaths.Root, "tests", "fixtures", "splits", "video", "karma.mp4"), video);
        string[] marks = ["00:00:00", "00:02:12", "00:04:00", "00:06:06", "00:08:23", "00:13:00"]; // the last is past 12.08 s
        var config = new VideoConfig(
            [
                new AnnotatedRun("trk", "karma", "", [.. marks.Select(Timecode.Parse)]),
                new AnnotatedRun("trk", "absent", "", [.. marks.Select(Timecode.Parse)]),
            ]
        );
        var page = Path.Combine(dir.Path, "page.html");
        var runs = AnnotationPage.Write(config, dir.Path, page);

        var karma = runs[0];
        Assert.True(karma.HasVideo);
        Assert.Equal(362, karma.Video!.FrameCount);
        Assert.Equal([0, 75, 120, 187, 268, 390], karma.Frames.Select(f => f.FrameIndex)); // round(s × 30000/1001)
        Assert.All(karma.Frames.Take(5), f => Assert.True(f.Jpeg is { Length: > 1000 } j && j[0] == 0xFF && j[1] == 0xD8));
        Assert.Null(karma.Frames[5].Jpeg);
        Assert.False(runs[1].HasVideo);

        var html = File.ReadAllText(page);
        Assert.Equal(5, html.Split("data:image/jpeg;base64,").Length - 1);
        Assert.Contains("past the end of the video", html);
        Assert.Contains("no video at", html);
        Assert.Contains("<th>split 2</th>", html);
    }
}
