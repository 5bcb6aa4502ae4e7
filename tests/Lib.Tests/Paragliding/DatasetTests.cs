using Lib.Paragliding.Dataset;
using Lib.Paragliding.Domain;

namespace Lib.Tests.Paragliding;

[Collection("paragliding")]
public sealed class DatasetTests(ParaglidingFixture fixture)
{
    [Fact]
    public void EveryMappedSiteHasEveryCoveredDayAndNoDayOfAHeldOutWeek()
    {
        var set = fixture.Data.Set;
        var days = SeasonDays.Of(fixture.Ingest.Flights);
        Assert.Equal(273, days.Count); // the README: 273 days in the weeks ≢ 0 (mod 4)
        Assert.Equal(89 * 273, set.Samples.Count);
        Assert.DoesNotContain(days, d => WeekSplit.Key(d).Week % 4 == 0);
    }

    [Fact]
    public void LabelsFollowTheLongestListedFlightOfTheSiteThatDay()
    {
        var set = fixture.Data.Set;
        var site = set.Sites[0]; // cfd01 Saint Hilaire sud
        var flights = fixture.Ingest.Flights.Where(f => f.Takeoff == site.Takeoff).ToList();
        foreach (var sample in set.Samples.Where(s => s.SiteId == site.SiteId))
        {
            double best = flights.Where(f => f.Date == sample.Date).Select(f => f.Km).DefaultIfEmpty(0).Max();
            Assert.Equal(best, sample.MaxKm, 4);
            Assert.Equal(DistanceThresholds.Labels(best), sample.Labels);
        }
        Assert.Contains(set.Samples, s => s.SiteId == site.SiteId && s.Labels[^1] == 1f);
    }

    [Fact]
    public void TheSplitKeepsEachWeekOnOneSideByTheDeclaredHashRule()
    {
        var set = fixture.Data.Set;
        var sides = set.Samples.GroupBy(s => WeekSplit.Key(s.Date)).Select(g => g.Select(s => set.WeekSplit.Of(s.Date)).Distinct().Count());
        Assert.All(sides, n => Assert.Equal(1, n));
        var weeks = set.WeekSplit.Weeks;
        // 273 days: 38 whole weeks, and the two partial 35th weeks (Thu 2016-09-01 … and … Wed 2017-08-30) kept apart
        Assert.Equal(40, weeks.Count);
        Assert.Contains((2016, 35), weeks.Keys);
        Assert.Contains((2017, 35), weeks.Keys);
        Assert.Equal(28, weeks.Values.Count(w => w == DaySplit.Train)); // round(0.15 × 40) = 6 each held out
        Assert.Equal(6, weeks.Values.Count(w => w == DaySplit.Val));
        Assert.Equal(6, weeks.Values.Count(w => w == DaySplit.Test));
        // the rule, recomputed here: the weeks by the hex SHA-256 of "lab.paragliding.week-split/1:YYYY-Www"
        string Hash((int Year, int Week) w) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"lab.paragliding.week-split/1:{w.Year}-W{w.Week:00}")));
        var order = weeks.Keys.OrderBy(Hash, StringComparer.Ordinal).ToList();
        Assert.All(order.Take(6), w => Assert.Equal(DaySplit.Test, weeks[w]));
        Assert.All(order.Skip(6).Take(6), w => Assert.Equal(DaySplit.Val, weeks[w]));
        // the test weeks as they fell (printed in ARCHITECTURE.md): labels play no part in the rule
        Assert.Equal([(2016, 43), (2017, 7), (2017, 10), (2017, 19), (2017, 25), (2017, 31)],
            weeks.Where(w => w.Value == DaySplit.Test).Select(w => w.Key).Order());
        // the same weeks whatever the labels: a split of the dates alone is the same split
        var again = WeekSplit.Hashed(set.Samples.Select(s => s.Date));
        Assert.Equal(weeks.OrderBy(w => w.Key), again.Weeks.OrderBy(w => w.Key));
    }

    [Fact]
    public void SiteScalerIsFittedOnTrainingDaysOnly()
    {
        var set = fixture.Data.Set;
        var train = set.Split(DaySplit.Train);
        // scaled site features of the training days have mean 0 per feature (every site has the same training days)
        for (int j = 0; j < SiteFeatures.Names.Count; j++)
            Assert.InRange(train.Average(s => s.Site[j]), -1e-4, 1e-4);
        Assert.Equal(SiteFeatures.Names, set.SiteScaler.Names);
    }

    [Fact]
    public void DateFeaturesKnowWeekendsAndFrenchHolidays()
    {
        Assert.Equal(new DateOnly(2017, 4, 16), DateFeatures.EasterSunday(2017));
        Assert.True(DateFeatures.IsFrenchHoliday(new DateOnly(2017, 5, 25))); // Ascension
        Assert.True(DateFeatures.IsFrenchHoliday(new DateOnly(2017, 7, 14)));
        Assert.False(DateFeatures.IsFrenchHoliday(new DateOnly(2017, 7, 13)));
        var saturday = DateFeatures.Of(new DateOnly(2017, 7, 15));
        Assert.Equal(1f, saturday[2]);
        Assert.Equal(1f, saturday[4 + 5]);
    }

    [Fact]
    public void ShardsHoldEverySampleOnceAndReadBackExactly()
    {
        var data = fixture.Data;
        foreach (var split in Enum.GetValues<DaySplit>())
        {
            var expected = data.Set.Split(split);
            var read = data.Shards[split].SelectMany(ShardedLoader.ReadShard).ToList();
            Assert.Equal(expected.Count, read.Count);
            Assert.Equal(expected[0].Key, read[0].Key);
            Assert.Equal(expected[^1].Labels, read[^1].Labels);
            Assert.Equal(expected[^1].Site, read[^1].Site);
            Assert.Equal(expected[^1].DateFeatures, read[^1].DateFeatures);
        }
    }

    [Fact]
    public void TheLoaderCountsBatchesShufflesBySeedAndEpochAndPrefetchesTheSame()
    {
        var shards = fixture.Data.Shards[DaySplit.Val];
        var plain = new ShardedLoader(shards, 500, shuffle: true, seed: 4, shuffleBuffer: 300);
        var fetched = new ShardedLoader(shards, 500, shuffle: true, seed: 4, shuffleBuffer: 300, prefetch: 3);
        int samples = fixture.Data.Set.Split(DaySplit.Val).Count;
        Assert.Equal((samples + 499) / 500, plain.Count);
        var a = plain.Batches().ToList();
        var b = fetched.Batches().ToList();
        Assert.Equal(plain.Count, a.Count);
        Assert.Equal(samples, a.Sum(x => x.Size));
        Assert.Equal(a.Select(x => x.Value.Site.ToArray()), b.Select(x => x.Value.Site.ToArray()));
        var secondEpoch = plain.Batches().First().Value.Site.ToArray();
        Assert.NotEqual(a[0].Value.Site.ToArray(), secondEpoch);
    }

    [Fact]
    public void ACorruptRecordIsAnErrorNamingTheShardAndRecord()
    {
        using var dir = new TempDir();
        var sample = fixture.Data.Set.Samples[0];
        var bytes = SampleRecord.Encode(sample);
        var e = Assert.Throws<InvalidDataException>(() => SampleRecord.Decode(bytes.AsSpan(0, bytes.Length - 4), "s.tar", sample.Key + ".sample"));
        Assert.Contains("s.tar: record 'cfd01_", e.Message, StringComparison.Ordinal);
        var shard = dir.File("bad.tar", "not a tar file at all, just text that is long enough to be read as a header? no");
        Assert.Throws<InvalidDataException>(() => ShardedLoader.ReadShard(shard).ToList());
    }

    [Fact]
    public void TheIoSweepTimesEveryCombination()
    {
        var rows = IoSweep.Run(fixture.Data.Shards[DaySplit.Val], [256, 1024], [0, 2]);
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.True(r.SamplesPerSecond > 0));
        Assert.Equal(5, IoSweep.ToDataFrame(rows).Columns.Count);
    }
}
