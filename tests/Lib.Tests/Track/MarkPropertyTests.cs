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
