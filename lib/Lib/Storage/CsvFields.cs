using System.Globalization;

namespace Lib.Storage;

/// <summary>
/// Typed fields of a <see cref="CsvRow"/> read by the text-table readers, with one wording for what went wrong:
/// <c>{file}: line {n}: {column} '{text}' is not …</c>. The <c>Try…</c> forms leave the decision (reject the row or
/// stop) to the reader; the others throw an <see cref="InvalidDataException"/> with that message. Dates are ISO
/// (<c>yyyy-MM-dd</c>), numbers invariant-culture and finite.
/// </summary>
public static class CsvFields
{
    /// <summary>Where a field is: <c>{file}: line {n}: {column}</c>.</summary>
    public static string Where(this CsvRow row, string file, string column) =>
        string.Create(CultureInfo.InvariantCulture, $"{file}: line {row.Line}: {column}");

    /// <summary>The column's text, trimmed.</summary>
    public static string Text(this CsvRow row, string column) => row[column].Trim();

    /// <summary>Reads an ISO date (<c>yyyy-MM-dd</c>).</summary>
    public static bool TryDate(this CsvRow row, string column, out DateOnly date) =>
        DateOnly.TryParseExact(
            row.Text(column),
            "yyyy-MM-dd",
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out date
        );

    /// <summary>Reads a finite number.</summary>
    public static bool TryNumber(this CsvRow row, string column, out double value) =>
        double.TryParse(row.Text(column), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    /// <summary>Reads an integer.</summary>
    public static bool TryInt(this CsvRow row, string column, out int value) =>
        int.TryParse(row.Text(column), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    /// <summary>Why a date did not read: <c>{column} '{text}' is not an ISO date (YYYY-MM-DD)</c>.</summary>
    public static string NotADate(this CsvRow row, string column) =>
        $"{column} '{row[column]}' is not an ISO date (YYYY-MM-DD)";

    /// <summary>An ISO date, or an error naming the file, line and column.</summary>
    /// <exception cref="InvalidDataException">The field is not an ISO date.</exception>
    public static DateOnly Date(this CsvRow row, string file, string column) =>
        row.TryDate(column, out var date)
            ? date
            : throw new InvalidDataException($"{file}: line {row.Line}: {row.NotADate(column)}.");

    /// <summary>A finite number, or an error naming the file, line and column.</summary>
    /// <exception cref="InvalidDataException">The field is not a finite number.</exception>
    public static double Number(this CsvRow row, string file, string column) =>
        row.TryNumber(column, out double value)
            ? value
            : throw new InvalidDataException($"{file}: line {row.Line}: {column} '{row[column]}' is not a number.");

    /// <summary>An integer, or an error naming the file, line and column.</summary>
    /// <exception cref="InvalidDataException">The field is not an integer.</exception>
    public static int Int(this CsvRow row, string file, string column) =>
        row.TryInt(column, out int value)
            ? value
            : throw new InvalidDataException($"{file}: line {row.Line}: {column} '{row[column]}' is not an integer.");

    /// <summary>A non-empty field, or an error naming the file, line and column.</summary>
    /// <exception cref="InvalidDataException">The field is empty.</exception>
    public static string Required(this CsvRow row, string file, string column) =>
        row.Text(column) is { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"{file}: line {row.Line}: {column} is empty.");
}
