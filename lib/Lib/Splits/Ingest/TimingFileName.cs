using System.Text.RegularExpressions;

namespace Lib.Splits.Ingest;

/// <summary>
/// What the eervin / ChronoRace file names say:
/// <c>&lt;race&gt;[_&lt;year&gt;]_dhi_&lt;category&gt;_results_&lt;round&gt;</c>
/// (<c>fwil_dhi_me_results_f.pdf</c>, <c>leog_2025_dhi_me_results_q1.csv</c>). Race codes are the World Cup venues
/// (<c>fwil</c> Fort William, <c>biel</c> Bielsko-Biała, <c>leog</c> Leogang, <c>gets</c> Les Gets, <c>vdso</c> Val di
/// Sole, <c>mtsa</c> Mont-Sainte-Anne …; an unknown code is kept as it is); categories <c>me</c> men elite,
/// <c>we</c> women elite, <c>mj</c> junior men, <c>wj</c> junior women.
/// </summary>
public sealed partial record TimingFileName(string RaceCode, int? Year, string Category, string Round)
{
    private static readonly Dictionary<string, string> Venues = new(StringComparer.Ordinal)
    {
        ["fwil"] = "fort_william",
        ["biel"] = "bielsko_biala",
        ["leog"] = "leogang",
        ["gets"] = "les_gets",
        ["vdso"] = "val_di_sole",
        ["mtsa"] = "mont_sainte_anne",
        ["lenz"] = "lenzerheide",
        ["loud"] = "loudenvielle",
        ["ando"] = "andorra",
    };

    private static readonly Dictionary<string, string> Categories = new(StringComparer.Ordinal)
    {
        ["me"] = "men_elite",
        ["we"] = "women_elite",
        ["mj"] = "junior_men",
        ["wj"] = "junior_women",
    };

    /// <summary>The venue's slug (<c>fort_william</c>), or the code when it is not a known venue.</summary>
    public string Venue => Venues.TryGetValue(RaceCode, out var v) ? v : RaceCode;

    /// <summary>The race id <c>venue_year</c> given the year (from the name, or the PDF's date).</summary>
    public string Race(int year) => $"{Venue}_{year}";

    /// <summary>Reads a file name (with or without folder and extension); null when it is not of this form.</summary>
    public static TimingFileName? TryParse(string path)
    {
        var m = NamePattern().Match(Path.GetFileNameWithoutExtension(path));
        if (!m.Success)
            return null;
        int? year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value) : null;
        var cat = m.Groups["cat"].Value;
        return new(
            m.Groups["race"].Value,
            year,
            Categories.TryGetValue(cat, out var c) ? c : cat,
            m.Groups["round"].Value
        );
    }

    [GeneratedRegex(@"^(?<race>[a-z]+)(_(?<year>\d{4}))?_dhi_(?<cat>[a-z]{2})_results_(?<round>[a-z0-9]+)$")]
    private static partial Regex NamePattern();
}
