using System.Globalization;

namespace Lib.Tensors.NN;

/// <summary>Python's <c>repr</c> of the values that appear in module reprs, so <c>ToString()</c> reads like
/// PyTorch's.</summary>
internal static class PyRepr
{
    /// <summary><c>True</c> / <c>False</c>.</summary>
    public static string Bool(bool value) => value ? "True" : "False";

    /// <summary>A Python string literal: <c>'tanh'</c>.</summary>
    public static string Str(string value) => "'" + value.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

    /// <summary>A tuple of ints: <c>(4,)</c>, <c>(3, 4)</c>.</summary>
    public static string Tuple(IReadOnlyList<int> values) =>
        values.Count == 1 ? $"({values[0]},)" : "(" + string.Join(", ", values) + ")";

    /// <summary>Python's shortest round-trip float repr: <c>0.5</c>, <c>1e-05</c>, <c>25.0</c>, <c>1e+16</c>.</summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value))
            return "nan";
        if (double.IsInfinity(value))
            return value > 0 ? "inf" : "-inf";
        if (value == 0)
            return double.IsNegative(value) ? "-0.0" : "0.0";
        // Shortest round-trip digits and decimal exponent, e.g. "1.2345E-05" → digits "12345", exponent -5.
        string shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        (string digits, int exponent) = Decompose(shortest);
        string sign = value < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16)
        {
            string mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            return $"{sign}{mantissa}e{(exponent < 0 ? "-" : "+")}{Math.Abs(exponent):00}";
        }
        if (exponent < 0)
            return sign + "0." + new string('0', -exponent - 1) + digits;
        if (digits.Length <= exponent + 1)
            return sign + digits + new string('0', exponent + 1 - digits.Length) + ".0";
        return sign + digits[..(exponent + 1)] + "." + digits[(exponent + 1)..];
    }

    /// <summary>A float32 written with its own shortest digits (<c>1e-05</c>, not
    /// <c>9.99999974737875e-06</c>).</summary>
    public static string Float(float value) =>
        Float(double.Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));

    private static (string Digits, int Exponent) Decompose(string text)
    {
        int e = text.IndexOfAny(['E', 'e']);
        string mantissa = e < 0 ? text : text[..e];
        int exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
        int dot = mantissa.IndexOf('.');
        string intPart = dot < 0 ? mantissa : mantissa[..dot];
        string fracPart = dot < 0 ? "" : mantissa[(dot + 1)..];
        string all = intPart + fracPart;
        int lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0')
            lead++;
        // The decimal exponent of the first significant digit.
        exponent += intPart.Length - 1 - lead;
        string digits = all[lead..].TrimEnd('0');
        return (digits.Length == 0 ? "0" : digits, exponent);
    }
}
