using System.Globalization;
using System.Net;
using System.Text;
using Lib.Display;
using Lib.Splits.Domain;
using Lib.Tensors.IO;
using OpenCvSharp;

namespace Lib.Splits.Ingest;

/// <summary>
/// The annotation inspection page: per track, per rider, the frame at each annotated timecode, from the videos on
/// disk (<c>DIR/&lt;track_id&gt;/&lt;rider_id&gt;.mp4</c>), as one offline HTML file (frames embedded as JPEG). Each
/// video is probed for its real rate and decoded once (<see cref="VideoDecoder"/>, every frame, scaled to
/// <see cref="FrameWidth"/> px wide); the frame shown for a timecode is <see cref="Timecode.ToFrameIndex"/> at that
/// rate. A run without a video is listed as missing.
/// </summary>
public static class AnnotationPage
{
    /// <summary>The width of the frames on the page, in pixels.</summary>
    public const int FrameWidth = 320;

    /// <summary>The frames of one run, or why there are none.</summary>
    public sealed record RunFrames(
        AnnotatedRun Run,
        string VideoPath,
        VideoInfo? Video,
        IReadOnlyList<AnnotationFrame> Frames
    )
    {
        /// <summary>True when the run's video was found.</summary>
        public bool HasVideo => Video is not null;
    }

    /// <summary>Reads the frames of every run of <paramref name="config"/> from <paramref name="videos"/>.</summary>
    public static IReadOnlyList<RunFrames> Frames(VideoConfig config, string videos, IProgressReporter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var task = progress?.Start("Reading annotated frames", config.Runs.Count, "videos");
        var result = new List<RunFrames>();
        foreach (var run in config.Runs)
        {
            task?.SetStatus($"{run.TrackId}/{run.RiderId}");
            var path = run.VideoPath(videos);
            result.Add(File.Exists(path) ? Read(run, path) : new RunFrames(run, path, null, []));
            task?.Advance();
        }
        task?.Complete();
        return result;
    }

    private static RunFrames Read(AnnotatedRun run, string path)
    {
        var info = VideoProbe.Probe(path);
        int width = Math.Min(FrameWidth, info.Width);
        int height = Math.Max(2, (int)Math.Round(info.Height * (double)width / info.Width / 2) * 2);
        var wanted = run.FrameIndices(info.FrameRate);
        var jpegs = new Dictionary<int, byte[]>();
        VideoDecoder.Decode(
            path,
            (index, rgb) =>
            {
                if (wanted.Contains(index) && !jpegs.ContainsKey(index))
                    jpegs[index] = Jpeg(rgb, width, height);
            },
            null,
            width,
            height
        );
        var frames = wanted
            .Select(
                (f, i) =>
                    new AnnotationFrame(
                        i,
                        SplitPoints.Name(i, wanted.Count),
                        run.Timecodes[i].ToString(),
                        f,
                        jpegs.GetValueOrDefault(f)
                    )
            )
            .ToList();
        return new RunFrames(run, path, info, frames);
    }

    /// <summary>An RGB frame as JPEG (quality 85), through OpenCV.</summary>
    public static byte[] Jpeg(byte[] rgb, int width, int height)
    {
        using var image = Mat.FromPixelData(height, width, MatType.CV_8UC3, rgb);
        using var bgr = new Mat();
        Cv2.CvtColor(image, bgr, ColorConversionCodes.RGB2BGR);
        Cv2.ImEncode(".jpg", bgr, out var bytes, new ImageEncodingParam(ImwriteFlags.JpegQuality, 85));
        return bytes;
    }

    /// <summary>The page's HTML for <paramref name="runs"/> (one section per track, a row per rider).</summary>
    public static string Html(IReadOnlyList<RunFrames> runs, string title = "Split annotations")
    {
        ArgumentNullException.ThrowIfNull(runs);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(title))
            .Append("</title><style>body{font-family:sans-serif;margin:1em}table{border-collapse:collapse}")
            .Append("td,th{border:1px solid #ccc;padding:4px;vertical-align:top;font-size:12px}")
            .Append("img{display:block;width:")
            .Append(FrameWidth)
            .Append("px}.missing{color:#a00}</style></head><body><h1>")
            .Append(WebUtility.HtmlEncode(title))
            .Append("</h1>");
        foreach (var track in runs.GroupBy(r => r.Run.TrackId))
        {
            int points = track.Max(r => r.Run.Timecodes.Count);
            sb.Append("<h2>").Append(WebUtility.HtmlEncode(track.Key)).Append("</h2><table><tr><th>rider</th>");
            for (int i = 0; i < points; i++)
                sb.Append("<th>").Append(SplitPoints.Name(i, points)).Append("</th>");
            sb.Append("</tr>");
            foreach (var r in track)
            {
                sb.Append("<tr><th>").Append(WebUtility.HtmlEncode(r.Run.RiderId)).Append("<br>");
                sb.Append(
                    r.Video is { } v
                        ? string.Create(CultureInfo.InvariantCulture, $"{v.Width}×{v.Height}, {v.RateText} fps")
                        : "<span class=\"missing\">no video at " + WebUtility.HtmlEncode(r.VideoPath) + "</span>"
                );
                sb.Append("</th>");
                for (int i = 0; i < r.Run.Timecodes.Count; i++)
                {
                    var f = r.Frames.ElementAtOrDefault(i);
                    sb.Append("<td>");
                    if (f?.Jpeg is { } jpeg)
                        sb.Append("<img alt=\"")
                            .Append(f.Name)
                            .Append("\" src=\"data:image/jpeg;base64,")
                            .Append(Convert.ToBase64String(jpeg))
                            .Append("\">");
                    else if (r.HasVideo)
                        sb.Append("<span class=\"missing\">past the end of the video</span>");
                    sb.Append(r.Run.Timecodes[i]);
                    if (f is not null)
                        sb.Append(" · frame ").Append(f.FrameIndex.ToString(CultureInfo.InvariantCulture));
                    sb.Append("</td>");
                }
                sb.Append("</tr>");
            }
            sb.Append("</table>");
        }
        sb.Append("</body></html>");
        return sb.ToString();
    }

    /// <summary>Reads the frames and writes the page to <paramref name="output"/> atomically.</summary>
    public static IReadOnlyList<RunFrames> Write(
        VideoConfig config,
        string videos,
        string output,
        IProgressReporter? progress = null
    )
    {
        var runs = Frames(config, videos, progress);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        AtomicFile.WriteAllText(output, Html(runs));
        return runs;
    }
}
