using System.Globalization;
using System.Text;
using Lib.Paragliding.Domain;
using Lib.Workflow;

namespace Lib.Paragliding.Ingest;

/// <summary>
/// Reads IGC flight logs (the FAI's format for GNSS flight recorders) by the format's rules: the A record (logger),
/// H records (<c>HFDTE</c> in both the <c>HFDTEddmmyy</c> and the <c>HFDTEDATE:ddmmyy,nn</c> forms; <c>HO</c> and
/// <c>HP</c> headers too), I records (B-record extensions at declared byte positions) and B records
/// (<c>B HHMMSS DDMMmmm N DDDMMmmm E V PPPPP GGGGG</c> then the extensions). Other records (C, E, F, G, J, K, L) are
/// skipped. Line ends may be CRLF, LF or CR. A B record whose fields are not well-formed digits in range is left
/// out and reported with its line (or, <c>strict</c>, is an <see cref="InvalidDataException"/> naming the file and
/// the line); a minutes field of <c>60000</c> (a logger's rounding) is read as the next whole degree. A day is
/// added whenever the time of day falls by more than 12 h from one B record to the next (midnight in UTC).
/// </summary>
public static class IgcReader
{
    /// <summary>Reads the log at <paramref name="path"/>; its file name is the log's name.</summary>
    /// <exception cref="InvalidDataException">
    /// No date record, or (<paramref name="strict"/>) a malformed B or I record; the message names the file and line.
    /// </exception>
    public static IgcLog Read(string path, bool strict = false)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The IGC file '{path}' does not exist.", path);
        return Parse(File.ReadAllText(path, Encoding.Latin1), Path.GetFileName(path), strict);
    }

    /// <summary>Every <c>.igc</c> file (any case) of a folder, by name, or the one file given.</summary>
    public static IReadOnlyList<string> Files(string fileOrFolder)
    {
        if (File.Exists(fileOrFolder))
            return [fileOrFolder];
        if (!Directory.Exists(fileOrFolder))
            throw new FileNotFoundException($"No IGC file or folder '{fileOrFolder}'.", fileOrFolder);
        return
        [
            .. Directory
                .EnumerateFiles(fileOrFolder)
                .Where(f => f.EndsWith(".igc", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>Parses the text of a log named <paramref name="file"/>.</summary>
    /// <exception cref="InvalidDataException">As <see cref="Read"/>.</exception>
    public static IgcLog Parse(string text, string file, bool strict = false)
    {
        var lines = text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        var extensions = new List<IgcExtension>();
        var rejected = new List<RejectedRecord>();
        string logger = "";
        DateOnly? date = null;
        void Reject(int line, string reason, string raw)
        {
            if (strict)
                throw new InvalidDataException($"{file}: line {line}: {reason}: '{raw}'.");
            rejected.Add(RejectedRecord.AtLine(file, line, reason, raw));
        }

        // First pass: the headers (the date may follow B records in a damaged file; the format puts it first).
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line.Length == 0)
                continue;
            if (line[0] == 'A' && logger.Length == 0)
                logger = line[1..].Trim();
            else if (line[0] == 'H' && line.Length >= 5)
            {
                var code = line.Substring(2, 3);
                var value = HeaderValue(line);
                headers.TryAdd(code, value);
                if (code == "DTE" && date is null)
                {
                    date = ParseDate(line)
                        ?? throw new InvalidDataException(
                            $"{file}: line {i + 1}: the date record '{line}' is not HFDTEddmmyy or HFDTEDATE:ddmmyy,nn."
                        );
                }
            }
        }
        if (date is null)
            throw new InvalidDataException($"{file}: no HFDTE date record (expected HFDTEddmmyy or HFDTEDATE:ddmmyy).");

        var fixes = new List<IgcFix>();
        var day = date.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        int? previousSeconds = null;
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line.Length == 0)
                continue;
            if (line[0] == 'I')
            {
                var parsed = ParseExtensions(line, out var why);
                if (parsed is null)
                    Reject(i + 1, why!, line);
                else
                {
                    extensions.Clear();
                    extensions.AddRange(parsed);
                }
            }
            else if (line[0] == 'B')
            {
                var reason = ParseFix(line, out var seconds, out var fix);
                if (reason is not null)
                {
                    Reject(i + 1, reason, line);
                    continue;
                }
                if (previousSeconds is int p && seconds < p - 12 * 3600)
                    day = day.AddDays(1);
                previousSeconds = seconds;
                var ext = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var e in extensions)
                    if (e.End <= line.Length)
                        ext[e.Code] = line.Substring(e.Start - 1, e.End - e.Start + 1);
                fixes.Add(fix with { TimeUtc = day.AddSeconds(seconds), Extensions = ext, Line = i + 1 });
            }
        }
        return new IgcLog(file, logger, date.Value, headers, extensions, fixes, rejected);
    }

    private static readonly IReadOnlyDictionary<string, string> NoExtensions = new Dictionary<string, string>();

    /// <summary>An H record's value: the text after the first ':' when there is one, else after the code.</summary>
    private static string HeaderValue(string line)
    {
        int colon = line.IndexOf(':');
        return (colon >= 0 ? line[(colon + 1)..] : line[5..]).Trim();
    }

    /// <summary>The date of <c>HFDTEddmmyy</c>, <c>HFDTE:ddmmyy</c> or <c>HFDTEDATE:ddmmyy,nn</c>, or null.
    /// </summary>
    internal static DateOnly? ParseDate(string line)
    {
        var rest = line[5..].TrimStart();
        if (rest.StartsWith("DATE", StringComparison.OrdinalIgnoreCase))
            rest = rest[4..];
        rest = rest.TrimStart(':', ' ');
        if (rest.Length < 6 || !rest[..6].All(char.IsAsciiDigit))
            return null;
        int dd = int.Parse(rest[..2], CultureInfo.InvariantCulture),
            mm = int.Parse(rest[2..4], CultureInfo.InvariantCulture),
            yy = int.Parse(rest[4..6], CultureInfo.InvariantCulture);
        int year = yy < 80 ? 2000 + yy : 1900 + yy; // the format's two-digit year: loggers date from the 1990s on
        if (mm is < 1 or > 12 || dd < 1 || dd > DateTime.DaysInMonth(year, mm))
            return null;
        return new DateOnly(year, mm, dd);
    }

    /// <summary>The extensions of an I record <c>INN(SSFFCCC)×NN</c>, or null with the reason.</summary>
    private static List<IgcExtension>? ParseExtensions(string line, out string? why)
    {
        why = null;
        if (line.Length < 3 || !Digits(line, 1, 2))
        {
            why = "an I record starts with a two-digit count (INN then SSFFCCC per extension)";
            return null;
        }
        int n = Int(line, 1, 2);
        if (line.Length < 3 + 7 * n)
        {
            why = $"the I record declares {n} extensions but has room for {(line.Length - 3) / 7}";
            return null;
        }
        var list = new List<IgcExtension>(n);
        for (int k = 0; k < n; k++)
        {
            int at = 3 + 7 * k;
            if (!Digits(line, at, 4))
            {
                why = $"extension {k + 1}: its byte positions '{line.Substring(at, 4)}' are not digits";
                return null;
            }
            int start = Int(line, at, 2),
                end = Int(line, at + 2, 2);
            if (start < 36 || end < start)
            {
                why = $"extension {k + 1}: bytes {start}–{end} (extensions start at byte 36 or later, end ≥ start)";
                return null;
            }
            list.Add(new IgcExtension(line.Substring(at + 4, 3), start, end));
        }
        return list;
    }

    /// <summary>Parses a B record; null when well-formed, else the reason.</summary>
    private static string? ParseFix(string line, out int seconds, out IgcFix fix)
    {
        seconds = 0;
        fix = null!;
        if (line.Length < 35)
            return $"a B record has at least 35 characters, this one {line.Length}";
        if (!Digits(line, 1, 6))
            return "the time HHMMSS (bytes 2–7) is not digits";
        int hh = Int(line, 1, 2),
            mi = Int(line, 3, 2),
            ss = Int(line, 5, 2);
        if (hh > 23 || mi > 59 || ss > 59)
            return $"the time {line.Substring(1, 6)} is out of range (HHMMSS, UTC)";
        if (!Digits(line, 7, 7) || line[14] is not ('N' or 'S'))
            return "the latitude (bytes 8–15) is not DDMMmmm then N or S";
        if (!Digits(line, 15, 8) || line[23] is not ('E' or 'W'))
            return "the longitude (bytes 16–24) is not DDDMMmmm then E or W";
        int latDeg = Int(line, 7, 2),
            latMin = Int(line, 9, 5),
            lonDeg = Int(line, 15, 3),
            lonMin = Int(line, 18, 5);
        double lat = latDeg + latMin / 60000.0,
            lon = lonDeg + lonMin / 60000.0;
        if (latMin > 60000 || lat > 90)
            return $"the latitude {line.Substring(7, 8)} is out of range";
        if (lonMin > 60000 || lon > 180)
            return $"the longitude {line.Substring(15, 9)} is out of range";
        if (line[24] is not ('A' or 'V'))
            return $"the validity flag (byte 25) is '{line[24]}', expected A or V";
        if (!Altitude(line, 25, out int pressure))
            return $"the pressure altitude '{line.Substring(25, 5)}' (bytes 26–30) is not a number of metres";
        if (!Altitude(line, 30, out int gnss))
            return $"the GNSS altitude '{line.Substring(30, 5)}' (bytes 31–35) is not a number of metres";
        seconds = hh * 3600 + mi * 60 + ss;
        fix = new IgcFix(
            default,
            line[14] == 'S' ? -lat : lat,
            line[23] == 'W' ? -lon : lon,
            line[24] == 'A',
            pressure,
            gnss,
            NoExtensions,
            0
        );
        return null;
    }

    /// <summary>A five-character altitude: digits, or a minus sign then digits.</summary>
    private static bool Altitude(string line, int at, out int value)
    {
        value = 0;
        var text = line.AsSpan(at, 5);
        bool negative = text[0] == '-';
        var digits = negative ? text[1..] : text;
        foreach (var c in digits)
            if (!char.IsAsciiDigit(c))
                return false;
        value = int.Parse(digits, CultureInfo.InvariantCulture) * (negative ? -1 : 1);
        return true;
    }

    private static bool Digits(string s, int at, int count)
    {
        if (at + count > s.Length)
            return false;
        for (int i = at; i < at + count; i++)
            if (!char.IsAsciiDigit(s[i]))
                return false;
        return true;
    }

    private static int Int(string s, int at, int count) => int.Parse(s.AsSpan(at, count), CultureInfo.InvariantCulture);
}
