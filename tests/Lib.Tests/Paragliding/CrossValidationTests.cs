using Lib.Paragliding.Dataset;
using Lib.Paragliding.Evaluate;
using Lib.Paragliding.Train;

namespace Lib.Tests.Paragliding;

[Collection("paragliding")]
public sealed class CrossValidationTests(ParaglidingFixture fixture)
{
    /// <summary>The declared rule on the season's 40 weeks with k = 7: contiguous runs of the salted-hash order of
    /// sizes 6, 6, 6, 6, 6, 5, 5 (fold 0 is the single split's test weeks), every week held out exactly once, and the
    /// validation weeks the first round(0.15 × rest) of the other weeks in hash order.</summary>
    [Fact]
    public void FoldsCutTheHashOrderIntoContiguousRuns()
    {
        var days = fixture.Data.Set.Samples.Select(s => s.Date).Distinct().ToList();
        var order = days.Select(WeekSplit.Key).Distinct().OrderBy(WeekSplit.Rank, StringComparer.Ordinal).ToList();
        Assert.Equal(40, order.Count);
        var folds = WeekSplit.Folds(days, 7);
        Assert.Equal([6, 6, 6, 6, 6, 5, 5], folds.Select(f => f.WeeksOf(DaySplit.Test).Count));
        int start = 0;
        foreach (var fold in folds)
        {
            int size = fold.WeeksOf(DaySplit.Test).Count;
            Assert.Equal(order.Skip(start).Take(size).Order(), fold.WeeksOf(DaySplit.Test).Order());
            var rest = order.Take(start).Concat(order.Skip(start + size)).ToList();
            int val = (int)Math.Round(rest.Count * 0.15, MidpointRounding.AwayFromZero);
            Assert.Equal(5, val);
            Assert.Equal(rest.Take(val).Order(), fold.WeeksOf(DaySplit.Val).Order());
            Assert.Equal(rest.Skip(val).Order(), fold.WeeksOf(DaySplit.Train).Order());
            start += size;
        }
        Assert.Equal(order.Order(), folds.SelectMany(f => f.WeeksOf(DaySplit.Test)).Order());
        var single = fixture.Data.Set.WeekSplit;
        Assert.Equal(single.WeeksOf(DaySplit.Test).Order(), folds[0].WeeksOf(DaySplit.Test).Order());
        Assert.Throws<ArgumentOutOfRangeException>(() => WeekSplit.Folds(days, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => WeekSplit.Folds(days, 41));
    }

    /// <summary>Two folds and one epoch on the bundled data: every site-day is predicted exactly once by the fold
    /// that held its week out, the climatology rows are those of the fold's training weeks, and the pooled table is
    /// the evaluation table of the pooled rows.</summary>
    [Fact]
    public void EverySiteDayIsPredictedOnceByAModelThatNeverSawItsWeek()
    {
        using var dir = new TempDir();
        var tiny = new ParaglidingTrainOptions
        {
            Epochs = 1,
            Patience = 1,
            Seed = 3,
        };
        var cv = ParaglidingCrossValidation.Run(fixture.Ingest, null, 2, tiny, dir.Path);
        var set = fixture.Data.Set;
        var pooled = cv.Pooled;
        Assert.Equal(2, cv.PerFold.Count);
        Assert.Equal(set.Samples.Count, pooled.Test.Count);
        Assert.Equal(set.Samples.Select(s => s.Key).Order(), pooled.Test.Select(s => s.Key).Order());
        var folds = WeekSplit.Folds(set.Samples.Select(s => s.Date), 2);
        for (int i = 0; i < pooled.Test.Count; i++)
            Assert.Equal(DaySplit.Test, folds[cv.FoldOf[i]].Of(pooled.Test[i].Date));
        Assert.Equal(pooled.Test.Count, cv.PerFold.Sum(f => f.TestSiteDays));
        // the per-site × month climatology of each fold is fitted on that fold's training weeks (labels do not
        // depend on the split, so the set's own samples stand in for the fold's)
        for (int f = 0; f < 2; f++)
        {
            var train = set.Samples.Where(s => folds[f].Of(s.Date) == DaySplit.Train).ToList();
            var rows = Enumerable.Range(0, pooled.Test.Count).Where(i => cv.FoldOf[i] == f).ToList();
            var expected = ClimatologyBaseline.PerSiteMonth(train).Predict([.. rows.Select(i => pooled.Test[i])]);
            for (int j = 0; j < rows.Count; j++)
                Assert.Equal(expected[j], pooled.SiteMonthClimatology[rows[j]]);
        }
        Assert.Equal(ParaglidingCrossValidation.PooledSubset, pooled.Metrics[0].Subset);
        var again = ParaglidingEvaluation.Score(
            pooled.Test,
            pooled.Raw,
            pooled.Calibrated,
            pooled.SiteClimatology,
            pooled.SiteMonthClimatology,
            fixture.Ingest.ClimatologyBySite,
            ParaglidingCrossValidation.PooledSubset
        );
        Assert.Equal(again.Metrics, pooled.Metrics);
        Assert.All(pooled.Calibrated, p => Assert.All(p, v => Assert.InRange(v, 0, 1)));
        Assert.Equal(0, pooled.Violations(ParaglidingEvaluation.CalibratedName));
        Assert.True(cv.Spread(f => f.MeanBrierCalibrated) >= 0);
        var files = cv.Write(Path.Combine(dir.Path, "out"));
        Assert.All(files, f => Assert.True(File.Exists(f)));
        Assert.Equal(3, File.ReadAllLines(files.Single(f => f.EndsWith("folds.csv", StringComparison.Ordinal))).Length);
    }
}
