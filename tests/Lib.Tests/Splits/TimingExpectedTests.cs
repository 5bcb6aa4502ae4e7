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
