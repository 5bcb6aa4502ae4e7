using System.Globalization;

namespace Lib.Football.Ingest;

/// <summary>
/// Reads one record's fields by column name for the tracking readers: every value is checked for presence and type,
/// and the first failure becomes the record's <see cref="Issue"/> (<see cref="ValidationRule.MissingValue"/> or
/// <see cref="ValidationRule.Type"/>), naming the column, the value and what was expected. Integers may be written as
/// floats (<c>497016.0</c>, as the raw files do) but must be whole.
/// </summary>
internal sealed class FieldReader(IReadOnlyDictionary<string, int> columns, string source)
{
    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd HH:mm:ss.fff",
        "yyyy-MM-ddTHH:mm:ss.fff",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-ddTHH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
    ];

    private IReadOnlyList<string> _fields = [];
    private int _line;
    private string _text = "";
    private string _lastTimeText = "";
    private DateTime _lastTime;

    /// <summary>The first problem of the current record, or null.</summary>
    public ValidationIssue? Issue { get; private set; }

    /// <summary>The play of the current record, once read (for the issue's location).</summary>
    public (long Game, int Play)? PlayKey { get; set; }

    /// <summary>Starts a record.</summary>
    public void Start(int line, IReadOnlyList<string> fields, string text)
    {
        _line = line;
        _fields = fields;
        _text = text;
        Issue = null;
        PlayKey = null;
    }

    /// <summary>The column's text, trimmed ("" when the record is short).</summary>
    public string Text(string column)
    {
        int i = columns[column];
        return i < _fields.Count ? _fields[i].Trim() : "";
    }

    /// <summary>Whether the column exists in this file's header.</summary>
    public bool Has(string column) => columns.ContainsKey(column);

    /// <summary>A required 64-bit integer.</summary>
    public long Long(string column) => Whole(column, required: true, long.MinValue, long.MaxValue) ?? 0;

    /// <summary>A required 32-bit integer.</summary>
    public int Int(string column) => (int)(Whole(column, required: true, int.MinValue, int.MaxValue) ?? 0);

    /// <summary>An optional 32-bit integer (empty → null).</summary>
    public int? OptionalInt(string column) =>
        Has(column) ? (int?)Whole(column, required: false, int.MinValue, int.MaxValue) : null;

    /// <summary>A required finite number.</summary>
    public double Double(string column) => Number(column, required: true) ?? 0;

    /// <summary>An optional finite number (empty or absent column → null).</summary>
    public double? OptionalDouble(string column) => Has(column) ? Number(column, required: false) : null;

    /// <summary>A required UTC timestamp (<c>2018-09-09 17:21:03.400</c> or ISO with a <c>T</c>).</summary>
    public DateTime Time(string column)
    {
        var text = Text(column);
        if (text.Length > 0 && text == _lastTimeText)
            return _lastTime; // rows of one frame share their time
        _lastTimeText = "";
        if (text.Length == 0)
            return Fail(ValidationRule.MissingValue, column, text, "a timestamp", DateTime.MinValue);
        if (
            DateTime.TryParseExact(
                text,
                TimeFormats,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var t
            )
        )
        {
            (_lastTimeText, _lastTime) = (text, t);
            return t;
        }
        return Fail(ValidationRule.Type, column, text, "a timestamp like 2018-09-09 17:21:03.400", DateTime.MinValue);
    }

    /// <summary>A required non-empty text.</summary>
    public string Required(string column)
    {
        var text = Text(column);
        return text.Length > 0 ? text : Fail(ValidationRule.MissingValue, column, text, "a value", "");
    }

    /// <summary>Records an issue of <paramref name="rule"/> unless the record already has one.</summary>
    public void Report(ValidationRule rule, string message, int? nflId = null, int? frame = null) =>
        Issue ??= new ValidationIssue(
            rule,
            source,
            PlayKey?.Game,
            PlayKey?.Play,
            _line,
            nflId,
            frame,
            message,
            _text,
            LeftOut: true
        );

    private long? Whole(string column, bool required, long min, long max)
    {
        var text = Text(column);
        if (text.Length == 0)
            return required ? Fail<long?>(ValidationRule.MissingValue, column, text, "an integer", null) : null;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            return n >= min && n <= max ? n : Fail<long?>(ValidationRule.Type, column, text, "an integer", null);
        if (
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            && d == Math.Floor(d)
            && d >= min
            && d <= max
        )
            return (long)d;
        return Fail<long?>(ValidationRule.Type, column, text, "an integer", null);
    }

    private double? Number(string column, bool required)
    {
        var text = Text(column);
        if (text.Length == 0 || text is "NA" or "NaN" or "nan")
            return required ? Fail<double?>(ValidationRule.MissingValue, column, text, "a number", null) : null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
            ? d
            : Fail<double?>(ValidationRule.Type, column, text, "a number", null);
    }

    private T Fail<T>(ValidationRule rule, string column, string text, string expected, T value)
    {
        Report(
            rule,
            text.Length == 0 ? $"{column} is empty; expected {expected}" : $"{column} '{text}' is not {expected}"
        );
        return value;
    }

    /// <summary>The columns of a header by name; the issue for the first missing <paramref name="required"/> column,
    /// or null.</summary>
    public static (Dictionary<string, int> Columns, ValidationIssue? Missing) Map(
        IReadOnlyList<string> header,
        IReadOnlyList<string> required,
        string source
    )
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Count; i++)
            columns.TryAdd(header[i].Trim(), i);
        var missing = required.Where(c => !columns.ContainsKey(c)).ToList();
        return missing.Count == 0
            ? (columns, null)
            : (
                columns,
                new ValidationIssue(
                    ValidationRule.RequiredColumns,
                    source,
                    null,
                    null,
                    1,
                    null,
                    null,
                    $"the header lacks {string.Join(", ", missing)} (it has {string.Join(", ", header)})",
                    LeftOut: true
                )
            );
    }
}
