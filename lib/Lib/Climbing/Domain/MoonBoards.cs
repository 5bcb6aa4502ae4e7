using System.Globalization;

namespace Lib.Climbing.Domain;

/// <summary>
/// The MoonBoard layouts: a grid of columns A–K and rows 1–18 (1–12 on the Mini MoonBoard), holds
/// named by cell (<c>E6</c>). The API names the set-up in <c>holdsetup.description</c> and the angle in
/// <c>moonBoardConfigurationId</c>: 0 on the 2016 board (always 40°), 1 = 40°, 2 = 25°.
/// </summary>
public static class MoonBoards
{
    private const string Columns = "ABCDEFGHIJK";

    /// <summary>MoonBoard 2016 (40°).</summary>
    public static Board Moon2016 { get; } =
        Grid("MOON2016", "MoonBoard 2016", 18, ["2016", "moon2016", "moonboard2016"]);

    /// <summary>MoonBoard Masters 2017 (25° and 40°).</summary>
    public static Board Moon2017 { get; } =
        Grid("MOON2017", "MoonBoard Masters 2017", 18, ["2017", "moon2017", "masters2017"]);

    /// <summary>MoonBoard Masters 2019 (25° and 40°).</summary>
    public static Board Moon2019 { get; } =
        Grid("MOON2019", "MoonBoard Masters 2019", 18, ["2019", "moon2019", "masters2019"]);

    /// <summary>Mini MoonBoard 2020 (40°), 12 rows.</summary>
    public static Board MoonMini2020 { get; } =
        Grid("MOONMINI2020", "Mini MoonBoard 2020", 12, ["mini2020", "2020", "mini"]);

    /// <summary>Every MoonBoard layout.</summary>
    public static IReadOnlyList<Board> All { get; } = [Moon2016, Moon2017, Moon2019, MoonMini2020];

    /// <summary>The board of an API <c>holdsetup.description</c> (<c>MoonBoard Masters 2017</c>), or null.</summary>
    public static Board? FromSetup(string description) =>
        All.FirstOrDefault(b => string.Equals(b.Layout, description.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The wall angle of a <c>moonBoardConfigurationId</c>: 0 and 1 → 40°, 2 → 25°; null for others.</summary>
    public static int? AngleOf(int configurationId) =>
        configurationId switch
        {
            0 or 1 => 40,
            2 => 25,
            _ => null,
        };

    private static Board Grid(string key, string layout, int rows, string[] aliases)
    {
        var holds = new List<BoardHold>(Columns.Length * rows);
        for (int r = 1; r <= rows; r++)
        for (int c = 0; c < Columns.Length; c++)
            holds.Add(
                new BoardHold(
                    Columns[c] + r.ToString(CultureInfo.InvariantCulture),
                    Board.Normalise(c, 0, Columns.Length - 1),
                    Board.Normalise(r, 1, rows)
                )
            );
        return new Board
        {
            Key = key,
            Family = "MoonBoard",
            Layout = layout,
            Aliases = aliases,
            Holds = holds,
        };
    }
}
