using System.Globalization;
using System.Net;
using System.Text;
using Lib.Splits.Domain;
using Lib.Tensors.IO;

namespace Lib.Splits.Predict;

/// <summary>
/// The viewer page of a find run, one offline HTML file: per ordered pair, per point, the source's annotated frame
/// beside the target frame found, with its time, its confidence and the baseline's time, and the model's score
/// along the target video for that point (an inline SVG curve, the frame found marked).
/// </summary>
public static class SplitViewerPage
{
    /// <summary>The page's HTML (frames read from <paramref name="videosFolder"/>).</summary>
    public static string Html(FoundPairs found, string videosFolder)
    {
        ArgumentNullException.ThrowIfNull(found);
        var html = new StringBuilder();
        html.Append(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Splits found</title><style>"
                + "body{font-family:sans-serif;margin:1em}table{border-collapse:collapse;margin-bottom:2em}"
                + "td,th{border:1px solid #ccc;padding:4px;text-align:center;font-size:13px}"
                + "img{display:block}svg{background:#fafafa}</style></head><body><h1>Splits found</h1>"
        );
        var frames = new Dictionary<(string, string), Dictionary<int, byte[]>>();
        byte[]? Picture(string track, string rider, double rate, int frame, IEnumerable<int> all)
        {
            if (!frames.TryGetValue((track, rider), out var pictures))
            {
                var path = Path.Combine(videosFolder, track, rider + ".mp4");
                pictures = File.Exists(path) ? FrameThumbnails.Read(path, rate, [.. all]) : [];
                frames[(track, rider)] = pictures;
            }
            return pictures.GetValueOrDefault(frame);
        }
        foreach (var p in found.Pairs)
        {
            var sourceFrames = found
                .Pairs.Where(q => q.TrackId == p.TrackId && q.SourceRider == p.SourceRider)
                .SelectMany(q => q.SourceFrames)
                .Concat(
                    found
                        .Pairs.Where(q => q.TrackId == p.TrackId && q.TargetRider == p.SourceRider)
                        .SelectMany(q => q.Splits.Select(s => s.Frame))
                );
            var targetFrames = found
                .Pairs.Where(q => q.TrackId == p.TrackId && q.TargetRider == p.TargetRider)
                .SelectMany(q => q.Splits.Select(s => s.Frame))
                .Concat(
                    found
                        .Pairs.Where(q => q.TrackId == p.TrackId && q.SourceRider == p.TargetRider)
                        .SelectMany(q => q.SourceFrames)
                );
            html.Append(
                CultureInfo.InvariantCulture,
                $"<h2>{Enc(p.TrackId)}: {Enc(p.SourceRider)} → {Enc(p.TargetRider)}</h2>"
            );
            html.Append("<table><tr><th>point</th><th>source (annotated)</th><th>target (found)</th>");
            html.Append("<th>found s</th><th>confidence</th><th>baseline s</th><th>score along the target</th></tr>");
            foreach (var s in p.Splits)
            {
                var src = Picture(p.TrackId, p.SourceRider, p.Fps, p.SourceFrames[s.Index], sourceFrames);
                var dst = Picture(p.TrackId, p.TargetRider, p.Fps, s.Frame, targetFrames);
                html.Append(
                    CultureInfo.InvariantCulture,
                    $"<tr><td>{Enc(SplitPoints.Name(s.Index, p.Splits.Count))}</td><td>{Img(src)}"
                        + $"{p.SourceFrames[s.Index] / p.Fps:0.00} s</td><td>{Img(dst)}</td><td>{s.Seconds:0.000}</td>"
                        + $"<td>{s.Confidence:0.000}</td><td>{p.BaselineSeconds[s.Index]:0.000}</td>"
                        + $"<td>{Curve(p.Search.ScannedFrames, p.Search.Logits[s.Index], s.Frame)}</td></tr>"
                );
            }
            html.Append("</table>");
        }
        html.Append("</body></html>");
        return html.ToString();
    }

    /// <summary>Writes the page atomically.</summary>
    public static void Write(string path, FoundPairs found, string videosFolder)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
            Directory.CreateDirectory(dir);
        AtomicFile.WriteAllText(path, Html(found, videosFolder));
    }

    static string Enc(string text) => WebUtility.HtmlEncode(text);

    static string Img(byte[]? jpeg) =>
        jpeg is null
            ? "<em>no frame</em>"
            : $"<img width=\"{FrameThumbnails.Width}\" height=\"{FrameThumbnails.Height}\" "
                + $"src=\"data:image/jpeg;base64,{Convert.ToBase64String(jpeg)}\">";

    static string Curve(IReadOnlyList<int> frames, float[] logits, int found)
    {
        const int w = 240,
            h = 60;
        double lo = logits.Min(),
            hi = Math.Max(logits.Max(), lo + 1e-6);
        int last = Math.Max(1, frames[^1]);
        var points = string.Join(
            ' ',
            frames.Select(
                (f, j) =>
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{w * f / (double)last:0.#},{h - h * (logits[j] - lo) / (hi - lo):0.#}"
                    )
            )
        );
        double x = w * found / (double)last;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"<svg width=\"{w}\" height=\"{h}\"><polyline fill=\"none\" stroke=\"#36c\" points=\"{points}\"/>"
                + $"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"0\" y2=\"{h}\" stroke=\"#c33\"/></svg>"
        );
    }
}
