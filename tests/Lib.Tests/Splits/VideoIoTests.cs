using Lib.Splits.Ingest;

namespace Lib.Tests.Splits;

/// <summary>Probing, decoding and encoding with the npm ffmpeg and ffprobe through FFMpegCore.</summary>
public class VideoIoTests
{
    private static string Clip(string name) => Path.Combine(RepoPaths.Root, "tests", "fixtures", "splits", "video", name);

    [Theory]
    [InlineData("karma.mp4", 854, 480, 362)]
    [InlineData("max-heromode.mp4", 848, 480, 315)]
    public void Decoding_a_gopro_clip_yields_exactly_ffprobes_frame_count_and_rate(
        string name,
        int width,
        int height,
        int frames
    )
    {
        var info = VideoProbe.Probe(Clip(name));
        Assert.Equal((width, height, frames), (info.Width, info.Height, info.FrameCount));
        Assert.Equal("30000/1001", info.RateText);
        Assert.Equal("h264", info.Codec);
        long nonBlack = 0;
        int decoded = VideoDecoder.Decode(
            Clip(name),
            (i, rgb) =>
            {
                Assert.Equal(160 * 90 * 3, rgb.Length);
                if (rgb.Any(b => b > 16))
                    nonBlack++;
            },
            width: 160,
            height: 90
        );
        Assert.Equal(info.FrameCount, decoded);
        Assert.Equal(decoded, nonBlack);
    }

    [Fact]
    public void Decoding_at_a_chosen_rate_gives_one_frame_per_period()
    {
        var info = VideoProbe.Probe(Clip("max-heromode.mp4"));
        int decoded = VideoDecoder.Decode(Clip("max-heromode.mp4"), (_, _) => { }, rate: 6, width: 64, height: 36);
        // fps=6 over 315 frames at 30000/1001 (10.51 s): one frame per 1/6 s, rounded at the ends.
        Assert.InRange(decoded, (int)Math.Floor(info.FrameCount / info.FrameRate * 6), (int)Math.Ceiling(info.FrameCount / info.FrameRate * 6) + 1);
    }

    [Fact]
    public void Encoded_frames_decode_back_close_to_what_was_written()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "a", "clip.mp4");
        var frames = Enumerable
            .Range(0, 30)
            .Select(i =>
            {
                var f = new byte[320 * 180 * 3];
                for (int y = 0; y < 180; y++)
                    for (int x = 0; x < 320; x++)
                    {
                        int o = (y * 320 + x) * 3;
                        f[o] = (byte)(x * 255 / 319);
                        f[o + 1] = (byte)(y * 255 / 179);
                        f[o + 2] = (byte)(i * 8);
                    }
                return f;
            })
            .ToList();
        VideoEncoder.Write(path, frames, 320, 180);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!)); // no temporary file left
        var info = VideoProbe.Probe(path);
        Assert.Equal((320, 180, 30, "24/1", "h264"), (info.Width, info.Height, info.FrameCount, info.RateText, info.Codec));
        var errors = new List<double>();
        int n = VideoDecoder.Decode(
            path,
            (i, rgb) => errors.Add(rgb.Select((b, k) => Math.Abs(b - frames[i][k])).Average())
        );
        Assert.Equal(30, n);
        Assert.All(errors, e => Assert.True(e < 4, $"mean |error| {e:0.00}"));
    }

    [Fact]
    public void A_file_that_is_not_a_video_is_an_error_naming_it()
    {
        using var dir = new TempDir();
        var path = dir.File("notes.mp4", "not a video");
        var e = Assert.Throws<InvalidDataException>(() => VideoProbe.Probe(path));
        Assert.Contains(path, e.Message);
    }
}
