using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lib.Storage.DuckDb;

namespace Benchmarks;

/// <summary>
/// DuckDB through DuckDB.NET on a million synthetic marks (id BIGINT, athlete VARCHAR, event VARCHAR, value DOUBLE,
/// date DATE): appender inserts (DuckDB.NET's appender row by row, <c>ColumnAppender</c> columnar), Parquet write, Parquet read into .NET arrays, and a GROUP BY.
/// </summary>
internal sealed class DuckDbBenchmark : IBenchmark
{
    public string Name => "duckdb";

    public string Description => "DuckDB (DuckDB.NET): appender, Parquet write/read into arrays, GROUP BY [--rows N] [--repeat R] [--threads T]";

    private static readonly string[] Events = ["100m", "200m", "400m", "800m", "1500m", "5000m", "10000m", "110mH", "400mH", "3000mSC", "LJ", "HJ"];

    public int Run(IReadOnlyList<string> args, bool json, TextWriter output)
    {
        int rows = 1_000_000, repeat = 3;
        int? threads = null;
        for (int i = 0; i < args.Count; i++)
        {
            string? Next() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--rows" when int.TryParse(Next(), out var n) && n > 0: rows = n; break;
                case "--repeat" when int.TryParse(Next(), out var n) && n > 0: repeat = n; break;
                case "--threads" when int.TryParse(Next(), out var n) && n > 0: threads = n; break;
                default:
                    Console.Error.WriteLine($"duckdb: unknown or incomplete option '{args[i]}'. Options: --rows N, --repeat R, --threads T.");
                    return 2;
            }
        }

        var data = Marks.Generate(rows, seed: 42);
        var folder = Directory.CreateTempSubdirectory("lab-bench-duckdb-").FullName;
        var parquet = Path.Combine(folder, "marks.parquet");
        var results = new List<Measurement>();
        try
        {
            using var c = DuckDb.OpenInMemory(threads);
            int duckThreads = DuckDb.Threads(c);
            const string create = "CREATE OR REPLACE TABLE marks (id BIGINT, athlete VARCHAR, event VARCHAR, value DOUBLE, date DATE)";

            results.Add(Measure("append_rows", rows, repeat, before: () => c.Execute(create), () =>
            {
                using var appender = c.CreateAppender("marks");
                for (int i = 0; i < rows; i++)
                    appender.CreateRow().AppendValue(data.Id[i]).AppendValue(data.Athlete[i]).AppendValue(data.Event[i])
                        .AppendValue(data.Value[i]).AppendValue(data.Date[i]).EndRow();
            }));
            results.Add(Measure("append_columns", rows, repeat, before: () => c.Execute(create), () =>
            {
                c.AppendColumns("marks", data.Id, data.Athlete, data.Event, data.Value, data.Date);
            }));
            Check(c.ExecuteScalar<long>("SELECT count(*) FROM marks") == rows, "the table holds every appended row");

            results.Add(Measure("parquet_write", rows, repeat, before: null, () => c.CopyToParquet("SELECT * FROM marks", parquet)));
            long checksum = 0;
            results.Add(Measure("parquet_read_arrays", rows, repeat, before: null, () =>
            {
                var r = c.Query("SELECT id, athlete, event, value, date FROM read_parquet(?)", parquet);
                var ids = r.GetColumn<long>("id");
                var athletes = r.GetColumn<string>("athlete");
                var events = r.GetColumn<string>("event");
                var values = r.GetColumn<double>("value");
                var dates = r.GetColumn<DateOnly>("date");
                checksum = ids.Length + athletes.Length + events.Length + values.Length + dates.Length;
            }));
            Check(checksum == 5L * rows, "the Parquet file reads back every row");
            results.Add(Measure("group_by_event", rows, repeat, before: null, () =>
            {
                var r = c.Query("SELECT event, count(*) AS n, avg(value) AS mean, min(value) AS best FROM marks GROUP BY event ORDER BY event");
                Check(r.RowCount == Events.Length && r.GetColumn<long>("n").Sum() == rows, "GROUP BY covers every row");
            }));

            Report(results, json, output, rows, duckThreads, new FileInfo(parquet).Length);
            return 0;
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static Measurement Measure(string op, int rows, int repeat, Action? before, Action run)
    {
        var times = new List<double>();
        for (int i = 0; i < repeat; i++)
        {
            before?.Invoke();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var watch = Stopwatch.StartNew();
            run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return new Measurement(op, rows, repeat, times[times.Count / 2], times[0]);
    }

    private static void Report(List<Measurement> results, bool json, TextWriter output, int rows, int threads, long parquetBytes)
    {
        string version = DuckDb.LibraryVersion;
        if (json)
        {
            foreach (var m in results)
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    benchmark = "duckdb", op = m.Op, rows = m.Rows, repeats = m.Repeats,
                    ms_median = Math.Round(m.MedianMs, 3), ms_best = Math.Round(m.BestMs, 3),
                    rows_per_s = Math.Round(m.Rows / (m.MedianMs / 1000)), duckdb = version, duckdb_threads = threads,
                    parquet_bytes = m.Op.StartsWith("parquet", StringComparison.Ordinal) ? parquetBytes : (long?)null,
                }));
            return;
        }
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"DuckDB {version}, {threads} threads, {rows:N0} rows (id BIGINT, athlete VARCHAR, event VARCHAR, value DOUBLE, date DATE); Parquet {parquetBytes / 1048576.0:F1} MiB"));
        output.WriteLine($"{"operation",-22}{"median ms",12}{"best ms",12}{"rows/s (median)",18}");
        foreach (var m in results)
            output.WriteLine(string.Create(inv, $"{m.Op,-22}{m.MedianMs,12:F1}{m.BestMs,12:F1}{m.Rows / (m.MedianMs / 1000),18:N0}"));
    }

    private static void Check(bool condition, string what)
    {
        if (!condition) throw new InvalidOperationException($"Benchmark sanity check failed: {what}.");
    }

    private sealed record Measurement(string Op, int Rows, int Repeats, double MedianMs, double BestMs);

    /// <summary>Synthetic marks from a seeded generator: 5,000 athletes, 12 events, ten years of dates.</summary>
    private sealed record Marks(long[] Id, string[] Athlete, string[] Event, double[] Value, DateOnly[] Date)
    {
        internal static Marks Generate(int rows, int seed)
        {
            var random = new Random(seed);
            var athletes = Enumerable.Range(0, 5000).Select(i => $"Athlete {i:D4} of the benchmark club").ToArray();
            var marks = new Marks(new long[rows], new string[rows], new string[rows], new double[rows], new DateOnly[rows]);
            var start = new DateOnly(2015, 1, 1);
            for (int i = 0; i < rows; i++)
            {
                marks.Id[i] = i;
                marks.Athlete[i] = athletes[random.Next(athletes.Length)];
                marks.Event[i] = Events[random.Next(Events.Length)];
                marks.Value[i] = 10 + random.NextDouble() * 600;
                marks.Date[i] = start.AddDays(random.Next(3653));
            }
            return marks;
        }
    }
}
