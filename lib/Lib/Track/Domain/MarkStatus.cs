namespace Lib.Track.Domain;

/// <summary>Whether a mark is a performance, or which of TFRRS's non-marks it is.</summary>
public enum MarkStatus
{
    /// <summary>A time, distance or score.</summary>
    Valid,

    /// <summary><c>DNF</c>: did not finish.</summary>
    DidNotFinish,

    /// <summary><c>DNS</c>: did not start.</summary>
    DidNotStart,

    /// <summary><c>DQ</c>: disqualified.</summary>
    Disqualified,

    /// <summary><c>NH</c>: no height cleared.</summary>
    NoHeight,

    /// <summary><c>NM</c>: no mark.</summary>
    NoMark,

    /// <summary><c>FOUL</c>: every attempt fouled.</summary>
    Foul,

    /// <summary><c>FS</c>: false start.</summary>
    FalseStart,

    /// <summary><c>SCR</c>: scratched.</summary>
    Scratched,

    /// <summary><c>NT</c>: no time.</summary>
    NoTime,

    /// <summary><c>ND</c>: no distance.</summary>
    NoDistance,

    /// <summary>Another code printed instead of a mark (two to four capitals, such as <c>ENR</c> in cross-country
    /// results or <c>NP</c> in multis) that the parser does not know: no value, kept by its text
    /// (<see cref="Mark.StatusCode"/>), never given a meaning.</summary>
    OtherCode,
}

/// <summary>The codes TFRRS prints for each <see cref="MarkStatus"/>.</summary>
public static class MarkStatusCodes
{
    private static readonly Dictionary<string, MarkStatus> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DNF"] = MarkStatus.DidNotFinish,
        ["DNS"] = MarkStatus.DidNotStart,
        ["DQ"] = MarkStatus.Disqualified,
        ["NH"] = MarkStatus.NoHeight,
        ["NM"] = MarkStatus.NoMark,
        ["FOUL"] = MarkStatus.Foul,
        ["FS"] = MarkStatus.FalseStart,
        ["SCR"] = MarkStatus.Scratched,
        ["NT"] = MarkStatus.NoTime,
        ["ND"] = MarkStatus.NoDistance,
    };

    /// <summary>The status a code such as <c>DNF</c> stands for (any case); false for anything else.</summary>
    public static bool TryParse(string text, out MarkStatus status) => ByCode.TryGetValue(text.Trim(), out status);

    /// <summary>The code TFRRS prints: <c>DNF</c>, <c>NH</c>…; the empty string for
    /// <see cref="MarkStatus.Valid"/>.</summary>
    public static string Code(this MarkStatus status) =>
        status switch
        {
            MarkStatus.Valid => "",
            MarkStatus.OtherCode => "OTHER",
            _ => ByCode.First(kv => kv.Value == status).Key,
        };
}
