using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lib.Display;
using Lib.Splits.Ingest;
using Lib.Storage;
using Lib.Tensors.IO;

namespace Lib.Splits.Cache;

/// <summary>
/// Per-video frame features in the derived-data cache: one step per video, rate and extractor
/// (<c>splits-features-&lt;extractor&gt;-&lt;rate&gt;fps-&lt;path hash&gt;</c>) whose input is the video file (its
/// content hashed, so an edited video is featurised again) and whose output is <c>features.safetensors</c>
/// (<c>features</c> F32 [frames, dimension]; the probe and rate in its metadata). Decoding is at the rate chosen, at
/// 320×180, in batches of the extractor's size, with progress in frames.
/// </summary>
public static class FeatureCache
{
    /// <summary>Bump when what the step writes changes.</summary>
    public const string CodeVersion = "1";

    /// <summary>Frames are decoded at this size before the extractor sees them (the synthetic videos' own).</summary>
    public const int DecodeWidth = SynthRecipe.Width,
        DecodeHeight = SynthRecipe.Height;

    private const string Output = "features.safetensors";

    /// <summary>The cache step of <paramref name="videoPath"/>'s features.</summary>
    public static CacheStep Definition(string videoPath, double rate, string extractor)
    {
        var full = Path.GetFullPath(videoPath);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..12];
        var rateText = rate.ToString("0.###", CultureInfo.InvariantCulture);
        return new CacheStep($"splits-features-{extractor}-{rateText}fps-{key}")
        {
            CodeVersion = CodeVersion,
            Inputs = [full],
            Parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["extractor"] = extractor,
                ["rate"] = rate.ToString("R", CultureInfo.InvariantCulture),
                ["size"] = $"{DecodeWidth}x{DecodeHeight}",
            },
            Outputs = [Output],
        };
    }

    /// <summary>
    /// The features of <paramref name="videoPath"/> at <paramref name="rate"/> frames per second from the extractor
    /// named <paramref name="extractor"/> (<see cref="FrameExtractors"/>), computed once and then read from the cache
    /// under <paramref name="cacheRoot"/>.
    /// </summary>
    public static VideoFeatures Load(
        string videoPath,
        double rate,
        string extractor,
        string cacheRoot,
        IProgressReporter? progress = null,
        bool force = false
    )
    {
        if (!File.Exists(videoPath))
            throw new FileNotFoundException($"Video {videoPath} does not exist.", videoPath);
        if (!(rate > 0))
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The feature rate must be positive.");
        var clock = Stopwatch.StartNew();
        var result = new DerivedCache(cacheRoot).Run(
            Definition(videoPath, rate, extractor),
            build =>
            {
                using var x = FrameExtractors.Create(extractor);
                Compute(videoPath, rate, x, build.PathOf(Output), progress);
            },
            force
        );
        double seconds = clock.Elapsed.TotalSeconds;
        return Read(videoPath, result.PathOf(Output), extractor, rate, !result.Rebuilt, seconds);
    }

    /// <summary>Decodes <paramref name="videoPath"/> at <paramref name="rate"/> and writes the features of every frame
    /// to <paramref name="output"/> (safetensors).</summary>
    public static void Compute(
        string videoPath,
        double rate,
        IFrameFeatureExtractor extractor,
        string output,
        IProgressReporter? progress = null
    )
    {
        ArgumentNullException.ThrowIfNull(extractor);
        var info = VideoProbe.Probe(videoPath);
        long expected = (long)Math.Ceiling(info.DurationSeconds * rate);
        using var task = progress?.Start($"{extractor.Name} {Path.GetFileName(videoPath)}", expected, "frames");
        var rows = new List<float[]>();
        var batch = new List<byte[]>();
        void Flush()
        {
            rows.AddRange(extractor.Extract(batch, DecodeWidth, DecodeHeight));
            task?.Advance(batch.Count);
            batch.Clear();
        }
        VideoDecoder.Decode(
            videoPath,
            (_, rgb) =>
            {
                batch.Add((byte[])rgb.Clone());
                if (batch.Count == extractor.BatchSize)
                    Flush();
            },
            rate,
            DecodeWidth,
            DecodeHeight
        );
        if (batch.Count > 0)
            Flush();
        task?.SetTotal(rows.Count);
        task?.Complete();
        var flat = new float[rows.Count * extractor.Dimension];
        for (int i = 0; i < rows.Count; i++)
            rows[i].CopyTo(flat, i * extractor.Dimension);
        SafeTensors.Save(
            output,
            new Dictionary<string, SafeTensor>
            {
                ["features"] = SafeTensor.FromFloat32(flat, rows.Count, extractor.Dimension),
            },
            new Dictionary<string, string>
            {
                ["extractor"] = extractor.Name,
                ["rate"] = rate.ToString("R", CultureInfo.InvariantCulture),
                ["video_frames"] = info.FrameCount.ToString(CultureInfo.InvariantCulture),
                ["video_rate"] = info.RateText,
                ["video_size"] = $"{info.Width}x{info.Height}",
                ["video_duration_s"] = info.DurationSeconds.ToString("R", CultureInfo.InvariantCulture),
                ["video_codec"] = info.Codec,
            }
        );
    }

    private static VideoFeatures Read(
        string videoPath,
        string file,
        string extractor,
        double rate,
        bool fromCache,
        double seconds
    )
    {
        var (tensors, meta) = SafeTensors.Load(file);
        var t = tensors["features"];
        int n = t.Shape[0],
            d = t.Shape[1];
        var flat = t.ToFloat32();
        var values = new float[n][];
        for (int i = 0; i < n; i++)
            values[i] = flat.AsSpan(i * d, d).ToArray();
        var size = meta["video_size"].Split('x');
        var r = meta["video_rate"].Split('/');
        var info = new VideoInfo(
            Path.GetFullPath(videoPath),
            int.Parse(size[0], CultureInfo.InvariantCulture),
            int.Parse(size[1], CultureInfo.InvariantCulture),
            int.Parse(meta["video_frames"], CultureInfo.InvariantCulture),
            int.Parse(r[0], CultureInfo.InvariantCulture),
            int.Parse(r[1], CultureInfo.InvariantCulture),
            double.Parse(meta["video_duration_s"], CultureInfo.InvariantCulture),
            meta["video_codec"]
        );
        return new VideoFeatures(Path.GetFullPath(videoPath), info, extractor, rate, values, fromCache, seconds);
    }
}
