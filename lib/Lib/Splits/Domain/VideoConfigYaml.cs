using System.Globalization;
using Lib.Tensors.IO;
using Lib.Workflow;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Lib.Splits.Domain;

/// <summary>
/// Reads and writes the seed's <c>video_config.yaml</c> with YamlDotNet:
/// <code>
/// videos:
///   - riderId: "amaury_pierron"
///     trackId: "loudenvielle_2025"
///     url: "https://www.youtube.com/watch?v=…"
///     splits:
///       - "00:01:15"      # start, then the intermediate splits, then the finish (MM:SS:FF at 24 fps)
/// </code>
/// An optional top-level <c>tracks:</c> list (<c>- trackId: "x"</c>, <c>splitCount: 5</c>) declares a track whose
/// runs have another number of timecodes than six. <c>url</c> may be left out (synthetic runs have none). Reading is
/// strict: every error is an <see cref="InvalidDataException"/> naming the file, the line, the track, the rider and
/// the field, and what was expected.
/// </summary>
public static class VideoConfigYaml
{
    private static readonly string[] VideoKeys = ["riderId", "trackId", "url", "splits"];
    private static readonly string[] TrackKeys = ["trackId", "splitCount"];

    /// <summary>Reads the file at <paramref name="path"/> strictly: any bad run is an error.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is not a valid annotation file (the message says where).
    /// </exception>
    public static VideoConfig Read(string path) => Strict(Load(path));

    /// <summary>
    /// Reads the file at <paramref name="path"/>, leaving out (and reporting) each run with a bad field: the seed's
    /// own file has one (<c>"02:58:24"</c>, frame 24). A file that is not YAML or has no <c>videos:</c> list, or a
    /// bad <c>tracks:</c> entry, is still an error.
    /// </summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">The file is not an annotation file at all.</exception>
    public static VideoConfigLoad Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The annotation file '{path}' does not exist.", path);
        return LoadText(File.ReadAllText(path), path);
    }

    /// <summary>
    /// Reads annotation YAML from <paramref name="text"/> strictly; <paramref name="source"/> names it.
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// The text is not a valid annotation file (the message says where).
    /// </exception>
    public static VideoConfig Parse(string text, string source = "video_config.yaml") => Strict(LoadText(text, source));

    private static VideoConfig Strict(VideoConfigLoad load) =>
        load.Rejected.Count == 0
            ? load.Config
            : throw new InvalidDataException(
                $"{load.Rejected[0].Source}: {load.Rejected[0].Location}: {load.Rejected[0].Reason}."
            );

    /// <summary>As <see cref="Load"/>, from <paramref name="text"/>; <paramref name="source"/> names it.</summary>
    public static VideoConfigLoad LoadText(string text, string source = "video_config.yaml")
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{source}: line {e.Start.Line}: not valid YAML ({e.Message}).", e);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new InvalidDataException($"{source}: line 1: expected a mapping with a 'videos:' list.");
        foreach (var key in root.Children.Keys)
            if (Scalar(key) is not ("videos" or "tracks"))
                throw Error(source, key, $"unknown key '{Scalar(key)}' (expected 'videos' and optionally 'tracks')");

        var counts = ReadTracks(root, source);
        if (!root.Children.TryGetValue(new YamlScalarNode("videos"), out var videosNode))
            throw new InvalidDataException($"{source}: line 1: no 'videos:' list.");
        if (videosNode is not YamlSequenceNode videos)
            throw Error(source, videosNode, "'videos' must be a list of runs");

        var runs = new List<AnnotatedRun>();
        var rejected = new List<RejectedRecord>();
        var seen = new Dictionary<(string, string), long>();
        for (int v = 0; v < videos.Children.Count; v++)
        {
            var node = videos.Children[v];
            try
            {
                var run = ReadRun(node, v, counts, source);
                if (!seen.TryAdd((run.TrackId, run.RiderId), node.Start.Line))
                    throw RunError(
                        node,
                        $"track '{run.TrackId}', rider '{run.RiderId}' is annotated twice (first at line "
                            + $"{seen[(run.TrackId, run.RiderId)]})"
                    );
                runs.Add(run);
            }
            catch (RunException e)
            {
                rejected.Add(new RejectedRecord(source, $"line {e.Line}", e.Reason, e.Text));
            }
        }
        return new VideoConfigLoad(new VideoConfig(runs, counts), rejected);
    }

    private static Dictionary<string, int> ReadTracks(YamlMappingNode root, string source)
    {
        var counts = new Dictionary<string, int>();
        if (!root.Children.TryGetValue(new YamlScalarNode("tracks"), out var node))
            return counts;
        if (node is not YamlSequenceNode list)
            throw Error(source, node, "'tracks' must be a list of { trackId, splitCount }");
        foreach (var item in list)
        {
            if (item is not YamlMappingNode map)
                throw Error(source, item, "a track entry must be a mapping with trackId and splitCount");
            string id,
                where;
            YamlNode countNode;
            try
            {
                CheckKeys(map, TrackKeys, source, "track entry");
                id = RequiredString(map, "trackId", source, "track entry");
                where = $"track '{id}'";
                countNode = Required(map, "splitCount", source, where);
            }
            catch (RunException e)
            {
                throw new InvalidDataException($"{source}: line {e.Line}: {e.Reason}.", e);
            }
            string countText = Scalar(countNode);
            if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 2)
                throw Error(
                    source,
                    countNode,
                    $"{where}: splitCount '{countText}' (expected a whole number ≥ 2: start and finish at least)"
                );
            if (!counts.TryAdd(id, count))
                throw Error(source, map, $"{where} is declared twice");
        }
        return counts;
    }

    private static AnnotatedRun ReadRun(YamlNode node, int index, Dictionary<string, int> counts, string source)
    {
        if (node is not YamlMappingNode map)
            throw RunError(node, $"videos[{index}] must be a mapping (riderId, trackId, url, splits)");
        string where = $"videos[{index}]";
        CheckKeys(map, VideoKeys, source, where);
        string track = RequiredString(map, "trackId", source, where);
        string rider = RequiredString(map, "riderId", source, $"{where} (track '{track}')");
        where = $"track '{track}', rider '{rider}'";
        string url = map.Children.TryGetValue(new YamlScalarNode("url"), out var urlNode) ? Scalar(urlNode) : "";
        var splitsNode = Required(map, "splits", source, where);
        if (splitsNode is not YamlSequenceNode splits)
            throw RunError(splitsNode, $"{where}: 'splits' must be a list of MM:SS:FF timecodes");
        int expected = counts.TryGetValue(track, out var declared) ? declared : SplitPoints.DefaultCount;
        if (splits.Children.Count != expected)
            throw RunError(
                splitsNode,
                $"{where}: {splits.Children.Count} timecodes in 'splits' (expected {expected}: start, "
                    + $"{expected - 2} splits, finish"
                    + (declared > 0 ? $", as track '{track}' declares)" : ")")
            );
        var timecodes = new List<Timecode>(expected);
        for (int i = 0; i < splits.Children.Count; i++)
        {
            var item = splits.Children[i];
            string field = $"splits[{i}] ({SplitPoints.Name(i, expected)})";
            if (item is not YamlScalarNode)
                throw RunError(item, $"{where}: {field}: expected a MM:SS:FF timecode");
            if (!Timecode.TryParse(Scalar(item), out var timecode, out var error))
                throw RunError(item, $"{where}: {field}: {error}");
            if (i > 0 && timecode <= timecodes[i - 1])
                throw RunError(
                    item,
                    $"{where}: {field}: {timecode} is not after {SplitPoints.Name(i - 1, expected)} "
                        + $"{timecodes[i - 1]} (expected increasing timecodes)"
                );
            timecodes.Add(timecode);
        }
        return new AnnotatedRun(track, rider, url, timecodes);
    }

    private static void CheckKeys(YamlMappingNode map, string[] allowed, string source, string where)
    {
        foreach (var key in map.Children.Keys)
            if (!allowed.Contains(Scalar(key)))
                throw RunError(key, $"{where}: unknown field '{Scalar(key)}' (expected {string.Join(", ", allowed)})");
    }

    private static YamlNode Required(YamlMappingNode map, string key, string source, string where) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node)
            ? node
            : throw RunError(map, $"{where}: no '{key}' field");

    private static string RequiredString(YamlMappingNode map, string key, string source, string where)
    {
        var node = Required(map, key, source, where);
        string value = node is YamlScalarNode ? Scalar(node) : "";
        return value.Length > 0 ? value : throw RunError(node, $"{where}: '{key}' must be a non-empty text");
    }

    private static string Scalar(YamlNode node) => node is YamlScalarNode s ? s.Value ?? "" : "";

    private static InvalidDataException Error(string source, YamlNode node, string message) =>
        new($"{source}: line {node.Start.Line}: {message}.");

    private static RunException RunError(YamlNode node, string message) =>
        new(node.Start.Line, message, node is YamlScalarNode s ? s.Value ?? "" : "");

    private sealed class RunException(long line, string reason, string text) : Exception(reason)
    {
        public long Line { get; } = line;
        public string Reason { get; } = reason;
        public string Text { get; } = text;
    }

    /// <summary>
    /// Writes <paramref name="config"/> in the seed's format (double-quoted values, a comment line before each
    /// track's first run, the <c>tracks:</c> list only for tracks declaring a count other than six) to
    /// <paramref name="path"/>, atomically.
    /// </summary>
    public static void Write(VideoConfig config, string path)
    {
        ArgumentNullException.ThrowIfNull(config);
        string text = Format(config);
        AtomicFile.WriteAllText(path, text);
    }

    /// <summary>The YAML text <see cref="Write"/> writes.</summary>
    public static string Format(VideoConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings().WithIndentedSequences());
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        emitter.Emit(new MappingStart());
        var declared = config.DeclaredPointCounts.Where(kv => kv.Value != SplitPoints.DefaultCount).ToList();
        if (declared.Count > 0)
        {
            Plain(emitter, "tracks");
            emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
            foreach (var (track, count) in declared.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                emitter.Emit(new MappingStart());
                Plain(emitter, "trackId");
                Quoted(emitter, track);
                Plain(emitter, "splitCount");
                Plain(emitter, count.ToString(CultureInfo.InvariantCulture));
                emitter.Emit(new MappingEnd());
            }
            emitter.Emit(new SequenceEnd());
        }
        Plain(emitter, "videos");
        emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
        foreach (var track in config.Tracks)
        {
            emitter.Emit(new Comment(track.TrackId, false));
            foreach (var run in track.Runs)
            {
                emitter.Emit(new MappingStart());
                Plain(emitter, "riderId");
                Quoted(emitter, run.RiderId);
                Plain(emitter, "trackId");
                Quoted(emitter, run.TrackId);
                if (run.Url.Length > 0)
                {
                    Plain(emitter, "url");
                    Quoted(emitter, run.Url);
                }
                Plain(emitter, "splits");
                emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
                foreach (var t in run.Timecodes)
                    Quoted(emitter, t.ToString());
                emitter.Emit(new SequenceEnd());
                emitter.Emit(new MappingEnd());
            }
        }
        emitter.Emit(new SequenceEnd());
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Plain(IEmitter emitter, string value) =>
        emitter.Emit(new Scalar(null, null, value, ScalarStyle.Plain, true, false));

    private static void Quoted(IEmitter emitter, string value) =>
        emitter.Emit(new Scalar(null, null, value, ScalarStyle.DoubleQuoted, false, true));
}
