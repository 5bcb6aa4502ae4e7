using System.Buffers.Binary;
using Lib.Paragliding.Domain;
using Lib.Workflow;

namespace Lib.Paragliding.Ingest;

/// <summary>
/// Decodes GRIB2 files (WMO FM 92 edition 2) by the format's sections: 0 indicator, 1 identification (reference
/// time), 2 local use (skipped), 3 grid (template 3.0, regular latitude/longitude, every scanning mode), 4 product
/// (templates 4.0, 4.1, 4.2 and their statistical forms 4.8, 4.11, 4.12), 5 data representation (5.0 simple packing,
/// 5.2 complex packing and 5.3 complex packing with spatial differencing of order 1 or 2, with missing-value
/// management), 6 bitmap (present, previously defined, or none), 7 data, 8 end (<c>7777</c>). A message may repeat
/// sections 3–7 for several fields; each field counts as a message, as ecCodes counts them. Values are
/// (R + X·2^E)·10^−D computed as ecCodes does (R the float32 reference value), so they match its doubles. A field
/// in an unsupported template (5.40 JPEG 2000, 5.41 PNG, other grids) is left out with the reason; a damaged file
/// (a section running past its message, no <c>7777</c>, GRIB edition 1) is an <see cref="InvalidDataException"/>
/// naming the file, the message and the byte offset.
/// </summary>
public static class Grib2Reader
{
    /// <summary>
    /// Decodes the file at <paramref name="path"/>; with <paramref name="wanted"/>, only the fields it accepts
    /// (given discipline, category, number, surface type and value) are unpacked and returned, so a global file
    /// costs only the fields asked for. Message numbers stay those of the whole file.
    /// </summary>
    public static Grib2File Read(
        string path,
        Func<(int D, int C, int N, int LevelType, double Level), bool>? wanted = null
    )
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The GRIB2 file '{path}' does not exist.", path);
        return Parse(File.ReadAllBytes(path), Path.GetFileName(path), wanted);
    }

    /// <summary>Decodes the bytes of a file named <paramref name="file"/> (see <see cref="Read"/>).</summary>
    public static Grib2File Parse(
        byte[] bytes,
        string file,
        Func<(int D, int C, int N, int LevelType, double Level), bool>? wanted = null
    )
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var messages = new List<GribMessage>();
        var skipped = new List<RejectedRecord>();
        int pos = 0,
            field = 0,
            message = 0;
        while (pos < bytes.Length)
        {
            if (pos + 16 > bytes.Length || bytes[pos] != 'G' || bytes[pos + 1] != 'R' || bytes[pos + 2] != 'I')
            {
                if (bytes.AsSpan(pos).IndexOfAnyExcept((byte)0) < 0)
                    break; // padding at the end
                throw Bad(file, message + 1, pos, "expected 'GRIB' (section 0)");
            }
            message++;
            if (bytes[pos + 7] != 2)
                throw Bad(file, message, pos, $"GRIB edition {bytes[pos + 7]} (only edition 2 is read)");
            int discipline = bytes[pos + 6];
            long total = (long)BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(pos + 8));
            if (total < 20 || pos + total > bytes.Length)
                throw Bad(file, message, pos, $"the message declares {total} bytes but the file has fewer");
            int end = (int)(pos + total);
            if (bytes[end - 4] != '7' || bytes[end - 3] != '7' || bytes[end - 2] != '7' || bytes[end - 1] != '7')
                throw Bad(file, message, end - 4, "the message does not end with '7777'");
            var state = new FieldState { Discipline = discipline };
            int s = pos + 16;
            while (s < end - 4)
            {
                if (s + 5 > end - 4)
                    throw Bad(file, message, s, "a section header runs past the message");
                int length = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(s));
                int number = bytes[s + 4];
                if (length < 5 || s + length > end - 4)
                    throw Bad(file, message, s, $"section {number} declares {length} bytes, past the message's end");
                switch (number)
                {
                    case 1:
                        state.Reference = ReadTime(bytes, s + 12);
                        break;
                    case 2:
                        break;
                    case 3:
                        state.Grid = ReadGrid(bytes, s, out state.GridProblem);
                        break;
                    case 4:
                        ReadProduct(bytes, s, state);
                        break;
                    case 5:
                        state.Section5 = s;
                        state.Section5Length = length;
                        break;
                    case 6:
                        ReadBitmap(bytes, s, length, state);
                        break;
                    case 7:
                        field++;
                        if (
                            wanted is not null
                            && state.ProductProblem is null
                            && !wanted((state.Discipline, state.Category, state.Number, state.LevelType, state.Level))
                        )
                            break;
                        var decoded = Decode(bytes, s, length, state, out var problem);
                        if (decoded is null)
                            skipped.Add(new RejectedRecord(file, $"message {field}", problem!));
                        else
                            messages.Add(decoded with { Index = field });
                        break;
                    default:
                        throw Bad(file, message, s, $"unknown section number {number}");
                }
                s += length;
            }
            pos = end;
        }
        return new Grib2File(file, messages, skipped);
    }

    private static InvalidDataException Bad(string file, int message, int offset, string what) =>
        new($"{file}: GRIB message {message}, byte {offset}: {what}.");

    private sealed class FieldState
    {
        public int Discipline;
        public DateTime Reference;
        public GribGrid? Grid;
        public string? GridProblem;
        public string? ProductProblem;
        public int ProductTemplate;
        public int Category,
            Number,
            LevelType;
        public double Level;
        public string Step = "";
        public DateTime Valid;
        public int Section5,
            Section5Length;
        public bool[]? Bitmap;
        public string? BitmapProblem;
    }

    private static DateTime ReadTime(byte[] b, int at) =>
        new(
            BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(at)),
            b[at + 2],
            b[at + 3],
            b[at + 4],
            b[at + 5],
            b[at + 6],
            DateTimeKind.Utc
        );

    private static GribGrid? ReadGrid(byte[] b, int s, out string? problem)
    {
        problem = null;
        int template = BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(s + 12));
        if (template != 0)
        {
            problem = $"grid template 3.{template} (only 3.0, regular latitude/longitude, is read)";
            return null;
        }
        uint points = U32(b, s + 6);
        int ni = (int)U32(b, s + 30),
            nj = (int)U32(b, s + 34);
        uint basic = U32(b, s + 38),
            subdivisions = U32(b, s + 42);
        double unit =
            basic == 0 || basic == uint.MaxValue || subdivisions == 0 || subdivisions == uint.MaxValue
                ? 1e-6
                : (double)basic / subdivisions;
        double la1 = S32(b, s + 46) * unit,
            lo1 = S32(b, s + 50) * unit,
            la2 = S32(b, s + 55) * unit,
            lo2 = S32(b, s + 59) * unit;
        uint di = U32(b, s + 63),
            dj = U32(b, s + 67);
        int scan = b[s + 71];
        if ((long)ni * nj != points)
        {
            problem = $"the grid declares {points} points but Ni × Nj = {ni} × {nj}";
            return null;
        }
        double diDeg = di == uint.MaxValue ? Span(lo1, lo2, (scan & 0x80) != 0) / Math.Max(1, ni - 1) : di * unit;
        double djDeg = dj == uint.MaxValue ? Math.Abs(la2 - la1) / Math.Max(1, nj - 1) : dj * unit;
        return new GribGrid(ni, nj, la1, lo1, la2, lo2, diDeg, djDeg, scan);
    }

    private static double Span(double lo1, double lo2, bool west) =>
        (((west ? lo1 - lo2 : lo2 - lo1) % 360) + 360) % 360;

    private static void ReadProduct(byte[] b, int s, FieldState state)
    {
        int template = BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(s + 7));
        state.ProductTemplate = template;
        state.ProductProblem = template is 0 or 1 or 2 or 8 or 11 or 12
            ? null
            : $"product template 4.{template} (4.0, 4.1, 4.2, 4.8, 4.11 and 4.12 are read)";
        if (state.ProductProblem is not null)
            return;
        state.Category = b[s + 9];
        state.Number = b[s + 10];
        int unit = b[s + 17];
        double start = Hours(U32(b, s + 18), unit);
        state.LevelType = b[s + 22];
        int factor = b[s + 23];
        uint scaled = U32(b, s + 24);
        state.Level = factor == 255 || scaled == uint.MaxValue ? 0 : S32(b, s + 24) * Math.Pow(10, -S8(factor));
        state.Level = Math.Round(state.Level, 6);
        // Statistical templates: the end of the interval and its length (octets per template).
        int endAt = template switch
        {
            8 => 34,
            11 => 37,
            12 => 36,
            _ => -1,
        };
        if (endAt < 0)
        {
            state.Step = Format(start);
            state.Valid = state.Reference.AddHours(start);
            return;
        }
        double length = Hours(U32(b, s + endAt + 15), b[s + endAt + 14]);
        state.Step = $"{Format(start)}-{Format(start + length)}";
        state.Valid = ReadTime(b, s + endAt);
    }

    private static string Format(double hours) =>
        hours.ToString(hours == Math.Floor(hours) ? "0" : "0.###", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A time in the units of code table 4.4, in hours.</summary>
    private static double Hours(uint value, int unit) =>
        unit switch
        {
            0 => value / 60.0,
            1 => value,
            2 => value * 24.0,
            10 => value * 3.0,
            11 => value * 6.0,
            12 => value * 12.0,
            13 => value / 3600.0,
            _ => value,
        };

    private static void ReadBitmap(byte[] b, int s, int length, FieldState state)
    {
        int indicator = b[s + 5];
        state.BitmapProblem = null;
        if (indicator == 255)
            state.Bitmap = null;
        else if (indicator == 0)
        {
            var bits = new bool[(length - 6) * 8];
            for (int k = 0; k < bits.Length; k++)
                bits[k] = (b[s + 6 + (k >> 3)] & (0x80 >> (k & 7))) != 0;
            state.Bitmap = bits;
        }
        else if (indicator != 254) // 254: the previous bitmap of this message applies
            state.BitmapProblem = $"bitmap indicator {indicator} (a predefined bitmap is not read)";
    }

    private static GribMessage? Decode(byte[] b, int s7, int length7, FieldState st, out string? problem)
    {
        problem = st.GridProblem ?? st.ProductProblem ?? st.BitmapProblem;
        if (problem is not null)
            return null;
        if (st.Grid is null || st.Section5 == 0)
        {
            problem = "a data section without a grid or data representation section before it";
            return null;
        }
        int s5 = st.Section5;
        int template = BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(s5 + 9));
        int count = (int)U32(b, s5 + 5);
        float r = BinaryPrimitives.ReadSingleBigEndian(b.AsSpan(s5 + 11));
        int e = S16(b, s5 + 15),
            d = S16(b, s5 + 17),
            nbits = b[s5 + 19];
        double bscale = Power(e, 2),
            dscale = Power(-d, 10);
        double[] packed;
        try
        {
            var reader = new BitReader(b, s7 + 5, s7 + length7);
            packed = template switch
            {
                0 => Simple(reader, count, nbits, r, bscale, dscale),
                2 or 3 => Complex(b, s5, template, reader, count, nbits, r, bscale, dscale),
                40 => throw new NotSupportedException("data representation 5.40 (JPEG 2000) is not read"),
                41 => throw new NotSupportedException("data representation 5.41 (PNG) is not read"),
                _ => throw new NotSupportedException($"data representation 5.{template} is not read"),
            };
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidDataException)
        {
            problem = ex.Message;
            return null;
        }
        var grid = st.Grid;
        double[] values;
        if (st.Bitmap is null)
        {
            if (packed.Length != grid.Count)
            {
                problem = $"{packed.Length} values for a grid of {grid.Count} points and no bitmap";
                return null;
            }
            values = packed;
        }
        else
        {
            values = new double[grid.Count];
            int next = 0;
            for (int k = 0; k < grid.Count; k++)
                values[k] = k < st.Bitmap.Length && st.Bitmap[k] && next < packed.Length ? packed[next++] : double.NaN;
            if (next != packed.Length)
            {
                problem = $"the bitmap marks {next} points but the data section holds {packed.Length} values";
                return null;
            }
        }
        return new GribMessage(
            0,
            st.Discipline,
            st.Category,
            st.Number,
            st.LevelType,
            st.Level,
            st.Reference,
            st.Step,
            st.Valid,
            st.ProductTemplate,
            template,
            grid,
            values
        );
    }

    private static double[] Simple(BitReader reader, int count, int nbits, float r, double bscale, double dscale)
    {
        var values = new double[count];
        for (int k = 0; k < count; k++)
            values[k] = (reader.Read(nbits) * bscale + r) * dscale;
        return values;
    }

    /// <summary>Templates 5.2 and 5.3 (as WMO's and NCEP's g2clib <c>comunpack</c>).</summary>
    private static double[] Complex(
        byte[] b,
        int s5,
        int template,
        BitReader reader,
        int count,
        int nbits,
        float r,
        double bscale,
        double dscale
    )
    {
        int missingMode = b[s5 + 22];
        int groups = (int)U32(b, s5 + 31);
        int widthRef = b[s5 + 35],
            widthBits = b[s5 + 36];
        long lengthRef = U32(b, s5 + 37);
        int lengthIncrement = b[s5 + 41];
        long lastLength = U32(b, s5 + 42);
        int lengthBits = b[s5 + 46];
        int order = 0,
            extraOctets = 0;
        if (template == 3)
        {
            order = b[s5 + 47];
            extraOctets = b[s5 + 48];
            if (order is not (1 or 2))
                throw new InvalidDataException($"spatial differencing of order {order} (1 or 2 are defined)");
        }
        long ival1 = 0,
            ival2 = 0,
            minsd = 0;
        if (order > 0)
        {
            ival1 = SignedOctets(reader, extraOctets);
            if (order == 2)
                ival2 = SignedOctets(reader, extraOctets);
            minsd = SignedOctets(reader, extraOctets);
        }
        var refs = new long[groups];
        for (int g = 0; g < groups; g++)
            refs[g] = reader.Read(nbits);
        reader.Align();
        var widths = new int[groups];
        for (int g = 0; g < groups; g++)
            widths[g] = widthRef + (int)reader.Read(widthBits);
        reader.Align();
        var lengths = new long[groups];
        for (int g = 0; g < groups; g++)
            lengths[g] = lengthRef + reader.Read(lengthBits) * lengthIncrement;
        reader.Align();
        if (groups > 0)
            lengths[^1] = lastLength;
        if (lengths.Sum() != count)
            throw new InvalidDataException($"the groups hold {lengths.Sum()} values but the section declares {count}");
        var ints = new long[count];
        var missing = new bool[count];
        long allOnes = nbits == 0 ? 0 : (1L << nbits) - 1;
        int n = 0;
        for (int g = 0; g < groups; g++)
        {
            int w = widths[g];
            long groupMissing1 = w == 0 ? 0 : (1L << w) - 1;
            for (long k = 0; k < lengths[g]; k++, n++)
            {
                if (w == 0)
                {
                    ints[n] = refs[g];
                    missing[n] =
                        missingMode > 0
                        && nbits > 0
                        && (refs[g] == allOnes || (missingMode == 2 && refs[g] == allOnes - 1));
                    continue;
                }
                long x = reader.Read(w);
                if (missingMode > 0 && (x == groupMissing1 || (missingMode == 2 && x == groupMissing1 - 1)))
                    missing[n] = true;
                else
                    ints[n] = refs[g] + x;
            }
        }
        if (order > 0)
            Undifference(ints, missing, order, ival1, ival2, minsd);
        var values = new double[count];
        for (int k = 0; k < count; k++)
            values[k] = missing[k] ? double.NaN : (ints[k] * bscale + r) * dscale;
        return values;
    }

    /// <summary>Undoes spatial differencing over the values that are not missing, in order.</summary>
    private static void Undifference(long[] v, bool[] missing, int order, long ival1, long ival2, long minsd)
    {
        int seen = 0;
        long prev1 = 0,
            prev2 = 0;
        for (int k = 0; k < v.Length; k++)
        {
            if (missing[k])
                continue;
            long value;
            if (seen == 0)
                value = ival1;
            else if (seen == 1 && order == 2)
                value = ival2;
            else if (order == 1)
                value = v[k] + minsd + prev1;
            else
                value = v[k] + minsd + 2 * prev1 - prev2;
            prev2 = prev1;
            prev1 = value;
            v[k] = value;
            seen++;
        }
    }

    /// <summary>A sign-and-magnitude integer of <paramref name="octets"/> octets from the bit stream.</summary>
    private static long SignedOctets(BitReader reader, int octets)
    {
        long raw = 0;
        for (int k = 0; k < octets; k++)
            raw = (raw << 8) | reader.Read(8);
        long sign = 1L << (octets * 8 - 1);
        return (raw & sign) != 0 ? -(raw & (sign - 1)) : raw;
    }

    /// <summary>n^s by repeated multiplication or division, as ecCodes' <c>grib_power</c> (bit-identical).</summary>
    private static double Power(int s, int n)
    {
        double result = 1.0;
        for (; s < 0; s++)
            result /= n;
        for (; s > 0; s--)
            result *= n;
        return result;
    }

    private static uint U32(byte[] b, int at) => BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at));

    /// <summary>GRIB2's signed integers are sign and magnitude (the top bit is the sign).</summary>
    private static int S32(byte[] b, int at)
    {
        uint raw = U32(b, at);
        int magnitude = (int)(raw & 0x7FFFFFFF);
        return (raw & 0x80000000) != 0 ? -magnitude : magnitude;
    }

    private static int S16(byte[] b, int at)
    {
        int raw = BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(at));
        return (raw & 0x8000) != 0 ? -(raw & 0x7FFF) : raw;
    }

    private static int S8(int raw) => (raw & 0x80) != 0 ? -(raw & 0x7F) : raw;
}
