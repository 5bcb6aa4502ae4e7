using System.Globalization;
using System.Text;
using System.Text.Json;
using Lib.Display;
using Lib.Splits.Domain;
using Lib.Tensors;
using Lib.Tensors.IO;

namespace Lib.Splits.Ingest;

/// <summary>
/// The synthetic traversal generator (the recipe of <c>data/splits/README.md</c>, "Synthetic traversal videos"):
/// <see cref="Plan"/> draws every track and rider from the seed (cheap: no pixels), <see cref="Write"/> renders and
/// encodes the videos as <c>DIR/&lt;track_id&gt;/&lt;rider_id&gt;.mp4</c> and writes the truth as
/// <c>DIR/video_config.yaml</c> (the seed's format, <c>MM:SS:FF</c> at 24 fps) and the draw's details as
/// <c>DIR/synth.json</c>.
/// </summary>
public sealed class SyntheticDataset
{
    /// <summary>The truth file's name.</summary>
    public const string ConfigFile = "video_config.yaml";

    /// <summary>The details file's name.</summary>
    public const string DetailsFile = "synth.json";

    private SyntheticDataset(SynthOptions options, IReadOnlyList<SynthTrack> tracks)
    {
        Options = options;
        Tracks = tracks;
    }

    /// <summary>What was asked for.</summary>
    public SynthOptions Options { get; }

    /// <summary>The tracks, in order.</summary>
    public IReadOnlyList<SynthTrack> Tracks { get; }

    /// <summary>Every run, track by track.</summary>
    public IEnumerable<SynthRun> Runs => Tracks.SelectMany(t => t.Runs);

    /// <summary>The files <see cref="Write"/> creates, relative to its folder.</summary>
    public IReadOnlyList<string> Files =>
        [ConfigFile, DetailsFile, .. Runs.Select(r => $"{r.TrackId}/{r.RiderId}.mp4")];

    /// <summary>Draws the data set of <paramref name="options"/>: photos, split positions, riders' sector times
    /// and plans.</summary>
    /// <exception cref="ArgumentException">Too few photos for the tracks, or no race round with enough finishers
    /// for the riders.</exception>
    public static SyntheticDataset Plan(SynthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Tracks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Riders, 1);
        var photos = options.PhotoFiles();
        int needed = options.Tracks * SynthRecipe.PhotosPerTrack;
        if (photos.Count < needed)
            throw new ArgumentException(
                $"{options.PhotosFolder} has {photos.Count} photos; {options.Tracks} tracks need {needed} "
                    + $"({SynthRecipe.PhotosPerTrack} each, different ones per track)."
            );
        var rounds = SectorTimes
            .Read(options.TimingFile)
            .GroupBy(r => (r.Race, r.Round))
            .Where(g => g.Count() >= options.Riders && g.Max(r => r.Total) <= 2 * g.Min(r => r.Total))
            .Select(g => g.ToList())
            .ToList();
        if (rounds.Count == 0)
            throw new ArgumentException(
                $"{options.TimingFile}: no race round has {options.Riders} complete finishing runs."
            );
        var random = new Generator(options.Seed);
        var order = Permutation(photos.Count, random);
        var tracks = new List<SynthTrack>();
        for (int t = 0; t < options.Tracks; t++)
        {
            string trackId = $"synth_{t + 1:00}";
            var trackPhotos = order
                .Skip(t * SynthRecipe.PhotosPerTrack)
                .Take(SynthRecipe.PhotosPerTrack)
                .Select(i => photos[i])
                .ToList();
            var trackRandom = new Generator(Mix(options.Seed, t + 1, 0));
            var layout = new StripLayout([.. trackPhotos.Select(PhotoWidth)]);
            var x = SplitPositions.Draw(layout, trackRandom);
            var round = rounds[trackRandom.NextInt(rounds.Count)];
            var chosen = Permutation(round.Count, trackRandom).Take(options.Riders).Select(i => round[i]).ToList();
            double low = SynthRecipe.MinRunSeconds / chosen.Min(r => r.Total),
                high = SynthRecipe.MaxRunSeconds / chosen.Max(r => r.Total);
            double factor = low + (high - low) * trackRandom.NextDouble();
            var runs = new List<SynthRun>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (int r = 0; r < chosen.Count; r++)
            {
                var source = chosen[r];
                var timing = new RiderTiming([.. source.Sectors.Select(d => d * factor)]);
                var plan = RiderPlan.Draw(timing, x, new Generator(Mix(options.Seed, t + 1, r + 1)));
                var id = RiderId(source.Rider);
                for (int k = 2; !ids.Add(id); k++)
                    id = RiderId(source.Rider) + "_" + k.ToString(CultureInfo.InvariantCulture);
                runs.Add(new SynthRun(trackId, id, source, factor, plan));
            }
            tracks.Add(new SynthTrack(trackId, trackPhotos, layout, x, runs));
        }
        return new SyntheticDataset(options, tracks);
    }

    /// <summary>
    /// Renders and encodes every video into <paramref name="folder"/> (riders in parallel), then writes
    /// <see cref="ConfigFile"/> and <see cref="DetailsFile"/>. Progress counts frames.
    /// </summary>
    public void Write(
        string folder,
        IProgressReporter? progress = null,
        int maxParallel = 0,
        CancellationToken cancellationToken = default
    )
    {
        Directory.CreateDirectory(folder);
        using var task = progress?.Start("synthetic videos", Runs.Sum(r => (long)r.Plan.Timing.FrameCount), "frames");
        foreach (var track in Tracks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var strip = TrackStrip.Build(track.Photos);
            Parallel.ForEach(
                track.Runs,
                new ParallelOptions
                {
                    MaxDegreeOfParallelism = maxParallel > 0 ? maxParallel : Environment.ProcessorCount,
                    CancellationToken = cancellationToken,
                },
                run =>
                {
                    using var renderer = new FrameRenderer(strip, run.Plan);
                    VideoEncoder.Write(
                        run.VideoPath(folder),
                        Frames(renderer, run.Plan.Timing.FrameCount, task, cancellationToken),
                        SynthRecipe.Width,
                        SynthRecipe.Height
                    );
                }
            );
            task?.SetStatus(track.TrackId);
        }
        AtomicFile.WriteAllText(Path.Combine(folder, ConfigFile), TruthYaml());
        AtomicFile.WriteAllText(Path.Combine(folder, DetailsFile), DetailsJson());
        task?.Complete();
    }

    private static IEnumerable<byte[]> Frames(
        FrameRenderer renderer,
        int count,
        IProgressTask? task,
        CancellationToken cancellationToken
    )
    {
        var buffer = new byte[FrameRenderer.FrameBytes]; // ffmpeg's pipe writes each frame before asking for the next
        for (int i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            renderer.Render(i, buffer);
            task?.Advance();
            yield return buffer;
        }
    }

    /// <summary>The truth as annotations: per run the timecodes of F0 (start), F1..F4 (splits) and F5 (finish) at
    /// 24 fps, the url the video's path relative to the data set's folder.</summary>
    public VideoConfig Config() =>
        new(
            Runs.Select(r => new AnnotatedRun(
                r.TrackId,
                r.RiderId,
                $"{r.TrackId}/{r.RiderId}.mp4",
                [.. r.PointFrames.Select(Domain.Timecode.FromTotalFrames)]
            ))
        );

    /// <summary>The truth in the seed's <c>video_config.yaml</c> format (<see cref="VideoConfigYaml"/>).</summary>
    public string TruthYaml() => VideoConfigYaml.Format(Config());

    /// <summary><c>MM:SS:FF</c> of frame <paramref name="frame"/> at 24 fps.</summary>
    public static string Timecode(int frame) => Domain.Timecode.FromTotalFrames(frame).ToString();

    /// <summary>The draw's details as JSON: per track its photos, seams and split positions; per run its source
    /// run, factor, sector durations, F0..F5, frame count, occlusions and ramp placements.</summary>
    public string DetailsJson() =>
        JsonSerializer.Serialize(
            new
            {
                recipe = SynthRecipe.Version,
                seed = Options.Seed,
                fps = SynthRecipe.Fps,
                width = SynthRecipe.Width,
                height = SynthRecipe.Height,
                tracks = Tracks.Select(t => new
                {
                    trackId = t.TrackId,
                    photos = t.Photos.Select(Path.GetFileName),
                    boundaries = t.Layout.Boundaries,
                    travel = t.Layout.Travel,
                    splitPositions = t.SplitPositions,
                    runs = t.Runs.Select(r => new
                    {
                        riderId = r.RiderId,
                        source = new
                        {
                            race = r.Source.Race,
                            round = r.Source.Round,
                            rider = r.Source.Rider,
                            sectors = r.Source.Sectors,
                        },
                        factor = r.Factor,
                        sectors = r.Plan.Timing.Sectors,
                        pointFrames = r.PointFrames,
                        frameCount = r.Plan.Timing.FrameCount,
                        levels = r.Plan.Path.Levels,
                        rampCentres = r.Plan.Path.RampCentres,
                        rampWidths = r.Plan.Path.RampWidths,
                        occlusions = r.Plan.Occlusions.Select(o => new { start = o.Start, length = o.Length }),
                    }),
                }),
            },
            new JsonSerializerOptions { WriteIndented = true }
        );

    private static int PhotoWidth(string path)
    {
        using var photo = StripPhoto.Load(path);
        return photo.Width;
    }

    private static int[] Permutation(int n, Generator random)
    {
        var p = Enumerable.Range(0, n).ToArray();
        for (int i = n - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }

    private static long Mix(long seed, int track, int rider) =>
        unchecked(seed * 1_000_003L + track * 10_007L + rider * 101L + 0x5EED);

    private static string RiderId(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
            if (char.IsAsciiLetterOrDigit(c))
                sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '_' && char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                sb.Append('_');
        return sb.ToString().Trim('_');
    }
}
