using Lib.Track.Domain;

namespace Lib.Track.Ingest;

/// <summary>
/// A user's file of performances for batch forecasts (<c>lab track predict --input performances.csv</c>): columns
/// <c>athlete, gender, event, date, mark</c> and optionally <c>wind</c> and <c>label</c>. The gender is <c>men</c> or
/// <c>women</c> (or M/F), the event a name or code the catalogue knows (<c>Triple Jump</c>, <c>TJ</c>), the date ISO
/// (<c>2019-02-24</c>) or as TFRRS prints it, the mark as printed (bare metres <c>13.44</c> and <c>5149.0</c> points
/// read as <see cref="MeetResultsCsv.Mark"/> reads them), the label <c>indoor</c>, <c>outdoor</c> or <c>xc</c>,
/// inferred from the event and the date when absent or blank. An athlete is their name and gender.
/// </summary>
public sealed class HistoryCsv(string path, string name = "history") : CsvSource(name, path)
{
    /// <inheritdoc />
    protected override IReadOnlyList<string> Columns { get; } = ["athlete", "gender", "event", "date", "mark"];

    /// <inheritdoc />
    protected override string Format => "history-csv";

    /// <summary>The athlete key given to a name and gender (before the source's prefix).</summary>
    public static string Key(string athlete, Gender gender)
    {
        var name = Clean(athlete).ToUpperInvariant();
        return $"{name}|{gender.Code()}";
    }

    /// <inheritdoc />
    protected override RowFields Fields(Func<string, string> column)
    {
        var athlete = Clean(column("athlete"));
        var gender = column("gender").Trim();
        var key = GenderCodes.FromText(gender) is { } g ? Key(athlete, g) : athlete.ToUpperInvariant();
        return new RowFields(
            athlete,
            key,
            null,
            gender,
            column("event"),
            MeetResultsCsv.Mark(column("event"), column("mark")),
            column("date"),
            column("wind"),
            column("label")
        );
    }
}
