using Lib.Paragliding.Domain;
using Lib.Paragliding.Ingest;

namespace Lib.Tests.Paragliding;

[Collection("paragliding")]
public sealed class IngestTests(ParaglidingFixture fixture)
{
    [Fact]
    public void TheCfdFileGivesEveryDatedFlightAndRejectsTheUndatedOne()
    {
        var ingest = fixture.Ingest;
        Assert.Equal(11_543, ingest.Flights.Count);
        var undated = Assert.Single(ingest.Rejected, r => r.Reason.StartsWith("no date", StringComparison.Ordinal));
        Assert.Equal("cfd_flights_2016_2017.csv", undated.Source);
        Assert.StartsWith("2404,", undated.Text, StringComparison.Ordinal); // source row 2404, Douelle, 18.9 km
        Assert.All(ingest.Flights, f => Assert.True(f.Km > 12));
        Assert.Equal(new DateOnly(2016, 9, 1), ingest.Flights.Min(f => f.Date));
    }

    [Fact]
    public void TheTakeoffMappingHas93SitesOf89WithCoordinatesAnd7048Flights()
    {
        var ingest = fixture.Ingest;
        Assert.Equal(93, ingest.Sites.Count);
        Assert.Equal(89, ingest.MappedSites.Count);
        Assert.Equal(4, ingest.Sites.Count(s => s.Match == "none"));
        Assert.All(ingest.Sites.Where(s => s.Match == "none"), s => Assert.False(s.HasCoordinates));
        // the README: 7,048 of the 93 takeoffs' flights are in this file; 89 mapped ones hold nearly all of them
        var all = ingest.Sites.ToDictionary(s => s.Takeoff, StringComparer.Ordinal);
        Assert.Equal(7_048, ingest.Flights.Count(f => all.ContainsKey(f.Takeoff)));
        Assert.Equal(
            ingest.Flights.Count(f => all.TryGetValue(f.Takeoff, out var s) && s.HasCoordinates),
            ingest.FlightsBySite().Sum(g => g.Count())
        );
        var first = ingest.Sites[0];
        Assert.Equal(("cfd01", "Saint Hilaire sud", "pge:6176"), (first.SiteId, first.Takeoff, first.PgeRef));
        Assert.Equal(45.3069, first.Latitude!.Value, 4);
    }

    [Fact]
    public void EveryMappedSiteFindsItsLaunchWithWindSectors()
    {
        var ingest = fixture.Ingest;
        Assert.Equal(89, ingest.LaunchBySite.Count);
        Assert.DoesNotContain(ingest.Rejected, r => r.Location.StartsWith("site ", StringComparison.Ordinal));
        Assert.All(ingest.LaunchBySite.Values, l => Assert.Equal(8, l.Wind.Count));
        Assert.Contains(ingest.LaunchBySite.Values, l => l.Wind.Any(w => w == 2));
    }

    [Fact]
    public void GlideatorClimatologyReadsItsSitesAndMonths()
    {
        var sites = fixture.Ingest.Climatology;
        Assert.Equal(248, sites.Count);
        Assert.All(sites, s => Assert.Equal(12, s.DaysOver.Count));
        var first = sites[0];
        Assert.Equal((1, "Raná"), (first.Id, first.Name));
        Assert.Equal(8.8, first.DaysOver[0][0]); // January, over 0 km
        Assert.Equal(0.2 / 31, first.DailyRate(1, 20), 12);
    }

    [Fact]
    public void BadRowsAreRejectedOrNamedByLine()
    {
        using var dir = new TempDir();
        var flights = dir.File(
            "f.csv",
            "source_row,date,km,points,departement,flight_type,takeoff,wing_class\n"
                + "1,2017-04-10,22.7,22.7,49,Dist 2 pts,A,D\n"
                + "2,10/04/2017,22.7,22.7,49,Dist 2 pts,A,D\n"
                + "3,2017-04-10,-3,22.7,49,Dist 2 pts,A,D\n"
                + "4,2017-04-10,30,30,49,Dist 2 pts,,D\n"
        );
        var read = CfdFlightReader.Read(flights);
        Assert.Single(read.Rows);
        Assert.Equal(["line 3", "line 4", "line 5"], read.Rejected.Select(r => r.Location));
        Assert.Contains("YYYY-MM-DD", read.Rejected[0].Reason, StringComparison.Ordinal);

        var sites = dir.File(
            "s.csv",
            "site_id,takeoff,departement,match,pge_id,pge_name,lat,lon,altitude_m,pge_departement,note\n"
                + "cfd01,A,38,exact,pge:1,A,45.1,5.9,900,38,\n"
                + "cfd02,B,38,exact,pge:2,B,145.1,5.9,900,38,\n"
        );
        var e = Assert.Throws<InvalidDataException>(() => TakeoffSiteReader.Read(sites));
        Assert.Contains("line 3: lat '145.1'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThresholdLabelsAreStrictlyGreaterThan()
    {
        Assert.Equal([1f, 1f, 0f, 0f, 0f, 0f, 0f, 0f, 0f], DistanceThresholds.Labels(40));
        Assert.Equal(new float[9], DistanceThresholds.Labels(0));
        Assert.Equal("p_100", DistanceThresholds.Column(8));
    }
}
