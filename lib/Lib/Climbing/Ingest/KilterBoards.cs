using System.Globalization;
using Lib.Climbing.Domain;
using Lib.Storage;
using Lib.Workflow;

namespace Lib.Climbing.Ingest;

/// <summary>
/// Kilter boards from the app's tables: <c>holes</c> (id, product_id, name, x, y …) and <c>placements</c>
/// (id, layout_id, hole_id, hold_id …). One board per layout, <c>KILTER&lt;layout_id&gt;</c>, whose holds are
/// its placements named <c>p&lt;placement id&gt;</c> at their hole's x/y, normalised over the layout's holes.
/// Role ids are known for layout 1 (Kilter Board Original: 12 start, 13 middle, 14 finish, 15 foot) and
/// layout 8 (Kilter Board Homewall: 42–45); climbs of other layouts are refused for their roles.
/// </summary>
public static class KilterBoards
{
    private static readonly Dictionary<int, (string Name, string[] Aliases, int FirstRole)> Known = new()
    {
        [1] = ("Kilter Board Original", ["kilter", "kilter1", "kilter-original"], 12),
        [8] = ("Kilter Board Homewall", ["kilter8", "kilter-homewall", "homewall"], 42),
    };

    /// <summary>The boards, plus the table files' accounts (rows that name a missing hole or do not read are
    /// reported).</summary>
    public static (IReadOnlyList<Board> Boards, ParsedFile Holes, ParsedFile Placements) Load(
        string holesCsv,
        string placementsCsv
    )
    {
        var holeRows = CsvFile.ReadTable(holesCsv, "id", "x", "y");
        var holesFile = Path.GetFileName(holesCsv);
        var placementsFile = Path.GetFileName(placementsCsv);
        var holes = new Dictionary<int, (double X, double Y)>();
        var holeRejects = new List<RejectedRecord>();
        foreach (var row in holeRows)
        {
            if (Int(row["id"]) is int id && Dbl(row["x"]) is double x && Dbl(row["y"]) is double y)
            {
                if (!holes.TryAdd(id, (x, y)))
                    holeRejects.Add(
                        new RejectedRecord(holesFile, $"line {row.Line} (hole {id})", $"hole id {id} appears twice")
                    );
            }
            else
                holeRejects.Add(
                    RejectedRecord.AtLine(
                        holesFile,
                        row.Line,
                        $"expected an integer id and numeric x, y; got '{row["id"]}', '{row["x"]}', '{row["y"]}'"
                    )
                );
        }

        var placementRows = CsvFile.ReadTable(placementsCsv, "id", "layout_id", "hole_id");
        var byLayout = new SortedDictionary<int, List<(int Placement, double X, double Y)>>();
        var placementRejects = new List<RejectedRecord>();
        var seen = new HashSet<int>();
        foreach (var row in placementRows)
        {
            if (
                Int(row["id"]) is not int id
                || Int(row["layout_id"]) is not int layout
                || Int(row["hole_id"]) is not int hole
            )
            {
                placementRejects.Add(
                    RejectedRecord.AtLine(
                        placementsFile,
                        row.Line,
                        $"expected integer id, layout_id, hole_id; got '{row["id"]}', '{row["layout_id"]}', "
                            + $"'{row["hole_id"]}'"
                    )
                );
                continue;
            }
            if (!holes.TryGetValue(hole, out var at))
                placementRejects.Add(
                    new RejectedRecord(
                        placementsFile,
                        $"line {row.Line} (placement {id})",
                        $"hole {hole} is not in {holesFile}"
                    )
                );
            else if (!seen.Add(id))
                placementRejects.Add(
                    new RejectedRecord(
                        placementsFile,
                        $"line {row.Line} (placement {id})",
                        $"placement id {id} appears twice"
                    )
                );
            else
            {
                if (!byLayout.TryGetValue(layout, out var list))
                    byLayout[layout] = list = [];
                list.Add((id, at.X, at.Y));
            }
        }

        var boards = byLayout.Select(kv => Make(kv.Key, kv.Value)).ToList();
        return (
            boards,
            new ParsedFile(holesFile, "Kilter holes table", holeRows.Count, [], holeRejects),
            new ParsedFile(placementsFile, "Kilter placements table", placementRows.Count, [], placementRejects)
        );
    }

    private static Board Make(int layout, List<(int Placement, double X, double Y)> placements)
    {
        double minX = placements.Min(p => p.X),
            maxX = placements.Max(p => p.X),
            minY = placements.Min(p => p.Y),
            maxY = placements.Max(p => p.Y);
        var holds = placements
            .OrderBy(p => p.Placement)
            .Select(p => new BoardHold(
                "p" + p.Placement.ToString(CultureInfo.InvariantCulture),
                Board.Normalise(p.X, minX, maxX),
                Board.Normalise(p.Y, minY, maxY)
            ))
            .ToList();
        var known = Known.TryGetValue(layout, out var k);
        return new Board
        {
            Key = "KILTER" + layout.ToString(CultureInfo.InvariantCulture),
            Family = "Kilter",
            Layout = known ? k.Name : $"Kilter layout {layout}",
            Aliases = known ? k.Aliases : [],
            Holds = holds,
            FrameRoles = known
                ?
                [
                    new FrameRole(k.FirstRole, HoldRole.Start),
                    new FrameRole(k.FirstRole + 1, HoldRole.Middle),
                    new FrameRole(k.FirstRole + 2, HoldRole.Finish),
                    new FrameRole(k.FirstRole + 3, HoldRole.Foot),
                ]
                : [],
        };
    }

    private static int? Int(string s) =>
        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static double? Dbl(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
