using Lib.Track.Domain;

namespace Lib.Track.Ingest;

/// <summary>
/// One team's athlete histories with columns <c>Athlete, Event, Mark, Date</c> (alclev/TFRRS_data's Lehigh file,
/// <c>data/tfrrs/alclev_lehigh_athletes.csv</c>). The file names neither gender, team nor season: the gender and
/// team are the file's, given by the caller (the Lehigh file is the men's team), and the season is inferred
/// from the event and date. An athlete is their name.
/// </summary>
public sealed class TeamAthletesCsv(string path, Gender gender, string team, string name = "lehigh")
    : CsvSource(name, path)
{
    /// <summary>The gender of every athlete in the file.</summary>
    public Gender Gender { get; } = gender;

    /// <summary>The team of every athlete in the file.</summary>
    public string Team { get; } = team;

    /// <inheritdoc />
    protected override IReadOnlyList<string> Columns { get; } = ["Athlete", "Event", "Mark", "Date"];

    /// <inheritdoc />
    protected override string Format => "team-athletes-csv";

    /// <inheritdoc />
    public override string Describe() => $"{Format} {Name} gender={Code(Gender)} team={Team}";

    /// <inheritdoc />
    protected override RowFields Fields(Func<string, string> column)
    {
        var athlete = Clean(column("Athlete"));
        return new RowFields(
            athlete,
            athlete.ToUpperInvariant(),
            Team,
            Code(Gender),
            column("Event"),
            column("Mark"),
            column("Date")
        );
    }
}
