using FsCheck;
using FsCheck.Fluent;
using Lib.Track.Domain;
using Microsoft.FSharp.Core;

namespace Lib.Tests.Track;

/// <summary>Format then parse returns the value, for every value TFRRS can print.</summary>
public class MarkPropertyTests
{
    /// <summary>2000 cases per property from a fixed seed, so a run is repeatable.</summary>
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(2000)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20240511UL), FSharpOption<int>.None)));

    [Fact]
    public void Times_in_hundredths_round_trip()
    {
        // Up to 10 hours in hundredths: sprints, distance races, half marathons.
        var hundredths = Gen.Choose(1, 3_600_000).ToArbitrary();
        Check.One(Config, Prop.ForAll(hundredths, h =>
        {
            var seconds = h / 100.0;
            var text = Mark.Format(seconds, MarkUnit.Seconds);
            var mark = Mark.Parse(text, MarkUnit.Seconds);
            return Math.Abs(mark.Value!.Value - seconds) < 1e-9 && mark.Text == text;
        }));
    }

    [Fact]
    public void Times_in_tenths_round_trip()
    {
        var tenths = Gen.Choose(1, 360_000).ToArbitrary();
        Check.One(Config, Prop.ForAll(tenths, t =>
        {
            var seconds = t / 10.0;
            return Math.Abs(Mark.Parse(Mark.Format(seconds, MarkUnit.Seconds, 1), MarkUnit.Seconds).Value!.Value - seconds) < 1e-9;
        }));
    }

    [Fact]
    public void Distances_in_centimetres_round_trip()
    {
        var centimetres = Gen.Choose(1, 15_000).ToArbitrary();
        Check.One(Config, Prop.ForAll(centimetres, cm =>
        {
            var metres = cm / 100.0;
            return Math.Abs(Mark.Parse(Mark.Format(metres, MarkUnit.Metres), MarkUnit.Metres).Value!.Value - metres) < 1e-9;
        }));
    }

    [Fact]
    public void Imperial_distances_in_quarter_inches_round_trip()
    {
        var quarters = Gen.Choose(1, 4 * 12 * 400).ToArbitrary();
        Check.One(Config, Prop.ForAll(quarters, q =>
        {
            var metres = q / 4.0 * 0.0254;
            var text = ImperialDistance.Format(metres);
            return Math.Abs(Mark.Parse(text, MarkUnit.Metres).Value!.Value - metres) < 1e-9
                && Math.Abs(ImperialDistance.Parse(text) - metres) < 1e-9;
        }));
    }

    [Fact]
    public void Points_round_trip()
    {
        Check.One(Config, Prop.ForAll(Gen.Choose(1, 12_000).ToArbitrary(), p => Mark.Parse(Mark.Format(p, MarkUnit.Points, 0), MarkUnit.Points).Value == p));
    }

    [Fact]
    public void Wind_readings_in_tenths_round_trip()
    {
        Check.One(Config, Prop.ForAll(Gen.Choose(-200, 200).ToArbitrary(), t =>
        {
            var value = t / 10.0;
            return Math.Abs(Wind.Parse(Wind.Format(value)).Value!.Value - value) < 1e-9;
        }));
    }

    [Fact]
    public void Any_printable_time_is_parsed_to_the_value_it_prints()
    {
        // Arbitrary doubles (not just the grid): printing rounds, parsing the print gives the rounded value back.
        var seconds = Gen.Choose(1, 1_000_000).Select(i => i / 97.0).ToArbitrary();
        Check.One(Config, Prop.ForAll(seconds, s =>
        {
            var once = Mark.Parse(Mark.Format(s, MarkUnit.Seconds), MarkUnit.Seconds).Value!.Value;
            return Math.Abs(once - s) <= 0.005 + 1e-9 && Mark.Format(once, MarkUnit.Seconds) == Mark.Format(s, MarkUnit.Seconds);
        }));
    }
}

/// <summary>Marks decorated with every combination of TFRRS's markers (issue 19) parse to the undecorated value, with
/// one flag per marker and the markers kept as printed.</summary>
public class MarkMarkerPropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(3000)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20261207UL), FSharpOption<int>.None)));

    private static readonly char[] Symbols = ['@', '#', '%', '*'];
    private static readonly char[] UnknownSymbols = ['!', '~', '^', '†', '$', '&', '¹'];
    private static readonly int[] Distances = [55, 60, 300, 500, 1000];

    /// <summary>One decorated mark drawn from <paramref name="seed"/>: the printed text, its unit, the plain value and
    /// the flags and marker text the parser must give.</summary>
    private static (string Text, MarkUnit Unit, double Value, MarkFlags Flags, string Markers) Draw(int seed)
    {
        var random = new Random(seed);
        var unit = (MarkUnit)random.Next(3);
        double value;
        string body;
        switch (unit)
        {
            case MarkUnit.Seconds:
                value = random.Next(500, 400_000) / 100.0;
                body = Mark.Format(value, unit);
                break;
            case MarkUnit.Metres:
                value = random.Next(100, 9_000) / 100.0;
                body = Mark.Format(value, unit);
                break;
            default:
                value = random.Next(1_000, 9_000);
                body = Mark.Format(value, unit, 0);
                break;
        }
        var flags = MarkFlags.None;
        if (unit != MarkUnit.Points && random.Next(3) == 0)
        {
            body += random.Next(2) == 0 ? "w" : "W";
            flags |= MarkFlags.WindAided;
        }
        else if (unit == MarkUnit.Seconds && random.Next(4) == 0)
        {
            body += "h";
            flags |= MarkFlags.HandTimed;
        }

        var tokens = new List<MarkMarker>();
        foreach (var symbol in Symbols.Where(_ => random.Next(3) == 0))
            tokens.Add(MarkMarker.Symbol(symbol));
        if (random.Next(3) == 0)
            tokens.Add(MarkMarker.Parenthesised(random.Next(1, 10)));
        if (unit == MarkUnit.Seconds && random.Next(4) == 0)
            tokens.Add(MarkMarker.Parenthesised(Distances[random.Next(Distances.Length)]));
        if (random.Next(4) == 0)
            tokens.Add(MarkMarker.Symbol(UnknownSymbols[random.Next(UnknownSymbols.Length)]));
        tokens = tokens.OrderBy(_ => random.Next()).ToList();

        // A known symbol that is not used after the mark may lead it (`*8:01.22`).
        var leading = Symbols.Where(s => tokens.All(t => t.Text != s.ToString())).ToList();
        MarkMarker? prefix = leading.Count > 0 && random.Next(5) == 0
            ? MarkMarker.Symbol(leading[random.Next(leading.Count)])
            : null;

        var text = prefix is { } p ? p.Text + (random.Next(2) == 0 ? " " : "") + body : body;
        foreach (var token in tokens)
            text += (random.Next(2) == 0 ? " " : "") + token.Text;
        var markers = prefix is { } q ? [q, .. tokens] : tokens;
        foreach (var m in markers)
            flags |= m.Flag;
        return (text, unit, value, flags, MarkMarkers.Join(markers));
    }

    [Fact]
    public void Every_combination_of_markers_parses_to_the_plain_value()
    {
        Check.One(Config, Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var (text, unit, value, flags, markers) = Draw(seed);
            if (!Mark.TryParse(text, unit, out var mark, out var error))
                throw new Xunit.Sdk.XunitException($"'{text}' ({unit}) was refused: {error}");
            if (Math.Abs(mark.Value!.Value - value) > 1e-9 || mark.Flags != flags || mark.MarkerText != markers
                || mark.Text != text)
                throw new Xunit.Sdk.XunitException(
                    $"'{text}' ({unit}): value {mark.Value} flags {mark.Flags} markers '{mark.MarkerText}', "
                    + $"expected {value}, {flags}, '{markers}'");
            return mark.Markers.Count == markers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        }));
    }

    [Fact]
    public void A_decorated_mark_without_its_number_is_never_a_mark()
    {
        // Markers alone (a cell holding only "@" or "(1)") are refused: there is no mark to keep.
        Check.One(Config, Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var (text, unit, _, _, markers) = Draw(seed);
            var onlyMarkers = string.Join(" ", MarkMarkers.Split(markers).Select(m => m.Text));
            return onlyMarkers.Length == 0 || !Mark.TryParse(onlyMarkers, unit, out _, out _);
        }));
    }
}
