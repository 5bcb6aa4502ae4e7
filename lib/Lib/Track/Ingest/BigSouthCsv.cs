namespace Lib.Track.Ingest;

/// <summary>
/// Full TFRRS histories of Big South conference athletes (<c>data/tfrrs/big_south_tfrrs_performances.csv</c>):
/// columns <c>name, event, mark, performance_date, gender, school</c> (and class, year, transfer, which are not
/// read). The file has no season: it is inferred from the event and date. An athlete is their name and gender:
/// the school column names the school a mark was made for, which changes when an athlete transfers.
/// </summary>
public sealed class BigSouthCsv(string path, string name = "big_south") : CsvSource(name, path)
{
    /// <inheritdoc />
    protected override IReadOnlyList<string> Columns { get; } =
    ["name", "event", "mark", "performance_date", "gender", "school"];

    /// <inheritdoc />
    protected override string Format => "big-south-csv";

    /// <inheritdoc />
    protected override RowFields Fields(Func<string, string> column)
    {
        var athlete = Clean(column("name"));
        var gender = column("gender").Trim();
        return new RowFields(
            athlete,
            $"{athlete.ToUpperInvariant()}|{gender.ToUpperInvariant()}",
            column("school"),
            gender,
            column("event"),
            column("mark"),
            column("performance_date")
        );
    }
}
