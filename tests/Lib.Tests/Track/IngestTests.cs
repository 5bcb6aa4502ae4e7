using System.IO.Compression;
using Lib.Track;
using Lib.Track.Domain;
using Lib.Track.Ingest;
using Lib.Track.Scrape;

namespace Lib.Tests.Track;

/// <summary>The source adapters on the bundled files and on small hand-made ones: every row read or rejected with file, line and reason.</summary>
public class IngestTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Tfrrs(string file) => Path.Combine(RepoPaths.Data, "tfrrs", file);

    [Fact]
    public void Big_south_rows_are_read_and_the_files_noise_is_rejected_by_line()
    {
        var result = new BigSouthCsv(Tfrrs(PerformanceSources.BigSouthFile)).Read();

        Assert.Equal(22073, result.Rows.Count + result.Rejected.Count);
        // The same 12 rows the mark tests find: a year or DNS in the event column. ENR and NP are kept as other codes.
        Assert.Equal(12, result.Rejected.Count);
        Assert.Equal(11, result.Rows.Count(r => r.Mark.Status == MarkStatus.OtherCode));
        var year = Assert.Single(result.Rejected, r => r.Location == "line 85");
        Assert.Equal("big_south_tfrrs_performances.csv", year.Source);
        Assert.Equal("'2026' is not an event the catalogue knows", year.Reason);
        // A quoted date with line breaks inside: the record is named by the line it starts on, the next record by its own.
        Assert.Equal(["line 135", "line 139"], result.Rejected.Where(r => r.Reason.StartsWith("'DNS'", StringComparison.Ordinal)).Select(r => r.Location));

        var first = result.Rows[0];
        Assert.Equal(("big_south", 2, "big_south:HUNTER ADAMS|M", Gender.Men, "4X100"), (first.Source, first.Line, first.AthleteKey, first.Gender, first.Event.Code));
        Assert.Equal((new DateOnly(2026, 5, 11), Season.Outdoor, true), (first.Date, first.Season, first.SeasonInferred));
        Assert.All(result.Rows, r => Assert.True(r.SeasonInferred));
        Assert.Contains(result.Rows, r => r.Event.Code == "60" && r.Season == Season.Indoor);
        Assert.Contains(result.Rows, r => r.Event.Code == "8K" && r.Season == Season.CrossCountry);
    }

    [Fact]
    public void Lehigh_and_meet_result_files_take_their_gender_from_the_caller_and_their_own_number_forms()
    {
        var lehigh = new TeamAthletesCsv(Tfrrs(PerformanceSources.LehighFile), Gender.Men, "Lehigh").Read();
        Assert.Equal(1803, lehigh.Rows.Count + lehigh.Rejected.Count);
        Assert.Empty(lehigh.Rejected);
        var np = Assert.Single(lehigh.Rows, r => r.Line == 383);
        Assert.Equal((MarkStatus.OtherCode, "NP", "HEP"), (np.Mark.Status, np.Mark.StatusCode, np.Event.Code));
        Assert.All(lehigh.Rows, r => Assert.Equal((Gender.Men, "Lehigh"), (r.Gender, r.Team)));
        Assert.Contains(lehigh.Rows, r => r.AthleteKey == "lehigh:ELI AARONSON" && r.Event.Code == "HJ" && r.Mark.Value == 1.86);

        var indoor = new MeetResultsCsv(Tfrrs(PerformanceSources.MeetResultFiles[1]), Gender.Men).Read();
        Assert.Equal(4162, indoor.Rows.Count + indoor.Rejected.Count);
        Assert.Equal(["'300H' is not an event the catalogue knows", "'300H' is not an event the catalogue knows",
            "'150' is not an event the catalogue knows", "'150' is not an event the catalogue knows"], indoor.Rejected.Select(r => r.Reason));
        var shot = indoor.Rows.First(r => r.Event.Code == "SP");
        Assert.Equal(("13.44m", 13.44, Season.Indoor), (shot.Mark.Text, shot.Mark.Value, shot.Season));
        Assert.Equal(5149, indoor.Rows.First(r => r.Event.Code == "HEP").Mark.Value);
        Assert.Equal("lukejsd:TREVOR BASSITT|ASHLAND", indoor.Rows[0].AthleteKey);
    }

    [Theory]
    [InlineData("SP", "13.44", "13.44m")]
    [InlineData("HJ", "1.9", "1.9m")]
    [InlineData("HEP", "5149.0", "5149")]
    [InlineData("SP", "13.44m", "13.44m")]
    [InlineData("SP", "44' 1\"", "44' 1\"")]
    [InlineData("HEP", "5149.5", "5149.5")]
    [InlineData("400", "48.36", "48.36")]
    [InlineData("SP", "FOUL", "FOUL")]
    public void Meet_results_number_forms_are_read_and_nothing_else_is_rewritten(string ev, string mark, string expected) =>
        Assert.Equal(expected, MeetResultsCsv.Mark(ev, mark));

    [Fact]
    public void A_record_with_the_wrong_number_of_fields_or_a_bad_value_is_rejected_with_its_line()
    {
        var file = _dir.File("team.csv", "Athlete,Event,Mark,Date\n" +
            "Ann Lee,800 Meters,2:10.50,\"Apr  9, 2022\"\n" +
            "Ann Lee,800 Meters,2:10.50\n" +
            "Ann Lee,Skipping,2:10.50,\"Apr  9, 2022\"\n" +
            "Ann Lee,800 Meters,2:1x.50,\"Apr  9, 2022\"\n" +
            "Ann Lee,800 Meters,2:08.00,\"Apr 31, 2022\"\n" +
            ",800 Meters,2:08.00,\"Apr 30, 2022\"\n");
        var result = new TeamAthletesCsv(file, Gender.Women, "Lee U", "team").Read();

        var row = Assert.Single(result.Rows);
        Assert.Equal(("team:ANN LEE", Gender.Women, 130.5, Season.Outdoor), (row.AthleteKey, row.Gender, row.Mark.Value, row.Season));
        Assert.Equal(
        [
            ("line 3", "the record has 3 fields, the header 4"),
            ("line 4", "'Skipping' is not an event the catalogue knows"),
            ("line 5", "mark '2:1x.50': expected a time such as '10.31', '1:52.34' or '1:04:12.3' (event 800)"),
            ("line 6", "date 'Apr 31, 2022': Apr 31, 2022 is not a calendar date"),
            ("line 7", "the athlete's name is blank"),
        ], result.Rejected.Select(r => (r.Location, r.Reason)));
        Assert.Equal("team.csv: line 3: the record has 3 fields, the header 4 [Ann Lee,800 Meters,2:10.50]", result.Rejected[0].ToString());
    }

    [Fact]
    public void A_header_without_the_adapters_columns_is_an_error_naming_them()
    {
        var file = _dir.File("wrong.csv", "name,event,mark\nA,100,10.5\n");
        var e = Assert.Throws<FormatException>(() => new BigSouthCsv(file).Read());
        Assert.Contains("wrong.csv: line 1: the header lacks the column(s) performance_date, gender, school", e.Message);
    }

    [Fact]
    public void Season_best_lists_read_gzip_with_their_own_season_and_wind()
    {
        var path = Path.Combine(_dir.Path, "lists.csv.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gz))
            writer.Write("""
                year,division,season,gender,event,event_title,list_title,rank,athlete,class_year,team,mark,meet,meet_date,wind,source_file
                2012,D1,outdoor,M,100,"100m (Men)",2012 NCAA,1,"Levins, Cameron",SR-4,Southern Utah,10.05,Meet,"Apr 29, 2012",1.3,f.txt
                2012,D1,outdoor,F,3000SC,"3000m Steeple (Women)",2012 NCAA,1,"Doe, Jane",JR-3,Stanford,9:58.10,Meet,"Mar 3, 2012",,f.txt
                2012,D1,outdoor,F,3000SC,"3000m Steeple (Women)",2012 NCAA,2,"Roe, Ann",JR-3,Stanford,9:59.10,Meet,"Mar 3, 2012",windy,f.txt
                """);
        var result = new SeasonBestListsCsv(path).Read();
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal(("ncaa_lists:LEVINS, CAMERON|SOUTHERN UTAH|M", 1.3, Season.Outdoor, false),
            (result.Rows[0].AthleteKey, result.Rows[0].Wind?.Value, result.Rows[0].Season, result.Rows[0].SeasonInferred));
        Assert.Null(result.Rows[1].Wind);
        Assert.Equal(("line 4", "wind 'windy': expected a wind reading such as '+1.2', '-0.5' or 'NWI'"), (result.Rejected[0].Location, result.Rejected[0].Reason));
    }

    [Fact]
    public void A_scraped_table_is_read_by_athlete_id_and_relay_rows_are_rejected()
    {
        var path = Path.Combine(_dir.Path, "performances.parquet");
        var ev = EventCatalogue.Get("400");
        Performance Row(int n, long? id, string? athlete) => new()
        {
            Source = "tfrrs", File = "https://www.tfrrs.org/athletes/1/X/A.html", SourceKind = "athlete", Line = n, Gender = Gender.Women,
            Event = athlete is null ? EventCatalogue.Get("4x400") : ev, EventTitle = "400", Athlete = athlete, AthleteId = id, Team = "X",
            Mark = Lib.Track.Domain.Mark.Parse(athlete is null ? "3:40.00" : "55.10", Lib.Track.Domain.MarkUnit.Seconds),
            Date = new DateOnly(2024, 2, 10), Season = Season.Indoor,
        };
        PerformanceTable.Write([Row(1, 7, "Ann Lee"), Row(2, null, null), Row(3, null, "Bo Li")], path);

        var result = new ScrapedPerformances(path).Read();
        Assert.Equal(["scraped:7", "scraped:BO LI|X|F"], result.Rows.Select(r => r.AthleteKey));
        Assert.All(result.Rows, r => Assert.Equal((Season.Indoor, false, 55.1), (r.Season, r.SeasonInferred, r.Mark.Value)));
        Assert.Equal(("line 2", "a team (relay) row names no athlete"), (result.Rejected.Single().Location, result.Rejected.Single().Reason));
    }
}
