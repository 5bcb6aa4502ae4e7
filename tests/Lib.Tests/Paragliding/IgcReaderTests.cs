using Lib.Paragliding.Ingest;
using Lib.Storage;

namespace Lib.Tests.Paragliding;

/// <summary>The IGC reader and summaries against the reference summaries of every shared log, and the format's edge
/// cases on small hand-written logs.</summary>
public class IgcReaderTests
{
    public static TheoryData<string> ExpectedFiles() =>
        [.. CsvFile.ReadTable(Path.Combine(ParaglidingPaths.Fixtures, "igc_expected.csv"), "file").Select(r => r["file"])];

    [Theory]
    [MemberData(nameof(ExpectedFiles))]
    public void Every_shared_log_gives_its_expected_summary(string file)
    {
        var expected = CsvFile.ReadTable(Path.Combine(ParaglidingPaths.Fixtures, "igc_expected.csv"), "file").Single(r => r["file"] == file);
        var summary = FlightSummaries.Summarise(IgcReader.Read(Path.Combine(ParaglidingPaths.Igc, file)));
        var fields = FlightSummaries.Fields(summary);
        for (int i = 0; i < 8; i++)
            Assert.Equal(expected[FlightSummaries.Columns[i]], fields[i]);
    }

    private const string Header = "AXXX001\r\nHFDTE150821\r\nI023638FXA3940SIU\r\n";

    [Fact]
    public void Reads_fields_extensions_signs_and_the_validity_flag()
    {
        var log = IgcReader.Parse(Header + "B1200004612584S01249706WA-001201046123\r\nB1200014612584N01249706EV0098701045\r\n", "t.igc");
        Assert.Equal(2, log.Fixes.Count);
        var f = log.Fixes[0];
        Assert.Equal(new DateTime(2021, 8, 15, 12, 0, 0, DateTimeKind.Utc), f.TimeUtc);
        Assert.Equal(-(46 + 12.584 / 60), f.Lat, 12);
        Assert.Equal(-(12 + 49.706 / 60), f.Lon, 12);
        Assert.Equal(-12, f.PressureAltM);
        Assert.Equal(1046, f.GnssAltM);
        Assert.Equal("123", f.Extensions["FXA"]);
        Assert.False(f.Extensions.ContainsKey("SIU")); // the record is shorter than bytes 39–40
        Assert.False(log.Fixes[1].Valid);
        Assert.Single(log.ValidFixes);
    }

    [Theory]
    [InlineData("HFDTE010203", 2003, 2, 1)]
    [InlineData("HFDTEDATE:010203,01", 2003, 2, 1)]
    [InlineData("HFDTE:311299", 1999, 12, 31)]
    public void Reads_both_date_forms(string record, int year, int month, int day)
    {
        var log = IgcReader.Parse($"AXXX\n{record}\nB2359594612584N01249706EA0098801046\n", "d.igc");
        Assert.Equal(new DateOnly(year, month, day), log.Date);
    }

    [Fact]
    public void Adds_a_day_at_midnight_and_reads_sixty_minutes_as_the_next_degree()
    {
        var log = IgcReader.Parse("HFDTE311221\nB2359594660000N01249706EA0098801046\nB0000014612584N01249706EA0098801046\n", "m.igc");
        Assert.Equal(new DateTime(2021, 12, 31, 23, 59, 59, DateTimeKind.Utc), log.Fixes[0].TimeUtc);
        Assert.Equal(new DateTime(2022, 1, 1, 0, 0, 1, DateTimeKind.Utc), log.Fixes[1].TimeUtc);
        Assert.Equal(47.0, log.Fixes[0].Lat, 12);
    }

    [Theory]
    [InlineData("B1200004612584N01249706EA009880104", "at least 35 characters")]
    [InlineData("B1260004612584N01249706EA0098801046", "time 126000 is out of range")]
    [InlineData("B1200004612584X01249706EA0098801046", "latitude")]
    [InlineData("B1200009112584N01249706EA0098801046", "latitude 9112584N is out of range")]
    [InlineData("B1200004612584N01249706EX0098801046", "validity flag")]
    [InlineData("B1200004612584N01249706EA00x8801046", "pressure altitude")]
    public void A_corrupt_record_is_named_by_file_and_line(string record, string reason)
    {
        var text = $"HFDTE150821\nB1159594612584N01249706EA0098801046\n{record}\n";
        var log = IgcReader.Parse(text, "bad.igc");
        var rejected = Assert.Single(log.Rejected);
        Assert.Equal("bad.igc", rejected.Source);
        Assert.Equal("line 3", rejected.Location);
        Assert.Contains(reason, rejected.Reason);
        Assert.Single(log.Fixes);
        var e = Assert.Throws<InvalidDataException>(() => IgcReader.Parse(text, "bad.igc", strict: true));
        Assert.StartsWith("bad.igc: line 3: ", e.Message);
    }

    [Fact]
    public void A_log_without_a_date_is_an_error_naming_the_file()
    {
        var e = Assert.Throws<InvalidDataException>(() => IgcReader.Parse("AXXX\nB1200004612584N01249706EA0098801046\n", "nodate.igc"));
        Assert.Contains("nodate.igc", e.Message);
        Assert.Contains("HFDTE", e.Message);
    }

    [Fact]
    public void Finds_the_landing_in_the_middle_of_a_log_and_one_flight_elsewhere()
    {
        var middle = FlightSummaries.Summarise(IgcReader.Read(Path.Combine(ParaglidingPaths.Igc, "igc_lib_flight_with_middle_landing.igc")));
        Assert.Equal(2, middle.Flights.Count);
        Assert.True(middle.Flights[0].LandingUtc < middle.Flights[1].TakeoffUtc);
        var kmc = FlightSummaries.Summarise(IgcReader.Read(Path.Combine(ParaglidingPaths.Igc, "kmc_250712_KMc_01.igc")));
        Assert.Single(kmc.Flights);
    }
}
