using System.IO.Compression;
using Lib.Storage;

namespace Lib.Tests.Storage;

public class CsvFileTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Records_keep_the_line_they_start_on_and_their_text()
    {
        var path = _dir.File("a.csv", "name , note\r\nSmith,\"two\nlines, \"\"quoted\"\"\"\n\nJones,plain\n");
        var (header, records) = CsvFile.Open(path);
        Assert.Equal(["name", "note"], header);
        var list = records.ToList();
        Assert.Equal([2, 5], list.Select(r => r.Line));
        Assert.Equal(["Smith", "two\nlines, \"quoted\""], list[0].Fields);
        Assert.Equal("Smith,\"two\nlines, \"\"quoted\"\"\"", list[0].Text);
        Assert.Equal(["Jones", "plain"], list[1].Fields);
    }

    [Fact]
    public void Gzip_files_are_read_too()
    {
        var path = _dir.File("a.csv.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
            gz.Write("x,y\n1,2\n"u8);
        var (header, records) = CsvFile.Open(path);
        Assert.Equal(["x", "y"], header);
        Assert.Equal(["1", "2"], records.Single().Fields);
    }

    [Fact]
    public void A_quote_left_open_names_the_file_and_the_line_it_starts_on()
    {
        var path = _dir.File("open.csv", "x,y\n1,2\n3,\"never closed\n4,5\n");
        var e = Assert.Throws<FormatException>(() => CsvFile.Open(path).Records.ToList());
        Assert.Equal($"{path}: line 3: a quoted field is not closed before the end of the file.", e.Message);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_a_character_not_an_open_quote()
    {
        var path = _dir.File("heights.csv", "name,height\nBo,5'10\"\nAl,\"6'1\"\"\"\n");
        var records = CsvFile.Open(path).Records.ToList();
        Assert.Equal(["Bo", "5'10\""], records[0].Fields);
        Assert.Equal(["Al", "6'1\""], records[1].Fields);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        var path = _dir.File("empty.csv", "");
        Assert.Contains("the file is empty", Assert.Throws<FormatException>(() => CsvFile.Open(path)).Message);
    }

    [Fact]
    public void Written_fields_are_quoted_only_when_needed_and_read_back()
    {
        var path = _dir.File("w.csv");
        CsvFile.Write(path, ["a", "b"], [["plain", "with, comma"], ["\"q\"", "two\nlines"], [null, "Zoë"]]);
        Assert.Equal("a,b\nplain,\"with, comma\"\n\"\"\"q\"\"\",\"two\nlines\"\n,Zoë\n", File.ReadAllText(path));
        Assert.Equal(
            [["plain", "with, comma"], ["\"q\"", "two\nlines"], ["", "Zoë"]],
            CsvFile.Open(path).Records.Select(r => r.Fields.ToArray()));
    }
}
