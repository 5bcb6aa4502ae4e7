using Lib.Splits.Ingest;

namespace Lib.Tests.Splits;

/// <summary>Every bundled timing CSV and PDF normalises to exactly its rows of <c>timing_expected.csv</c>.</summary>
public class TimingExpectedTests
{
    private static readonly Lazy<ILookup<string, string>> Expected = new(() =>
        TimingCsv
            .ReadFields(SplitsFixture.TimingExpected)
            .ToLookup(f => f[0], f => string.Join(",", f.Select(TimingCsv.Quote)))
    );

    public static TheoryData<string> Files() => [.. TimingSources.FilesIn(SplitsFixture.Timing).Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_file_normalises_to_its_expected_rows(string file)
    {
        var result = TimingSources.ReadFile(Path.Combine(SplitsFixture.Timing, file));
        Assert.Empty(result.Rejected);
        var actual = result.Rows.Select(r => r.ToString()).ToList();
        var expected = Expected.Value["timing/" + file].ToList();
        Assert.NotEmpty(expected);
        var firstDiff = Enumerable.Range(0, Math.Min(actual.Count, expected.Count)).FirstOrDefault(i => actual[i] != expected[i], -1);
        Assert.True(
            firstDiff < 0 && actual.Count == expected.Count,
            $"{file}: {actual.Count} rows, expected {expected.Count}; "
                + (firstDiff >= 0 ? $"row {firstDiff}:\n  got      {actual[firstDiff]}\n  expected {expected[firstDiff]}" : "")
                + $"\n  differing rows: {actual.Zip(expected).Count(p => p.First != p.Second)}"
        );
    }
}

/// <summary>The 2025 ChronoRace layouts (five runs, no speed or NAT column, a wrapped run time), read by the same rules.</summary>
public class Timing2025LayoutTests
{
    private static string Fixture(string name) =>
        Path.Combine(RepoPaths.Root, "tests", "fixtures", "splits", "timing2025", name);

    [Fact]
    public void Timed_training_with_five_runs_nation_suffixes_and_a_wrapped_time()
    {
        var result = TimingSources.ReadFile(Fixture("vdso_2025_dhi_me_results_tt.pdf"));
        Assert.Empty(result.Rejected);
        var dunne = result.Rows.Where(r => r.Rider == "DUNNE Ronan").Select(r => r.ToString()).ToList();
        const string Prefix = "timing2025/vdso_2025_dhi_me_results_tt.pdf,val_di_sole_2025,men_elite,tt,";
        Assert.Equal(
            [
                Prefix + "1,9,DUNNE Ronan,,IRL,OK,141.892,203.109,271.782,309.631,353.243",
                Prefix + "2,9,DUNNE Ronan,,IRL,DNF,45.145,149.396,195.686,,",
                Prefix + "3,9,DUNNE Ronan,,IRL,OK,46.066,293.931,341.383,388.716,443.402",
                Prefix + "4,9,DUNNE Ronan,,IRL,OK,120.502,179.481,250.719,312.170,352.273",
                Prefix + "5,9,DUNNE Ronan,,IRL,OK,43.776,102.494,147.864,185.249,226.043", // "3:46." / "043"
            ],
            dunne
        );
        var pierron = result.Rows.First(r => r.Rider == "PIERRON Amaury" && r.Run == 5);
        Assert.Equal((TimingStatus.DNS, "FRA", 5), (pierron.Status, pierron.Nation, pierron.Rank));
        Assert.All(result.Rows, r => Assert.DoesNotContain("(", r.Rider));
        Assert.Equal(0, result.Rows.Count % 5);
    }

    [Fact]
    public void A_2025_qualifying_round_reads_finishers_then_the_unranked()
    {
        var result = TimingSources.ReadFile(Fixture("vdso_2025_dhi_me_results_q1.pdf"));
        Assert.Empty(result.Rejected);
        Assert.All(result.Rows, r => Assert.Equal(("val_di_sole_2025", "q1"), (r.Race, r.Round)));
        var dunne = Assert.Single(result.Rows, r => r.Rider == "DUNNE Ronan");
        Assert.EndsWith(",q1,,14,DUNNE Ronan,10017006104,IRL,OK,43.947,102.853,148.602,181.872,225.937", dunne.ToString());
        Assert.Equal([87, 5, 6], new[] { TimingStatus.OK, TimingStatus.DNF, TimingStatus.DNS }.Select(s => result.Rows.Count(r => r.Status == s)));
        var firstUnranked = result.Rows.TakeWhile(r => r.Rank is not null).Count();
        Assert.True(result.Rows.Skip(firstUnranked).All(r => r.Rank is null && r.Status != TimingStatus.OK));
    }
}
