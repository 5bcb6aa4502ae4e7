using System.Diagnostics.CodeAnalysis;
using Lib.Track.Domain;

namespace Lib.Track.Ingest;

/// <summary>The text fields of one source row, before they are understood.</summary>
/// <param name="Athlete">The athlete's name as printed.</param>
/// <param name="Key">What identifies the athlete within the source (prefixed with the source's name by the
/// parser).</param>
/// <param name="Team">The team, when the source has one.</param>
/// <param name="Gender">The gender as printed (<c>M</c>, <c>F</c>, <c>Men</c>…).</param>
/// <param name="Event">The event as printed.</param>
/// <param name="Mark">The mark as printed.</param>
/// <param name="Date">The meet date as printed (<c>May 18-19, 2022</c>, <c>2022-05-18</c>).</param>
/// <param name="Wind">The wind as printed, or null.</param>
/// <param name="Season">The season as printed, or null when the source has none (then it is inferred).</param>
public sealed record RowFields(
    string Athlete,
    string Key,
    string? Team,
    string? Gender,
    string Event,
    string Mark,
    string Date,
    string? Wind = null,
    string? Season = null
);

/// <summary>
/// Turns a source row's text into a <see cref="Performance"/>, strictly: the event must be one the
/// catalogue knows, the mark must parse in the event's unit, the date must be a calendar date, the gender
/// men's or women's; the season is the source's word or, when it has none, <see cref="SeasonInference"/>'s.
/// Anything else is a rejection with the reason.
/// </summary>
public static class RowParser
{
    /// <summary>The row, or false with the reason it cannot be read.</summary>
    public static bool TryParse(
        string source,
        string file,
        int line,
        RowFields fields,
        [NotNullWhen(true)] out Performance? row,
        [NotNullWhen(false)] out string? reason
    )
    {
        row = null;
        if (string.IsNullOrWhiteSpace(fields.Athlete))
            return Fail("the athlete's name is blank", out reason);
        if (GenderCodes.FromText(fields.Gender) is not { } gender || gender == Gender.Mixed)
            return Fail($"gender '{fields.Gender}' is not men's or women's (M, F)", out reason);
        if (EventCatalogue.Find(fields.Event) is not { } ev)
            return Fail($"'{fields.Event}' is not an event the catalogue knows", out reason);
        if (!Mark.TryParse(fields.Mark, ev.Unit, out var mark, out var markError))
            return Fail($"mark {markError} (event {ev.Code})", out reason);
        if (!TryDate(fields.Date, out var date, out var dateError))
            return Fail(dateError, out reason);

        Wind? wind = null;
        if (!string.IsNullOrWhiteSpace(fields.Wind))
        {
            if (!Domain.Wind.TryParse(fields.Wind, out var w, out var windError))
                return Fail($"wind {windError}", out reason);
            wind = w;
        }

        Season season;
        bool inferred = false;
        if (!string.IsNullOrWhiteSpace(fields.Season))
        {
            if (SeasonNames.FromText(fields.Season) is not { } given)
                return Fail($"season '{fields.Season}' is not indoor, outdoor or cross country", out reason);
            season = given;
        }
        else if (SeasonInference.Infer(ev, date) is { } guessed)
        {
            season = guessed;
            inferred = true;
        }
        else
            return Fail(
                $"no season: {ev.Name} on {date:yyyy-MM-dd} is not held in the season its date falls in",
                out reason
            );

        row = new Performance
        {
            Source = source,
            File = file,
            Line = line,
            AthleteKey = $"{source}:{fields.Key}",
            Athlete = fields.Athlete.Trim(),
            Team = string.IsNullOrWhiteSpace(fields.Team) ? null : fields.Team.Trim(),
            Gender = gender,
            Event = ev,
            Mark = mark,
            Wind = wind,
            Date = date,
            Season = season,
            SeasonInferred = inferred,
        };
        reason = null;
        return true;
    }

    /// <summary>A meet date as TFRRS prints it (<see cref="MeetDate"/>, the first day of a range) or ISO
    /// <c>2022-05-18</c>.</summary>
    public static bool TryDate(string? text, out DateOnly date, [NotNullWhen(false)] out string? error)
    {
        if (
            DateOnly.TryParseExact(
                text?.Trim(),
                "yyyy-MM-dd",
                System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None,
                out date
            )
        )
        {
            error = null;
            return true;
        }
        if (MeetDate.TryParse(text, out date, out _, out error))
            return true;
        error = $"date {error}";
        return false;
    }

    private static bool Fail(string why, out string reason)
    {
        reason = why;
        return false;
    }
}
