using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Lib.Track.Domain;

/// <summary>
/// A mark as TFRRS prints it and what it means: a time (<c>10.31</c>, <c>1:52.34</c>, <c>28:31.90</c>,
/// <c>1:04:12.3</c>), a distance (<c>7.45m</c> or imperial <c>24' 5.25"</c>), a score (<c>6219</c>), or a
/// non-mark (<c>DNF</c>, <c>DNS</c>, <c>DQ</c>, <c>NH</c>, <c>NM</c>, <c>FOUL</c>, <c>FS</c>, <c>SCR</c>, <c>NT</c>,
/// <c>ND</c>, or another code of two to four capitals, <see cref="MarkStatus.OtherCode"/>), with its flags
/// (<c>w</c> wind-aided, <c>h</c> hand-timed) and the markers TFRRS prints around it (<see cref="MarkMarker"/>:
/// <c>2:33.24%</c>, <c>7.20(55)</c>, <c>3:37.31 @(1)</c>, <c>4:05.83 (1)</c>, <c>#</c>, <c>*</c>…; a marker the
/// parser does not know is kept by its text and flagged <see cref="MarkFlags.UnknownMarker"/>, never refused). The
/// unit comes from the event, never from the look of the text: <c>10.31</c> is seconds only because the event is a
/// race.
/// </summary>
public readonly partial record struct Mark
{
    private Mark(string text, MarkUnit unit, MarkStatus status, double? value, MarkFlags flags, string markerText)
    {
        Text = text;
        Unit = unit;
        Status = status;
        Value = value;
        Flags = flags;
        MarkerText = markerText;
    }

    /// <summary>The mark as printed (whitespace collapsed), flags included.</summary>
    public string Text { get; }

    /// <summary>The unit of <see cref="Value"/>, from the event.</summary>
    public MarkUnit Unit { get; }

    /// <summary><see cref="MarkStatus.Valid"/> for a performance, else the non-mark.</summary>
    public MarkStatus Status { get; }

    /// <summary>Seconds, metres or points; null unless <see cref="IsValid"/>.</summary>
    public double? Value { get; }

    /// <summary>Wind-aided, hand-timed, and one flag per kind of marker printed beside the mark.</summary>
    public MarkFlags Flags { get; }

    /// <summary>The markers as printed, separated by a space (<c>@ (1)</c>): letters the parser does not know first,
    /// then the symbols and parenthesised numbers in printed order; empty when none.</summary>
    public string MarkerText { get; }

    /// <summary>The markers printed beside the mark (see <see cref="MarkerText"/>).</summary>
    public IReadOnlyList<MarkMarker> Markers => MarkMarkers.Split(MarkerText);

    /// <summary>The distance in metres the race was run over when a marker such as <c>(55)</c> says it differs from
    /// the event's; else null.</summary>
    public int? RaceDistance =>
        Markers.Where(m => m.Kind == MarkerKind.RaceDistance).Select(m => m.Number).FirstOrDefault();

    /// <summary>The markers the parser does not know, as printed (<c>!</c>, <c>x</c>); empty when none.</summary>
    public IEnumerable<string> UnknownMarkers => Markers.Where(m => m.Kind == MarkerKind.Unknown).Select(m => m.Text);

    /// <summary>The non-mark's code as printed (<c>DNF</c>, or an <see cref="MarkStatus.OtherCode"/> such as
    /// <c>ENR</c>); <c>OK</c> for a valid mark.</summary>
    public string StatusCode =>
        Status switch
        {
            MarkStatus.Valid => "OK",
            MarkStatus.OtherCode => Text,
            _ => Status.Code(),
        };

    /// <summary>True when the mark is a performance with a value.</summary>
    public bool IsValid => Status == MarkStatus.Valid;

    /// <summary>A valid mark of <paramref name="value"/>, printed the way TFRRS prints it (see
    /// <see cref="Format"/>).</summary>
    public static Mark Of(double value, MarkUnit unit, int decimals = 2)
    {
        var text = Format(value, unit, decimals);
        return Parse(text, unit);
    }

    /// <summary>Parses <paramref name="text"/> as a mark in <paramref name="unit"/>; <see cref="FormatException"/>
    /// saying what was expected.</summary>
    public static Mark Parse(string text, MarkUnit unit) =>
        TryParse(text, unit, out var mark, out var error) ? mark : throw new FormatException(error);

    /// <summary>Parses <paramref name="text"/> as a mark in <paramref name="unit"/>; false with the reason when it is
    /// not one.</summary>
    public static bool TryParse(string? text, MarkUnit unit, out Mark mark, [NotNullWhen(false)] out string? error)
    {
        mark = default;
        var printed = Spaces().Replace(text ?? "", " ").Trim();
        if (printed.Length == 0)
        {
            error = "the mark is blank";
            return false;
        }
        if (!MarkMarkers.TryPeel(printed, out var body, out var markers, out error))
            return Fail(printed, error, out error);
        var flags = MarkFlags.None;
        foreach (var marker in markers)
        {
            if (marker.Kind != MarkerKind.Unknown && flags.HasFlag(marker.Flag))
                return Fail(printed, $"has the marker '{marker.Text}' twice", out error);
            flags |= marker.Flag;
        }
        if (body.Length == 0)
            return Fail(printed, "has markers but no mark", out error);
        if (MarkStatusCodes.TryParse(body, out var status))
        {
            mark = new Mark(printed, unit, status, null, flags, MarkMarkers.Join(markers));
            error = null;
            return true;
        }
        if (markers.Count == 0 && OtherCodePattern().IsMatch(body))
        {
            mark = new Mark(printed, unit, MarkStatus.OtherCode, null, MarkFlags.None, "");
            error = null;
            return true;
        }

        double value;
        string suffix;
        switch (unit)
        {
            case MarkUnit.Seconds:
                if (!TryParseTime(body, out value, out suffix, out error))
                    return Fail(printed, error, out error);
                break;
            case MarkUnit.Metres:
                if (MetricPattern().Match(body) is { Success: true } metric)
                {
                    value = (double)decimal.Parse(metric.Groups[1].Value, CultureInfo.InvariantCulture);
                    suffix = metric.Groups[2].Value;
                }
                else if (ImperialPattern().Match(body) is { Success: true } imperial)
                {
                    if (!ImperialDistance.TryParse(imperial.Groups[1].Value, out value, out error))
                        return Fail(printed, error, out error);
                    suffix = imperial.Groups[2].Value;
                }
                else
                    return Fail(
                        printed,
                        "expected metres such as '7.45m' or feet and inches such as 24' 5.25\"",
                        out error
                    );
                if (value is <= 0 or > 150)
                    return Fail(
                        printed,
                        $"{value.ToString(CultureInfo.InvariantCulture)} m is outside 0–150 m",
                        out error
                    );
                break;
            default:
                if (PointsPattern().Match(body) is not { Success: true } points)
                    return Fail(printed, "expected a whole number of points such as '6219'", out error);
                value = int.Parse(points.Groups[1].Value, CultureInfo.InvariantCulture);
                suffix = "";
                if (value is <= 0 or > 12000)
                    return Fail(printed, $"{value} points is outside 1–12000", out error);
                break;
        }

        var letters = new List<MarkMarker>();
        foreach (var c in suffix)
        {
            var flag = char.ToLowerInvariant(c) switch
            {
                'w' when unit != MarkUnit.Points => MarkFlags.WindAided,
                'h' when unit == MarkUnit.Seconds => MarkFlags.HandTimed,
                _ => MarkFlags.None,
            };
            if (flag == MarkFlags.None)
            {
                // A letter TFRRS's legend does not give for this unit: kept as an unknown marker.
                letters.Add(new MarkMarker(c.ToString(), MarkerKind.Unknown));
                flags |= MarkFlags.UnknownMarker;
                continue;
            }
            if (flags.HasFlag(flag))
                return Fail(printed, $"has the flag '{c}' twice", out error);
            flags |= flag;
        }

        mark = new Mark(printed, unit, MarkStatus.Valid, value, flags, MarkMarkers.Join([.. letters, .. markers]));
        error = null;
        return true;
    }

    /// <summary>
    /// Prints <paramref name="value"/> the way TFRRS does: times as <c>ss.ff</c>, <c>m:ss.ff</c> or
    /// <c>h:mm:ss.ff</c> (rounded to <paramref name="decimals"/>), distances as <c>7.45m</c>, points as a whole number.
    /// </summary>
    public static string Format(double value, MarkUnit unit, int decimals = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 4);
        if (!double.IsFinite(value) || value <= 0)
            throw new ArgumentOutOfRangeException(nameof(value), value, "A mark's value must be positive and finite.");
        switch (unit)
        {
            case MarkUnit.Seconds:
                var scale = (long)Math.Pow(10, decimals);
                var units = (long)Math.Round((decimal)value * scale, MidpointRounding.AwayFromZero);
                var whole = units / scale;
                var fraction =
                    decimals == 0
                        ? ""
                        : "." + (units % scale).ToString(new string('0', decimals), CultureInfo.InvariantCulture);
                var (h, m, s) = (whole / 3600, whole % 3600 / 60, whole % 60);
                return h > 0 ? FormattableString.Invariant($"{h}:{m:00}:{s:00}{fraction}")
                    : m > 0 ? FormattableString.Invariant($"{m}:{s:00}{fraction}")
                    : FormattableString.Invariant($"{s}{fraction}");
            case MarkUnit.Metres:
                return Math.Round((decimal)value, decimals, MidpointRounding.AwayFromZero)
                        .ToString("F" + decimals, CultureInfo.InvariantCulture) + "m";
            default:
                return Math.Round(value, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static bool TryParseTime(
        string body,
        out double seconds,
        out string suffix,
        [NotNullWhen(false)] out string? error
    )
    {
        seconds = 0;
        suffix = "";
        var match = TimePattern().Match(body);
        if (!match.Success || match.Groups[2].Value.Contains('m', StringComparison.OrdinalIgnoreCase))
        {
            error = "expected a time such as '10.31', '1:52.34' or '1:04:12.3'";
            return false;
        }
        suffix = match.Groups[2].Value;
        var parts = match.Groups[1].Value.Split(':');
        decimal total = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = decimal.Parse(parts[i], CultureInfo.InvariantCulture);
            if (i > 0)
            {
                var digits = parts[i].Split('.')[0];
                if (digits.Length != 2 || part >= 60)
                {
                    error = $"'{parts[i]}' after ':' must be two digits below 60";
                    return false;
                }
            }
            total = total * 60 + part;
        }
        if (total <= 0 || total > 86400)
        {
            error = $"{total.ToString(CultureInfo.InvariantCulture)} s is outside 0–24 h";
            return false;
        }
        seconds = (double)total;
        error = null;
        return true;
    }

    private static bool Fail(string printed, string reason, out string error)
    {
        error = $"'{printed}': {reason}";
        return false;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(\d+(?::\d+){0,2}(?:\.\d+)?) ?([A-Za-z]*)$")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)m ?([A-Za-z]*)$")]
    private static partial Regex MetricPattern();

    [GeneratedRegex(@"^(\d+'(?:\s*\d+(?:\.\d+)?"")?) ?([A-Za-z]*)$")]
    private static partial Regex ImperialPattern();

    [GeneratedRegex(@"^[A-Z]{2,4}$")]
    private static partial Regex OtherCodePattern();

    [GeneratedRegex(@"^(\d+)$")]
    private static partial Regex PointsPattern();
}
