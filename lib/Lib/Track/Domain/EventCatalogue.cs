using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Lib.Track.Domain;

/// <summary>
/// The one catalogue of track, field and cross-country events: every spelling TFRRS prints
/// (<c>100 Meters</c>, <c>100</c>, <c>100m</c>, <c>110H</c>, <c>3000S</c>, <c>3000SC</c>, <c>Steeplechase</c>,
/// <c>Mile</c>, <c>10,000</c>, <c>4 x 400 Relay</c>, <c>DMR</c>, <c>HJ</c>, <c>Heptathlon</c>, <c>8k</c>,
/// <c>600 yd</c>…) resolves to one <see cref="EventInfo"/> with a canonical code. Gender and season
/// suffixes in parentheses (<c>(Men)</c>, <c>(Indoor)</c>, <c>(XC)</c>) are ignored. A spelling that
/// matches nothing is unknown (<see cref="Find"/> returns null), never the nearest guess.
/// </summary>
public static partial class EventCatalogue
{
    private static readonly ConcurrentDictionary<string, EventInfo?> Resolved = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, EventInfo> ByCode;
    private static readonly Dictionary<string, string> Aliases;

    /// <summary>Flat track distances in metres that the catalogue knows.</summary>
    private static readonly int[] FlatMetres =
    [
        55,
        60,
        100,
        200,
        300,
        400,
        500,
        600,
        800,
        1000,
        1500,
        1600,
        2000,
        3000,
        3200,
        5000,
        10000,
    ];

    private static readonly int[] HurdleMetres = [55, 60, 100, 110, 400];
    private static readonly int[] SteepleMetres = [2000, 3000];
    private static readonly int[] RelayLegMetres = [100, 200, 300, 400, 800, 1500, 1600];
    private const double MetresPerMile = 1609.344;
    private const double MetresPerYard = 0.9144;

    static EventCatalogue()
    {
        var named = new List<EventInfo>
        {
            Field("HJ", "High Jump", EventFamily.Jump, Seasons.Track),
            Field("PV", "Pole Vault", EventFamily.Jump, Seasons.Track),
            Field("LJ", "Long Jump", EventFamily.Jump, Seasons.Track),
            Field("TJ", "Triple Jump", EventFamily.Jump, Seasons.Track),
            Field("SP", "Shot Put", EventFamily.Throw, Seasons.Track),
            Field("WT", "Weight Throw", EventFamily.Throw, Seasons.Indoor),
            Field("DT", "Discus", EventFamily.Throw, Seasons.Outdoor),
            Field("HT", "Hammer", EventFamily.Throw, Seasons.Outdoor),
            Field("JT", "Javelin", EventFamily.Throw, Seasons.Outdoor),
            Multi("PENT", "Pentathlon", Seasons.Indoor),
            Multi("HEP", "Heptathlon", Seasons.Track),
            Multi("DEC", "Decathlon", Seasons.Outdoor),
            Race("MILE", "Mile", EventFamily.MiddleDistance, Seasons.Track, MetresPerMile),
            Race("DMR", "Distance Medley Relay", EventFamily.Relay, Seasons.Track, 4000),
            Race("SMR", "Sprint Medley Relay", EventFamily.Relay, Seasons.Track),
            Race("SMR800", "800 Sprint Medley Relay", EventFamily.Relay, Seasons.Track, 800),
            Race("SMR1600", "1600 Sprint Medley Relay", EventFamily.Relay, Seasons.Track, 1600),
        };
        foreach (var m in FlatMetres)
            named.Add(Flat(m));
        foreach (var m in HurdleMetres)
            named.Add(Hurdle(m));
        foreach (var m in SteepleMetres)
            named.Add(Race($"{m}SC", $"{m} Steeplechase", EventFamily.Steeplechase, Seasons.Outdoor, m));
        foreach (var leg in RelayLegMetres)
            named.Add(Relay(4, leg));
        Standard = named;
        ByCode = named.ToDictionary(e => e.Code, StringComparer.Ordinal);

        Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["hj"] = "HJ",
            ["high jump"] = "HJ",
            ["pv"] = "PV",
            ["pole vault"] = "PV",
            ["lj"] = "LJ",
            ["long jump"] = "LJ",
            ["tj"] = "TJ",
            ["triple jump"] = "TJ",
            ["sp"] = "SP",
            ["shot"] = "SP",
            ["shot put"] = "SP",
            ["wt"] = "WT",
            ["weight"] = "WT",
            ["weight throw"] = "WT",
            ["35 lb weight"] = "WT",
            ["35lb weight"] = "WT",
            ["dt"] = "DT",
            ["discus"] = "DT",
            ["discus throw"] = "DT",
            ["ht"] = "HT",
            ["hammer"] = "HT",
            ["hammer throw"] = "HT",
            ["jt"] = "JT",
            ["jav"] = "JT",
            ["javelin"] = "JT",
            ["javelin throw"] = "JT",
            ["pent"] = "PENT",
            ["pentathlon"] = "PENT",
            ["hep"] = "HEP",
            ["hept"] = "HEP",
            ["heptathlon"] = "HEP",
            ["dec"] = "DEC",
            ["deca"] = "DEC",
            ["decathlon"] = "DEC",
            ["mile"] = "MILE",
            ["1 mile"] = "MILE",
            ["one mile"] = "MILE",
            ["mile run"] = "MILE",
            ["1mile"] = "MILE",
            ["dmr"] = "DMR",
            ["distance medley"] = "DMR",
            ["distance medley relay"] = "DMR",
            ["smr"] = "SMR",
            ["sprint medley"] = "SMR",
            ["sprint medley relay"] = "SMR",
            ["800smr"] = "SMR800",
            ["800 smr"] = "SMR800",
            ["800 sprint medley relay"] = "SMR800",
            ["1600smr"] = "SMR1600",
            ["1600 smr"] = "SMR1600",
            ["1600 sprint medley relay"] = "SMR1600",
            ["steeple"] = "3000SC",
            ["steeplechase"] = "3000SC",
        };
    }

    /// <summary>The fixed events (flat races, hurdles, steeplechases, 4 x relays, medleys, field events, multis);
    /// cross-country and yard distances are resolved from their spelling.</summary>
    public static IReadOnlyList<EventInfo> Standard { get; }

    /// <summary>The event <paramref name="spelling"/> names, or null when it names none.</summary>
    public static EventInfo? Find(string? spelling)
    {
        if (string.IsNullOrWhiteSpace(spelling))
            return null;
        return Resolved.GetOrAdd(spelling, static s => Resolve(Normalize(s)));
    }

    /// <summary>Whether <paramref name="spelling"/> names an event, and which.</summary>
    public static bool TryFind(string? spelling, out EventInfo ev)
    {
        ev = Find(spelling)!;
        return ev is not null;
    }

    /// <summary>The event <paramref name="spelling"/> names; <see cref="KeyNotFoundException"/> naming the spelling
    /// when it names none.</summary>
    public static EventInfo Get(string spelling) =>
        Find(spelling)
        ?? throw new KeyNotFoundException(
            $"'{spelling}' is not an event the catalogue knows (e.g. '100 Meters', '110H', '3000SC', 'Mile', "
                + "'4x400', 'HJ', 'Heptathlon', '8k')."
        );

    /// <summary>
    /// The spelling reduced to the form the catalogue matches: lower case, single spaces, no
    /// parenthesised suffixes (<c>(Men)</c>, <c>(Indoor)</c>), no thousands separators, <c>x</c> between relay numbers.
    /// </summary>
    public static string Normalize(string spelling)
    {
        var s = spelling.Trim().ToLowerInvariant();
        s = Suffix().Replace(s, "");
        s = Thousands().Replace(s, "$1$2");
        s = Spaces().Replace(s, " ").Trim();
        s = RelayTimes().Replace(s, "$1 x $2");
        return s;
    }

    private static EventInfo? Resolve(string s)
    {
        if (Aliases.TryGetValue(s, out var code))
            return ByCode[code];
        if (ByCode.TryGetValue(s.ToUpperInvariant(), out var direct))
            return direct;

        if (
            FlatPattern().Match(s) is { Success: true } flat
            && Number(flat) is var metres
            && FlatMetres.Contains((int)metres)
            && metres % 1 == 0
        )
            return ByCode[((int)metres).ToString(CultureInfo.InvariantCulture)];
        if (HurdlePattern().Match(s) is { Success: true } hurdle && HurdleMetres.Contains((int)Number(hurdle)))
            return ByCode[$"{(int)Number(hurdle)}H"];
        if (SteeplePattern().Match(s) is { Success: true } steeple && SteepleMetres.Contains((int)Number(steeple)))
            return ByCode[$"{(int)Number(steeple)}SC"];
        if (RelayPattern().Match(s) is { Success: true } relay)
        {
            var legs = int.Parse(relay.Groups[1].Value, CultureInfo.InvariantCulture);
            var leg = int.Parse(relay.Groups[2].Value, CultureInfo.InvariantCulture);
            if (legs is >= 2 and <= 10 && RelayLegMetres.Contains(leg))
                return ByCode.GetValueOrDefault($"{legs}X{leg}") ?? Relay(legs, leg);
            return null;
        }
        if (KilometresPattern().Match(s) is { Success: true } km && Number(km) is > 0 and <= 50 and var k)
            return CrossCountry($"{Format(k)}K", $"{Format(k)}k", k * 1000);
        if (MilesPattern().Match(s) is { Success: true } mi && Number(mi) is > 0 and <= 30 and var miles)
        {
            if (miles == 1)
                return ByCode["MILE"];
            return miles < 3
                ? Race(
                    $"{Format(miles)}MI",
                    $"{Format(miles)} Mile",
                    EventFamily.LongDistance,
                    Seasons.Track,
                    miles * MetresPerMile
                )
                : CrossCountry($"{Format(miles)}MI", $"{Format(miles)} Mile", miles * MetresPerMile);
        }
        if (
            YardsPattern().Match(s) is { Success: true } yd
            && Number(yd) is >= 40 and <= 5000 and var yards
            && yards % 1 == 0
        )
            return Race(
                $"{Format(yards)}Y",
                $"{Format(yards)} Yards",
                yards <= 440 ? EventFamily.Sprint : EventFamily.MiddleDistance,
                Seasons.Indoor,
                yards * MetresPerYard
            );
        return null;
    }

    private static double Number(Match m) =>
        double.Parse(m.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static EventInfo Flat(int metres)
    {
        var family =
            metres <= 400 ? EventFamily.Sprint
            : metres < 2000 ? EventFamily.MiddleDistance
            : EventFamily.LongDistance;
        var seasons = metres switch
        {
            55 or 60 or 300 or 500 or 600 or 1000 => Seasons.Indoor,
            100 or 10000 => Seasons.Outdoor,
            _ => Seasons.Track,
        };
        return Race(
            metres.ToString(CultureInfo.InvariantCulture),
            $"{metres.ToString(metres >= 10000 ? "N0" : "0", CultureInfo.InvariantCulture)} Meters",
            family,
            seasons,
            metres
        );
    }

    private static EventInfo Hurdle(int metres) =>
        Race(
            $"{metres}H",
            $"{metres} Hurdles",
            EventFamily.Hurdles,
            metres <= 60 ? Seasons.Indoor : Seasons.Outdoor,
            metres
        );

    private static EventInfo Relay(int legs, int leg) =>
        Race(
            $"{legs}X{leg}",
            $"{legs} x {leg} Relay",
            EventFamily.Relay,
            legs == 4 && leg == 100 ? Seasons.Outdoor : Seasons.Track,
            legs * leg
        );

    private static EventInfo Race(
        string code,
        string name,
        EventFamily family,
        Seasons seasons,
        double? metres = null
    ) => new(code, name, family, EventDirection.LowerIsBetter, MarkUnit.Seconds, seasons, metres);

    private static EventInfo CrossCountry(string code, string name, double metres) =>
        new(
            code,
            name,
            EventFamily.CrossCountry,
            EventDirection.LowerIsBetter,
            MarkUnit.Seconds,
            Seasons.CrossCountry,
            metres
        );

    private static EventInfo Field(string code, string name, EventFamily family, Seasons seasons) =>
        new(code, name, family, EventDirection.HigherIsBetter, MarkUnit.Metres, seasons);

    private static EventInfo Multi(string code, string name, Seasons seasons) =>
        new(code, name, EventFamily.Multi, EventDirection.HigherIsBetter, MarkUnit.Points, seasons);

    [GeneratedRegex(@"\s*\((?:men|women|mixed|indoor|outdoor|xc|cross country)\)\s*")]
    private static partial Regex Suffix();

    [GeneratedRegex(@"(\d),(\d{3})")]
    private static partial Regex Thousands();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(\d+)\s*x\s*(\d+)")]
    private static partial Regex RelayTimes();

    [GeneratedRegex(@"^(\d+)\s*(?:m|meters?|metres?|meter dash|metre dash|m dash|dash|m run|meter run)?$")]
    private static partial Regex FlatPattern();

    [GeneratedRegex(@"^(\d+)\s*(?:m|meters?|metres?)?\s*(?:h|hh|ih|hurdles?|meter hurdles|m hurdles)$")]
    private static partial Regex HurdlePattern();

    [GeneratedRegex(@"^(\d+)\s*(?:m|meters?|metres?)?\s*(?:s|sc|stc|sch|steeple|steeplechase)$")]
    private static partial Regex SteeplePattern();

    [GeneratedRegex(@"^(\d+) x (\d+)\s*(?:m|meters?|metres?)?\s*(?:relay)?$")]
    private static partial Regex RelayPattern();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(?:k|km)(?:\s*(?:xc|run|cross country))?$")]
    private static partial Regex KilometresPattern();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(?:m|mi|mile|miles)(?:\s*(?:xc|run|cross country))?$")]
    private static partial Regex MilesPattern();

    [GeneratedRegex(@"^(\d+)\s*(?:y|yd|yds|yard|yards)(?: dash| run)?$")]
    private static partial Regex YardsPattern();
}
