using System.Globalization;
using System.Net;
using System.Text;
using Lib.Splits.Ingest;

namespace Lib.Splits.Dataset;

/// <summary>
/// The side-by-side inspection page of clip pairs (the original's <c>inspect_training_data.py</c>): for a seeded
/// draw of pairs of each kind, the last frame of the source clip beside the last frame of the target clip, with the
/// label, so a reader sees that positives show the same place and negatives do not. Offline HTML (inline PNGs).
/// </summary>
public static class SampleInspectionPage
{
    /// <summary>The page for up to <paramref name="perKind"/> pairs of each kind of <paramref name="pairs"/>; videos
    /// are <c>DIR/&lt;track&gt;/&lt;rider&gt;.mp4</c> and sample frames are at <paramref name="fps"/> (the features'
    /// rate).</summary>
    public static string Html(
        IReadOnlyList<ClipPair> pairs,
        string videosFolder,
        double fps,
        int perKind = 4,
        int seed = 1
    )
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var random = new Random(seed);
        var chosen = pairs
            .GroupBy(p => p.Kind)
            .OrderBy(g => g.Key)
            .SelectMany(g => g.OrderBy(_ => random.Next()).Take(perKind))
            .ToList();
        var wanted = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        string Video(string track, string rider) => Path.Combine(videosFolder, track, rider + ".mp4");
        var rates = new Dictionary<string, double>(StringComparer.Ordinal);
        int At(string path, int frame)
        {
            if (!rates.TryGetValue(path, out double rate))
                rate = rates[path] = VideoProbe.Probe(path).FrameRate;
            return (int)Math.Round(frame / fps * rate);
        }
        foreach (var p in chosen)
        {
            foreach (
                var (path, frame) in new[]
                {
                    (Video(p.TrackId, p.SourceRider), p.SourceFrame),
                    (Video(p.TrackId, p.TargetRider), p.TargetFrame),
                }
            )
            {
                if (!wanted.TryGetValue(path, out var set))
                    set = wanted[path] = [];
                set.Add(At(path, frame));
            }
        }
        var frames = wanted.ToDictionary(
            kv => kv.Key,
            kv => VideoPictures.FramesAt(kv.Key, kv.Value, 160, 90),
            StringComparer.Ordinal
        );
        var html = new StringBuilder("<div>");
        foreach (var p in chosen)
        {
            string s = Video(p.TrackId, p.SourceRider),
                t = Video(p.TrackId, p.TargetRider);
            html.Append(
                CultureInfo.InvariantCulture,
                $"<h4>{WebUtility.HtmlEncode(p.Kind.ToString())} · label {p.Label:0.##} · {p.TrackId}</h4>"
            );
            html.Append(
                VideoPictures.Row([
                    (
                        VideoPictures.Png(frames[s][At(s, p.SourceFrame)], 160, 90),
                        $"{p.SourceRider} @ {p.SourceFrame / fps:0.00} s"
                    ),
                    (
                        VideoPictures.Png(frames[t][At(t, p.TargetFrame)], 160, 90),
                        $"{p.TargetRider} @ {p.TargetFrame / fps:0.00} s"
                    ),
                ])
            );
        }
        return html.Append("</div>").ToString();
    }
}
