using System.Text.RegularExpressions;
using Lib.Track.Domain;

namespace Lib.Track.Ingest;

/// <summary>
/// Per-meet results of athletes (LukeJSD/TFRRS-Data-Collect's files, <c>data/tfrrs/lukejsd_*.csv</c>):
/// columns <c>Name, School, Meet_Start, Event, Mark</c> (and grade, conference, meet, place, round, which are not
/// read). The files hold men's results only and no season: the gender is given by the caller and the season
/// is inferred from the event and the meet's first day. An athlete is their name and school. The files write
/// field marks as bare metres (<c>13.44</c>, <c>1.9</c>) and multi scores as decimals (<c>5149.0</c>), the way the
/// scraper that made them stored numbers; the adapter reads those two forms as <c>13.44m</c> and <c>5149</c> (and
/// nothing else: any other text goes to the mark parser as written).
/// </summary>
public sealed partial class MeetResultsCsv(string path, Gender gender, string name = "lukejsd") : CsvSource(name, path)
{
    /// <summary>The gender of every athlete in the file.</summary>
    public Gender Gender { get; } = gender;

    /// <inheritdoc />
    protected override IReadOnlyList<string> Columns { get; } = ["Name", "School", "Meet_Start", "Event", "Mark"];

    /// <inheritdoc />
    protected override string Format => "meet-results-csv";

    /// <inheritdoc />
    public override string Describe() => $"{Format} {Name} gender={Code(Gender)}";

    /// <inheritdoc />
    protected override RowFields Fields(Func<string, string> column)
    {
        var athlete = Clean(column("Name"));
        var school = Clean(column("School"));
        return new RowFields(
            athlete,
            $"{athlete.ToUpperInvariant()}|{school.ToUpperInvariant()}",
            school,
            Code(Gender),
            column("Event"),
            Mark(column("Event"), column("Mark")),
            column("Meet_Start")
        );
    }

    /// <summary>The file's numbers in TFRRS's notation: bare metres get their <c>m</c>, <c>5149.0</c> points lose the
    /// <c>.0</c>.</summary>
    public static string Mark(string eventText, string mark)
    {
        var text = mark.Trim();
        return EventCatalogue.Find(eventText)?.Unit switch
        {
            MarkUnit.Metres when BareMetres().IsMatch(text) => text + "m",
            MarkUnit.Points when WholeDecimal().Match(text) is { Success: true } m => m.Groups[1].Value,
            _ => mark,
        };
    }

    [GeneratedRegex(@"^\d{1,3}(?:\.\d{1,2})?$")]
    private static partial Regex BareMetres();

    [GeneratedRegex(@"^(\d+)\.0$")]
    private static partial Regex WholeDecimal();
}
