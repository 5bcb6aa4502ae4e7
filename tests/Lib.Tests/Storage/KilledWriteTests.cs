using System.Diagnostics;
using Lib.Storage;

namespace Lib.Tests.Storage;

/// <summary>
/// A real child process (tests/TableWriter) rewrites a table with <see cref="RecordTable.Write{T}"/> until it is killed
/// in the middle of a write; the file it was replacing must still read back whole.
/// </summary>
public class KilledWriteTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    public sealed record MarkRow(string Marker, int Id, double Value, string Athlete);

    [Fact]
    public void A_write_killed_half_way_leaves_the_previous_file_readable()
    {
        var path = _dir.File("cache/marks.parquet");
        var previous = Enumerable.Range(0, 1000).Select(i => new MarkRow("A", i, i * 0.5, $"athlete {i}")).ToList();
        RecordTable.Write(previous, path);

        using var child = StartWriter(path, rows: 3_000_000);
        var folder = Path.GetDirectoryName(path)!;
        bool killedMidWrite = false;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60) && !child.HasExited)
        {
            // DuckDB's COPY is writing its temporary file: kill the process now, in the middle of that write.
            if (Directory.GetFiles(folder, ".marks.parquet.*.tmp").Any(f => new FileInfo(f).Length > 0))
            {
                child.Kill(entireProcessTree: true);
                killedMidWrite = true;
                break;
            }
            Thread.Sleep(5);
        }
        child.WaitForExit();
        Assert.True(killedMidWrite, $"the writer was never caught writing (exit {(child.HasExited ? child.ExitCode : -1)}): " +
                                    child.StandardError.ReadToEnd());

        var read = RecordTable.Read<MarkRow>(path);
        var marker = read[0].Marker;
        Assert.All(read, r => Assert.Equal(marker, r.Marker));
        if (marker == "A") Assert.Equal(previous, read); // the usual case: killed during its first write
        else Assert.Equal(Enumerable.Range(0, 3_000_000), read.Select(r => r.Id)); // a whole earlier round
        Assert.NotEmpty(Directory.GetFiles(folder, ".marks.parquet.*.tmp"));

        // The next write removes what the killed process left behind.
        RecordTable.Write(previous, path);
        Assert.Empty(Directory.GetFiles(folder, ".marks.parquet.*.tmp"));
    }

    private static Process StartWriter(string path, int rows)
    {
        var bin = AppContext.BaseDirectory; // tests/Lib.Tests/bin/<Configuration>/net10.0/
        var configuration = new DirectoryInfo(bin).Parent!.Name;
        var tests = Path.GetFullPath(Path.Combine(bin, "..", "..", "..", ".."));
        var dll = Path.Combine(tests, "TableWriter", "bin", configuration, "net10.0", "TableWriter.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: the tests build tests/TableWriter (a project reference).");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, path, rows.ToString(System.Globalization.CultureInfo.InvariantCulture) }) start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }
}
