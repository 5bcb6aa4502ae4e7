using Lib.Paragliding.Domain;
using Lib.Storage;
using Lib.Workflow;

namespace Lib.Paragliding.Ingest;

/// <summary>
/// Reads the CFD flight listing (<c>cfd_flights_2016_2017.csv</c>, or the full shared
/// <c>ffvl_cfd_2016_2017.csv</c>: columns are found by name). A row without a date, with a distance that is not a
/// positive number, or without a takeoff is rejected (file, line, why), never guessed at.
/// </summary>
public static class CfdFlightReader
{
    /// <summary>The columns the reader needs.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    ["source_row", "date", "km", "points", "departement", "flight_type", "takeoff", "wing_class"];

    /// <summary>The flights of <paramref name="path"/> in file order, and the rows left out.</summary>
    /// <exception cref="InvalidDataException">The file lacks a column or a row has the wrong number of
    /// fields.</exception>
    public static IngestResult<Flight> Read(string path)
    {
        var source = Path.GetFileName(path);
        var rows = CsvFile.ReadTable(path, [.. Columns]);
        var flights = new List<Flight>(rows.Count);
        var rejected = new List<RejectedRecord>();
        foreach (var row in rows)
        {
            string Text() => string.Join(",", Columns.Select(c => row[c]));
            if (!row.TryInt("source_row", out int id))
            {
                rejected.Add(RejectedRecord.AtLine(source, row.Line, "source_row is not an integer", Text()));
                continue;
            }
            if (row.Text("date").Length == 0)
            {
                rejected.Add(RejectedRecord.AtLine(source, row.Line, "no date (the flight has no day)", Text()));
                continue;
            }
            if (!row.TryDate("date", out var date))
            {
                rejected.Add(RejectedRecord.AtLine(source, row.Line, row.NotADate("date"), Text()));
                continue;
            }
            if (!row.TryNumber("km", out double km) || km <= 0)
            {
                rejected.Add(
                    RejectedRecord.AtLine(source, row.Line, $"km '{row["km"]}' is not a positive number", Text())
                );
                continue;
            }
            if (row["takeoff"].Trim().Length == 0)
            {
                rejected.Add(RejectedRecord.AtLine(source, row.Line, "no takeoff", Text()));
                continue;
            }
            double points = row.TryNumber("points", out double p) ? p : double.NaN;
            flights.Add(
                new Flight(
                    id,
                    date,
                    km,
                    points,
                    row["departement"],
                    row["flight_type"],
                    row["takeoff"],
                    row["wing_class"]
                )
            );
        }
        return new IngestResult<Flight>(flights, rejected);
    }
}
