using System.Text.Json;
using Lib.Climbing.Domain;
using Lib.Climbing.Ingest;
using Lib.Workflow;

namespace Lib.Climbing.Model;

/// <summary>
/// Route files read against a saved model (its boards and grade table): MoonBoard problems (an array of objects with
/// <c>moves</c>) or Kilter climbs (a <c>/sync</c> page with <c>climbs</c>, or an array of climbs with <c>frames</c>;
/// graded when a climb stats page is given). The formats of the ingest; what prediction and the evaluation of a file
/// read.
/// </summary>
public static class RouteFiles
{
    /// <summary>
    /// The routes of <paramref name="path"/> the model can encode, and every record refused with its reason (a record
    /// the parser cannot use, a board or hold the model does not know). <paramref name="statsPath"/>: Kilter climb
    /// stats that grade the climbs (ignored for MoonBoard problems, which carry their grade).
    /// </summary>
    /// <exception cref="InvalidDataException">The file is neither format, or not JSON.</exception>
    /// <exception cref="KeyNotFoundException">Kilter climbs for a model trained on no Kilter board.</exception>
    public static (string Format, IReadOnlyList<Route> Routes, IReadOnlyList<RejectedRecord> Rejected) Read(
        GradeModel model,
        string path,
        string? statsPath = null
    )
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!File.Exists(path))
            throw new FileNotFoundException($"The input file '{path}' does not exist.", path);
        if (statsPath is not null && !File.Exists(statsPath))
            throw new FileNotFoundException($"The climb stats file '{statsPath}' does not exist.", statsPath);
        string format;
        JsonValueKind first;
        using (var document = ReadJson(path))
        {
            var root = document.RootElement;
            var sample = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().FirstOrDefault() : root;
            first = sample.ValueKind;
            format =
                root.ValueKind == JsonValueKind.Object && root.TryGetProperty("climbs", out _) ? "kilter"
                : sample.ValueKind == JsonValueKind.Object && sample.TryGetProperty("moves", out _) ? "moonboard"
                : sample.ValueKind == JsonValueKind.Object && sample.TryGetProperty("frames", out _) ? "kilter"
                : "";
            if (format.Length == 0)
                throw new InvalidDataException(
                    $"{path}: expected MoonBoard problems (objects with 'moves') or Kilter climbs (a sync page "
                        + "with 'climbs', or objects with 'frames'); found a JSON "
                        + root.ValueKind.ToString().ToLowerInvariant()
                        + (first == JsonValueKind.Object ? " of other objects." : ".")
                );
        }
        var (routes, rejected) =
            format == "moonboard" ? ReadMoonBoard(model, path) : ReadKilter(model, path, statsPath);
        var usable = new List<Route>();
        var refused = new List<RejectedRecord>(rejected);
        foreach (var r in routes)
        {
            try
            {
                model.Encode(r);
                usable.Add(r);
            }
            catch (Exception e) when (e is KeyNotFoundException or ArgumentException)
            {
                refused.Add(new RejectedRecord(r.Source, r.Record, e.Message));
            }
        }
        return (format == "moonboard" ? "MoonBoard problems" : "Kilter climbs", usable, refused);
    }

    private static (IReadOnlyList<Route>, IReadOnlyList<RejectedRecord>) ReadMoonBoard(GradeModel model, string path)
    {
        var parsed = MoonBoardParser.Parse(path, model.Grades);
        return (parsed.Routes, parsed.Rejected);
    }

    private static (IReadOnlyList<Route>, IReadOnlyList<RejectedRecord>) ReadKilter(
        GradeModel model,
        string path,
        string? statsPath
    )
    {
        if (!model.Boards.Boards.Any(b => b.Family == "Kilter"))
            throw new KeyNotFoundException(
                $"{path} holds Kilter climbs, but the model was not trained on any Kilter board (it knows "
                    + $"{string.Join(", ", model.Boards.Boards.Select(b => b.Key))})."
            );
        // Climbs with a graded stats row come back as the stats' routes (one per graded angle), the rest ungraded.
        var (climbs, stats) = KilterParser.Parse(path, statsPath, model.Boards);
        return ([.. stats?.Routes ?? [], .. climbs.Routes], [.. climbs.Rejected, .. stats?.Rejected ?? []]);
    }

    private static JsonDocument ReadJson(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: line {(e.LineNumber ?? 0) + 1}: not valid JSON ({e.Message})", e);
        }
    }
}
