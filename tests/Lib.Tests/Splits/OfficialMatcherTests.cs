using Lib.Splits.Domain;
using Lib.Splits.Ingest;

namespace Lib.Tests.Splits;

public class OfficialMatcherTests
{
    private static readonly string[] Marks = ["00:01:00", "00:41:00", "01:41:00", "02:41:00", "03:11:00", "03:41:00"];

    private static TimingRow Official(string rider, string round, params double[] sectors)
    {
        var points = new long?[5];
        long t = 0;
        for (int k = 0; k < 5; k++)
            points[k] = t += (long)Math.Round(sectors[k] * 1000);
        return new TimingRow("timing/x.pdf", "race_2024", "men_elite", round, null, 1, rider, "", "FRA", TimingStatus.OK,
            points[0], points[1], points[2], points[3], points[4]);
    }

    private static VideoConfig Config() =>
        new([new AnnotatedRun("trk", "amaury_pierron", "", [.. Marks.Select(Timecode.Parse)])]);

    [Fact]
    public void The_best_run_of_the_same_rider_matches_within_a_second_on_sectors_2_to_5()
    {
        // Annotated sectors: 40, 60, 60, 30, 30 s. The timing start is 1.5 s earlier than the annotator's.
        var rows = new[]
        {
            Official("PIERRON Amaury", "f", 41.5, 60.4, 59.7, 30.2, 29.9),
            Official("PIERRON Amaury", "qr", 40.0, 63.0, 60.0, 30.0, 30.0),
            Official("BRUNI Loic", "f", 40.0, 60.0, 60.0, 30.0, 30.0), // another rider: never a candidate
        };
        var matches = OfficialMatcher.Match(Config(), rows);
        Assert.Equal(2, matches.Count);
        var all = matches[0];
        // All five: f is 1.5 s off (sector 1), qr 3 s (sector 2): f is the best, but not within 1 s.
        Assert.Equal(("1-5", false, "f", 2), (all.Sectors, all.Matched, all.Best!.Round, all.Candidates));
        Assert.Equal(1.5, all.MaxAbsDiffSeconds!.Value, 9);
        var late = matches[1];
        Assert.Equal(("2-5", true, "f"), (late.Sectors, late.Matched, late.Best!.Round));
        Assert.Equal(0.4, late.MaxAbsDiffSeconds!.Value, 9);
        Assert.Equal((0.4 + 0.3 + 0.2 + 0.1) / 4, late.MeanAbsDiffSeconds!.Value, 9);
    }

    [Fact]
    public void A_rider_absent_from_the_timing_is_unmatched_with_the_reason()
    {
        var matches = OfficialMatcher.Match(Config(), [Official("BRUNI Loic", "f", 40, 60, 60, 30, 30)]);
        Assert.All(matches, m => Assert.Equal((false, "rider not in the timing"), (m.Matched, m.Note)));
        Assert.Equal("unmatched", matches[0].Fields()[3]);
    }

    [Fact]
    public void Names_match_by_their_words_without_case_accents_or_punctuation()
    {
        Assert.Equal(OfficialMatcher.WordsKey("oisin_o_callaghan"), OfficialMatcher.WordsKey("O'CALLAGHAN Oisin"));
        Assert.Equal(OfficialMatcher.WordsKey("remi_thirion"), OfficialMatcher.WordsKey("THIRION Rémi"));
        Assert.NotEqual(OfficialMatcher.WordsKey("luke_meier_smith"), OfficialMatcher.WordsKey("MEIER-SMITH Remy"));
    }

    [Fact]
    public void On_the_bundled_data_one_annotated_run_matches_on_sectors_2_to_5()
    {
        var report = SplitsMatchOfficialStep.Run(SplitsFixture.VideoConfig, SplitsFixture.Timing);
        Assert.Single(report.Annotations.Rejected);
        Assert.Equal(48, report.Matches.Count);
        var matched = Assert.Single(report.Matches, m => m.Matched);
        Assert.Equal(("poland_2025", "oisin_o_callaghan", "2-5"), (matched.TrackId, matched.RiderId, matched.Sectors));
        Assert.Equal(("bielsko_biala_2024", "semi", "timing/biel_dhi_me_results_semi.pdf"), (matched.Best!.Race, matched.Best.Round, matched.Best.File));
        Assert.Equal(0.986, matched.MaxAbsDiffSeconds!.Value, 3);
    }
}
