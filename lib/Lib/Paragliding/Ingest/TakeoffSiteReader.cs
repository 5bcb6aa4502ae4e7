using System.Globalization;
using Lib.Paragliding.Domain;
using Lib.Storage;

namespace Lib.Paragliding.Ingest;

/// <summary>
/// Reads the takeoff mapping (<c>takeoff_sites.csv</c>): one <see cref="TakeoffSite"/> per row. It is a reference
/// table, so a bad row is an error (file, line, field, what was expected), not a rejection: every later step keys on
/// it.
/// </summary>
public static class TakeoffSiteReader
{
    /// <summary>The match kinds the mapping uses.</summary>
    public static IReadOnlyList<string> Matches { get; } = ["exact", "substring", "manual", "none"];

    /// <summary>The sites of <paramref name="path"/>, in file order.</summary>
    /// <exception cref="InvalidDataException">A column is missing, a site id repeats, a match kind is unknown, or a
    /// coordinate is not a number in range.</exception>
    public static IReadOnlyList<TakeoffSite> Read(string path)
    {
        var rows = CsvFile.ReadTable(
            path,
            "site_id",
            "takeoff",
            "departement",
            "match",
            "pge_id",
            "pge_name",
            "lat",
            "lon",
            "altitude_m",
            "note"
        );
        var sites = new List<TakeoffSite>(rows.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var id = row["site_id"];
            if (id.Length == 0 || !seen.Add(id))
                throw new InvalidDataException($"{path}: line {row.Line}: site_id '{id}' is empty or repeated.");
            if (!Matches.Contains(row["match"]))
                throw new InvalidDataException(
                    $"{path}: line {row.Line}: match '{row["match"]}', expected one of {string.Join(", ", Matches)}."
                );
            sites.Add(
                new TakeoffSite(
                    id,
                    row["takeoff"],
                    row["departement"],
                    row["match"],
                    Empty(row["pge_id"]),
                    Empty(row["pge_name"]),
                    Number(path, row, "lat", -90, 90),
                    Number(path, row, "lon", -180, 180),
                    Number(path, row, "altitude_m", -500, 9000),
                    row["note"]
                )
            );
        }
        return sites;
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;

    private static double? Number(string path, CsvRow row, string column, double low, double high)
    {
        var text = row[column];
        if (text.Length == 0)
            return null;
        if (
            !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            || value < low
            || value > high
        )
            throw new InvalidDataException(
                $"{path}: line {row.Line}: {column} '{text}' is not a number in [{low}, {high}]."
            );
        return value;
    }
}
