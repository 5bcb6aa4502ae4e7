using Lib.Charts;
using Lib.Football.Domain;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lib.Football.Dataset;

/// <summary>
/// Normalised plays drawn on the field (<see cref="FieldMaps"/>): the tracks' paths after the turn to attack left to
/// right, and one frame's graph — every entity a node coloured by side, every edge of the fully connected graph a faint
/// line.
/// </summary>
public static class TrackMaps
{
    /// <summary>The paths of <paramref name="tracks"/> between two frames (default: all), normalised.</summary>
    public static GenericChart Paths(PlayTracks tracks, int? fromFrame = null, int? toFrame = null)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        int from = Math.Max(fromFrame ?? tracks.FirstFrame, tracks.FirstFrame),
            to = Math.Min(toFrame ?? tracks.LastFrame, tracks.LastFrame);
        var paths = tracks.Entities.Select(
            (entity, e) =>
                (
                    entity.Side,
                    Label(entity),
                    Enumerable
                        .Range(from, Math.Max(0, to - from + 1))
                        .Where(f => tracks.Present[tracks.At(e, f)])
                        .Select(f => ((double)tracks.X[tracks.At(e, f)], (double)tracks.Y[tracks.At(e, f)]))
                        .ToList()
                )
        );
        var los = tracks.Play.AbsoluteYardline is { } x
            ? AttackingDirection.ToAttacking(x, 0, tracks.Flipped).X
            : (double?)null;
        return FieldMaps.OnField(
            FieldMaps.Paths(paths),
            $"{tracks.Play.Key} normalised: attacking right{(tracks.Flipped ? " (turned)" : "")}",
            los
        );
    }

    /// <summary>The graph at <paramref name="frame"/>: the entities tracked then, and an edge between every
    /// pair.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The frame is outside the tracks.</exception>
    public static GenericChart Graph(PlayTracks tracks, int frame)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        if (!tracks.Covers(frame))
            throw new ArgumentOutOfRangeException(
                nameof(frame),
                $"Frame {frame} is outside play {tracks.Play.Key}'s tracks ({tracks.FirstFrame}–{tracks.LastFrame})."
            );
        var nodes = Enumerable.Range(0, tracks.Entities.Count).Where(e => tracks.Present[tracks.At(e, frame)]).ToList();
        var ex = new List<object?>();
        var ey = new List<object?>();
        foreach (int i in nodes)
        foreach (int j in nodes.Where(j => j > i))
        {
            ex.AddRange([tracks.X[tracks.At(i, frame)], tracks.X[tracks.At(j, frame)], null]);
            ey.AddRange([tracks.Y[tracks.At(i, frame)], tracks.Y[tracks.At(j, frame)], null]);
        }
        var traces = new List<GenericChart>
        {
            Chart
                .Line<double, double, string>([0.0], [0.0], Name: $"edges ({nodes.Count * (nodes.Count - 1)} directed)")
                .WithTraceProperty("x", ex.ToArray())
                .WithTraceProperty("y", ey.ToArray())
                .WithTraceProperty(
                    "line",
                    new Dictionary<string, object> { ["color"] = "rgba(0,0,0,0.08)", ["width"] = 1 }
                )
                .WithTraceProperty("hoverinfo", "skip"),
        };
        foreach (var side in Enum.GetValues<Side>())
        {
            var members = nodes.Where(e => tracks.Entities[e].Side == side).ToList();
            if (members.Count == 0)
                continue;
            traces.Add(
                Chart
                    .Point<double, double, string>(
                        members.Select(e => (double)tracks.X[tracks.At(e, frame)]),
                        members.Select(e => (double)tracks.Y[tracks.At(e, frame)]),
                        Name: $"{side.ToString().ToLowerInvariant()} ({members.Count})"
                    )
                    .WithTraceProperty(
                        "marker",
                        new Dictionary<string, object> { ["color"] = FieldMaps.ColorOf(side), ["size"] = 10 }
                    )
                    .WithTraceProperty("hovertext", members.Select(e => Label(tracks.Entities[e])).ToArray())
            );
        }
        return FieldMaps.OnField(traces, $"{tracks.Play.Key} frame {frame}: {nodes.Count} nodes, fully connected");
    }

    private static string Label(TrackEntity e) => e.IsBall ? "ball" : $"{e.Name} ({e.Position}, {e.Group})";
}
