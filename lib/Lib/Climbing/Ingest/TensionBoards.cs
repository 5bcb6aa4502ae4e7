using System.Globalization;
using Lib.Climbing.Domain;
using Lib.Storage;
using Lib.Workflow;

namespace Lib.Climbing.Ingest;

/// <summary>
/// Tension Board 2 layouts from a hold catalog (<c>layout,layout_id,set_id,material,raw_x,raw_y,x,y,hold_id …</c>,
/// one row per hold): a board per layout, <c>TB2MIRROR</c> and <c>TB2SPRAY</c>, with holds named by their
/// raw position (<c>x-48y4</c>) and normalised over the layout's raw box. The catalog's own x, y (0–1 over
/// the same box) are what Tension route files give, so a route's hold at (x, y) is the board's hold at
/// (2x − 1, 2y − 1).
/// </summary>
public static class TensionBoards
{
    /// <summary>The boards of the catalog, and the file's account (rows that do not read, or repeat a position, are
    /// reported).</summary>
    public static (IReadOnlyList<Board> Boards, ParsedFile Catalog) Load(string catalogCsv)
    {
        var file = Path.GetFileName(catalogCsv);
        var rows = CsvFile.ReadTable(catalogCsv, "layout", "raw_x", "raw_y");
        var rejects = new List<RejectedRecord>();
        var byLayout = new SortedDictionary<string, List<(int X, int Y)>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var layout = row["layout"].Trim().ToLowerInvariant();
            if (
                layout.Length == 0
                || !layout.All(char.IsAsciiLetterOrDigit)
                || !int.TryParse(row["raw_x"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var x)
                || !int.TryParse(row["raw_y"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var y)
            )
            {
                rejects.Add(
                    RejectedRecord.AtLine(
                        file,
                        row.Line,
                        $"expected a layout name and integer raw_x, raw_y; got '{row["layout"]}', "
                            + $"'{row["raw_x"]}', '{row["raw_y"]}'"
                    )
                );
                continue;
            }
            if (!byLayout.TryGetValue(layout, out var list))
                byLayout[layout] = list = [];
            if (list.Contains((x, y)))
                rejects.Add(
                    RejectedRecord.AtLine(file, row.Line, $"a second hold at raw ({x}, {y}) on the {layout} layout")
                );
            else
                list.Add((x, y));
        }
        var boards = byLayout.Select(kv => Make(kv.Key, kv.Value)).ToList();
        return (boards, new ParsedFile(file, "Tension Board 2 hold catalog", rows.Count, [], rejects));
    }

    /// <summary>The name of the hold at a raw position: <c>x-48y4</c>.</summary>
    public static string HoldName(int rawX, int rawY) => string.Create(CultureInfo.InvariantCulture, $"x{rawX}y{rawY}");

    private static Board Make(string layout, List<(int X, int Y)> holds)
    {
        int minX = holds.Min(h => h.X),
            maxX = holds.Max(h => h.X),
            minY = holds.Min(h => h.Y),
            maxY = holds.Max(h => h.Y);
        var title = char.ToUpperInvariant(layout[0]) + layout[1..];
        return new Board
        {
            Key = "TB2" + layout.ToUpperInvariant(),
            Family = "Tension",
            Layout = $"Tension Board 2 {title}",
            Aliases = [$"tb2-{layout}", $"tension-{layout}", $"tb2{layout}"],
            Holds =
            [
                .. holds
                    .OrderBy(h => h.Y)
                    .ThenBy(h => h.X)
                    .Select(h => new BoardHold(
                        HoldName(h.X, h.Y),
                        Board.Normalise(h.X, minX, maxX),
                        Board.Normalise(h.Y, minY, maxY)
                    )),
            ],
        };
    }
}
