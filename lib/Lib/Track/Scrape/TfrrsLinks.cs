using System.Globalization;
using System.Text.RegularExpressions;
using Lib.Track.Domain;

namespace Lib.Track.Scrape;

/// <summary>Ids read from TFRRS addresses: athletes, meets, teams.</summary>
public static partial class TfrrsLinks
{
    /// <summary>The athlete id of <c>…/athletes/8339841/Tennessee/T'Mars_McCallum</c>; null when the address is not an
    /// athlete's.</summary>
    public static long? AthleteId(string? url) => Number(AthletePattern(), url);

    /// <summary>The meet id of <c>…/results/85539/…</c> or <c>…/results/xc/19297/…</c>; null when the address is not a
    /// result.</summary>
    public static long? MeetId(string? url) => Number(MeetPattern(), url);

    /// <summary>The gender of a team address such as <c>…/teams/tf/TN_college_m_Tennessee.html</c>; null when it has
    /// none.</summary>
    public static Gender? TeamGender(string? url) =>
        url is not null && TeamPattern().Match(url) is { Success: true } m
            ? GenderCodes.FromText(m.Groups[1].Value)
            : null;

    /// <summary>True for athlete page addresses (<c>/athletes/&lt;id&gt;/…</c>).</summary>
    public static bool IsAthletePage(string? url) => AthleteId(url) is not null;

    private static long? Number(Regex pattern, string? url) =>
        url is not null
        && pattern.Match(url) is { Success: true } m
        && long.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    [GeneratedRegex(@"/athletes/(\d+)(?:[/.?#]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex AthletePattern();

    [GeneratedRegex(@"/results/(?:xc/|tf/)?(\d+)(?:[/.?#]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex MeetPattern();

    [GeneratedRegex(@"/teams/(?:[a-z]+/)?[A-Za-z]{2}_college_([mfx])_", RegexOptions.IgnoreCase)]
    private static partial Regex TeamPattern();
}
