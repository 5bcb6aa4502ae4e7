using Lib.Football.Cache;
using Lib.Football.Domain;
using Lib.Storage.DuckDb;

namespace Lib.Football.Dataset;

/// <summary>
/// Builds every play's <see cref="PlayTracks"/> from the cleaned tracking table (<c>tracking.parquet</c>, one row per
/// play, frame and entity), read by columns through DuckDB.
/// </summary>
public static class TrackBuilder
{
    /// <summary>The tracks of every play of <paramref name="plays"/> that has rows in
    /// <paramref name="parquetPath"/>.</summary>
    public static Dictionary<PlayKey, PlayTracks> Read(string parquetPath, IReadOnlyDictionary<PlayKey, Play> plays)
    {
        ArgumentNullException.ThrowIfNull(plays);
        using var connection = DuckDb.OpenInMemory();
        var r = connection.Query(
            """
            SELECT game_id, play_id, frame_id, coalesce(nfl_id, -1) AS id, team, position, display_name, x, y, s,
                   coalesce(a, 'nan'::DOUBLE) AS a, coalesce(o, 'nan'::DOUBLE) AS o,
                   coalesce(dir, 'nan'::DOUBLE) AS dir
            FROM read_parquet(?) ORDER BY game_id, play_id, id, frame_id
            """,
            parquetPath
        );
        var game = r.GetColumn<long>("game_id");
        var playId = r.GetColumn<int>("play_id");
        var frame = r.GetColumn<int>("frame_id");
        var id = r.GetColumn<int>("id");
        var team = r.GetColumn<string>("team");
        var position = r.GetColumn<string>("position");
        var name = r.GetColumn<string>("display_name");
        var x = r.GetColumn<double>("x");
        var y = r.GetColumn<double>("y");
        var s = r.GetColumn<double>("s");
        var a = r.GetColumn<double>("a");
        var o = r.GetColumn<double>("o");
        var dir = r.GetColumn<double>("dir");
        return FromColumns(plays, game, playId, frame, id, team, position, name, x, y, s, a, o, dir);
    }

    /// <summary>
    /// The tracks of every play of <paramref name="plays"/> that has rows in <paramref name="rows"/> (any order; a
    /// repeated key keeps its first row, as the cache's <see cref="TrackingCleaner"/> does): for rows read straight
    /// from a file, as prediction does.
    /// </summary>
    public static Dictionary<PlayKey, PlayTracks> FromRows(
        IEnumerable<TrackingRow> rows,
        IReadOnlyDictionary<PlayKey, Play> plays
    )
    {
        ArgumentNullException.ThrowIfNull(plays);
        var clean = TrackingCleaner
            .Clean(rows)
            .OrderBy(r => r.GameId)
            .ThenBy(r => r.PlayId)
            .ThenBy(r => r.NflId ?? -1)
            .ThenBy(r => r.FrameId)
            .ToList();
        return FromColumns(
            plays,
            [.. clean.Select(r => r.GameId)],
            [.. clean.Select(r => r.PlayId)],
            [.. clean.Select(r => r.FrameId)],
            [.. clean.Select(r => r.NflId ?? -1)],
            [.. clean.Select(r => r.Team)],
            [.. clean.Select(r => r.Position)],
            [.. clean.Select(r => r.DisplayName)],
            [.. clean.Select(r => r.X)],
            [.. clean.Select(r => r.Y)],
            [.. clean.Select(r => r.S)],
            [.. clean.Select(r => r.A ?? double.NaN)],
            [.. clean.Select(r => r.O ?? double.NaN)],
            [.. clean.Select(r => r.Dir ?? double.NaN)]
        );
    }

    // Columns sorted by game, play, entity (the ball is -1) and frame, one row per key.
    private static Dictionary<PlayKey, PlayTracks> FromColumns(
        IReadOnlyDictionary<PlayKey, Play> plays,
        long[] game,
        int[] playId,
        int[] frame,
        int[] id,
        string[] team,
        string[] position,
        string[] name,
        double[] x,
        double[] y,
        double[] s,
        double[] a,
        double[] o,
        double[] dir
    )
    {
        var result = new Dictionary<PlayKey, PlayTracks>();
        int start = 0;
        while (start < game.Length)
        {
            int end = start;
            while (end < game.Length && game[end] == game[start] && playId[end] == playId[start])
                end++;
            var key = new PlayKey(game[start], playId[start]);
            if (plays.TryGetValue(key, out var play))
                result[key] = Build(play, start, end);
            start = end;
        }
        return result;

        PlayTracks Build(Play play, int from, int to)
        {
            int first = int.MaxValue,
                last = int.MinValue;
            var entities = new List<(TrackEntity Entity, int From, int To)>();
            for (int i = from; i < to; )
            {
                int j = i;
                while (j < to && id[j] == id[i])
                    j++;
                var side = play.SideOf(team[i]);
                var entity = new TrackEntity(
                    side == Side.Ball ? null : id[i],
                    name[i],
                    position[i],
                    side == Side.Ball ? PositionGroup.Ball : PositionGroups.Of(position[i]),
                    side
                );
                entities.Add((entity, i, j));
                for (int k = i; k < j; k++)
                {
                    first = Math.Min(first, frame[k]);
                    last = Math.Max(last, frame[k]);
                }
                i = j;
            }
            entities = [.. entities.OrderBy(e => e.Entity.Side).ThenBy(e => e.Entity.NflId ?? 0)];
            var tracks = new PlayTracks(play, first, last - first + 1, [.. entities.Select(e => e.Entity)]);
            bool flipped = tracks.Flipped;
            for (int e = 0; e < entities.Count; e++)
            {
                var (entity, rowFrom, rowTo) = entities[e];
                for (int k = rowFrom; k < rowTo; k++)
                {
                    int at = tracks.At(e, frame[k]);
                    var (nx, ny) = AttackingDirection.ToAttacking(x[k], y[k], flipped);
                    tracks.X[at] = (float)nx;
                    tracks.Y[at] = (float)ny;
                    tracks.S[at] = (float)s[k];
                    tracks.A[at] = (float)a[k]; // NaN where absent: derived below
                    tracks.Dir[at] = double.IsNaN(dir[k])
                        ? float.NaN
                        : (float)AttackingDirection.Angle(dir[k], flipped);
                    tracks.O[at] = double.IsNaN(o[k]) ? 0f : (float)AttackingDirection.Angle(o[k], flipped);
                    tracks.Present[at] = true;
                }
                Derive(tracks, e, entity.IsBall);
            }
            return tracks;
        }
    }

    /// <summary>
    /// Velocity, a missing direction and a missing acceleration of one entity's track, all causal: a frame's derived
    /// values read only that frame and earlier ones, never the next, so an observed window's features hold nothing of
    /// the frames after its cut. The ball (no <c>dir</c>) and rows without <c>dir</c> take velocity and direction from
    /// the backward displacement (0 at a track's first frame or after a gap); acceleration is the change of speed
    /// since the previous frame (0 there too).
    /// </summary>
    private static void Derive(PlayTracks t, int e, bool isBall)
    {
        const float dt = (float)Field.FrameSeconds;
        for (int f = t.FirstFrame; f <= t.LastFrame; f++)
        {
            int at = t.At(e, f);
            if (!t.Present[at])
                continue;
            bool hasPrevious = f > t.FirstFrame && t.Present[at - 1];
            if (isBall || float.IsNaN(t.Dir[at]))
            {
                var (vx, vy) = hasPrevious ? ((t.X[at] - t.X[at - 1]) / dt, (t.Y[at] - t.Y[at - 1]) / dt) : (0f, 0f);
                t.Vx[at] = vx;
                t.Vy[at] = vy;
                var degrees = Math.Atan2(vx, vy) * 180.0 / Math.PI;
                t.Dir[at] = (float)(degrees < 0 ? degrees + 360.0 : degrees);
            }
            else
            {
                double radians = t.Dir[at] * Math.PI / 180.0;
                t.Vx[at] = (float)(t.S[at] * Math.Sin(radians));
                t.Vy[at] = (float)(t.S[at] * Math.Cos(radians));
            }
            if (float.IsNaN(t.A[at]))
                t.A[at] = hasPrevious ? (t.S[at] - t.S[at - 1]) / dt : 0f;
        }
    }
}
