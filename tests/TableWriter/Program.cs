using System.Globalization;
using Lib.Storage;

// Usage: TableWriter <path.parquet|path.csv> <rows>
// Writes <rows> MarkRow records (every marker "B<round>") over <path> with RecordTable.Write, round after round,
// printing "round N" before each write, until it is killed. The killed-write test kills it in the middle of one.
if (args.Length != 2 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out int rows))
{
    Console.Error.WriteLine("usage: TableWriter <path.parquet|path.csv> <rows>");
    return 2;
}
for (int round = 1; ; round++)
{
    var marker = $"B{round}";
    var table = Enumerable.Range(0, rows).Select(i => new MarkRow(marker, i, i * 0.5, $"athlete {i % 5000} of round {round}"));
    Console.WriteLine($"round {round}");
    Console.Out.Flush();
    RecordTable.Write(table, args[0]);
}

/// <summary>The row the test and this program share (same columns as the test's record).</summary>
internal sealed record MarkRow(string Marker, int Id, double Value, string Athlete);
