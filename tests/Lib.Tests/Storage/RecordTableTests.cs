using Lib.Storage;
using Lib.Storage.DuckDb;

namespace Lib.Tests.Storage;

public class RecordTableTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    public enum Surface { Track, Road, Grass }

    public sealed record Mark(
        string Athlete, string? Team, int Place, long? AthleteId, double Value, double? Wind, bool Legal,
        DateOnly Date, DateOnly? Until, DateTime Stamp, Surface Surface);

    private static readonly Mark[] Marks =
    [
        new("Smith, \"Speedy\" John", "Moravian, PA", 1, 7983217, 10.31, 1.2, true,
            new DateOnly(2024, 5, 18), null, new DateTime(2024, 5, 18, 14, 3, 7), Surface.Track),
        new("Zoë Ångström-Núñez", null, 2, null, 10.5, null, false,
            new DateOnly(1999, 12, 31), new DateOnly(2000, 1, 1), new DateTime(1999, 12, 31, 23, 59, 59), Surface.Road),
        new("Two\nlines, and a \"quote\"", "", 3, -1, -0.25, 0, true,
            new DateOnly(1970, 1, 1), null, new DateTime(1970, 1, 1), Surface.Grass),
        new("李娜 (Li Na)", "Équipe , \r\n", int.MaxValue, long.MaxValue, double.MaxValue, -3.5, false,
            new DateOnly(2026, 3, 15), new DateOnly(2026, 3, 16), new DateTime(2026, 3, 15, 0, 0, 1), Surface.Track),
    ];

    [Theory]
    [InlineData("marks.parquet")]
    [InlineData("marks.csv")]
    public void Records_round_trip_through_a_file(string name)
    {
        var path = _dir.File(name);
        RecordTable.Write(Marks, path);
        Assert.Equal(Marks, RecordTable.Read<Mark>(path));
    }

    [Fact]
    public void An_empty_table_round_trips_and_a_csv_keeps_its_header()
    {
        var csv = _dir.File("empty.csv");
        RecordTable.Write(Array.Empty<Mark>(), csv);
        Assert.Equal("athlete,team,place,athlete_id,value,wind,legal,date,until,stamp,surface", File.ReadAllText(csv).Trim());
        Assert.Empty(RecordTable.Read<Mark>(csv));
        var parquet = _dir.File("empty.parquet");
        RecordTable.Write(Array.Empty<Mark>(), parquet);
        Assert.Empty(RecordTable.Read<Mark>(parquet));
    }

    [Fact]
    public void Column_names_are_the_properties_in_snake_case_with_duckdb_types()
    {
        var path = _dir.File("marks.parquet");
        RecordTable.Write(Marks, path);
        using var sql = DuckDb.OpenInMemory();
        var types = sql.Query("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(?))", path);
        Assert.Equal(
            ["athlete VARCHAR", "team VARCHAR", "place INTEGER", "athlete_id BIGINT", "value DOUBLE", "wind DOUBLE", "legal BOOLEAN",
             "date DATE", "until DATE", "stamp TIMESTAMP", "surface VARCHAR"],
            types.GetColumn<string>("column_name").Zip(types.GetColumn<string>("column_type"), (n, t) => $"{n} {t}"));
    }

    [Fact]
    public void Records_convert_to_a_data_frame_and_so_do_query_results()
    {
        var frame = Marks.ToDataFrame();
        Assert.Equal(Marks.Length, frame.Rows.Count);
        Assert.Equal("AthleteId", frame.Columns[3].Name);
        Assert.Null(frame.Columns["AthleteId"][1]);
        Assert.Equal(new DateTime(1999, 12, 31), frame.Columns["Date"][1]);
        Assert.Equal("Road", frame.Columns["Surface"][1]);

        using var sql = DuckDb.OpenInMemory();
        var result = sql.Query("SELECT 1 AS one, 'x' AS text, NULL::DOUBLE AS missing, DATE '2024-01-02' AS day");
        var fromQuery = result.ToDataFrame();
        Assert.Equal(["one", "text", "missing", "day"], fromQuery.Columns.Select(c => c.Name));
        Assert.Equal(1, fromQuery.Columns["one"][0]);
        Assert.Null(fromQuery.Columns["missing"][0]);
        Assert.Equal(new DateTime(2024, 1, 2), fromQuery.Columns["day"][0]);
    }

    [Fact]
    public void A_missing_column_names_the_file_the_column_and_what_the_file_has()
    {
        var path = _dir.File("other.parquet");
        RecordTable.Write([new OnlyName("a")], path);
        var e = Assert.Throws<InvalidDataException>(() => RecordTable.Read<Mark>(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("no column 'team'", e.Message);
        Assert.Contains("athlete (VARCHAR)", e.Message);
    }

    [Fact]
    public void A_column_of_the_wrong_type_names_the_file_and_both_types()
    {
        var path = _dir.File("typed.parquet");
        RecordTable.Write([new NameAsNumber(1.5)], path);
        var e = Assert.Throws<InvalidDataException>(() => RecordTable.Read<OnlyName>(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("column 'athlete' is DOUBLE", e.Message);
        Assert.Contains("OnlyName.Athlete (String) expects VARCHAR", e.Message);
    }

    [Fact]
    public void A_null_in_a_non_nullable_member_names_the_file_column_and_row()
    {
        var path = _dir.File("nulls.parquet");
        RecordTable.Write([new NullableName("a"), new NullableName("b"), new NullableName(null)], path);
        var e = Assert.Throws<InvalidDataException>(() => RecordTable.Read<OnlyName>(path));
        Assert.Contains($"{path}: row 3, column 'athlete': NULL", e.Message);
    }

    [Fact]
    public void A_csv_value_that_does_not_parse_names_the_file_line_and_column()
    {
        var path = _dir.File("bad.csv", "athlete,place\n\"Smith, J\",1\nJones,first\n");
        var e = Assert.Throws<InvalidDataException>(() => RecordTable.Read<Placed>(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("Line: 3", e.Message);
        Assert.Contains("\"place\"", e.Message);
    }

    [Fact]
    public void An_unknown_enum_name_names_the_row_and_the_names_allowed()
    {
        var path = _dir.File("surface.csv", "surface\nTrack\nIce\n");
        var e = Assert.Throws<InvalidDataException>(() => RecordTable.Read<OnSurface>(path));
        Assert.Contains($"{path}: row 2, column 'surface': 'Ice' is not a Surface (Track, Road, Grass)", e.Message);
    }

    [Theory]
    [InlineData("marks.parquet")]
    [InlineData("marks.csv")]
    public void A_truncated_file_is_an_error_naming_it(string name)
    {
        var path = _dir.File(name);
        RecordTable.Write(Marks, path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length * 2 / 3)]);
        var e = Assert.Throws<InvalidDataException>(() => RecordTable.Read<Mark>(path));
        Assert.Contains(path, e.Message);
    }

    [Theory]
    [InlineData("empty.parquet")]
    [InlineData("empty.csv")]
    public void An_empty_file_is_an_error_naming_it(string name)
    {
        var path = _dir.File(name, "");
        var e = Assert.Throws<InvalidDataException>(() => RecordTable.Read<Mark>(path));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void A_corrupt_parquet_file_is_an_error_naming_it()
    {
        var path = _dir.File("marks.parquet");
        RecordTable.Write(Marks, path);
        var bytes = File.ReadAllBytes(path);
        for (int i = 4; i < bytes.Length - 8; i++) bytes[i] = (byte)(bytes[i] ^ 0x5A);
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidDataException>(() => RecordTable.Read<Mark>(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("not a readable Parquet table of Mark", e.Message);
    }

    [Fact]
    public void A_csv_of_other_columns_is_an_error_naming_the_missing_one()
    {
        var path = _dir.File("other.csv", "name,place\nSmith,1\n");
        var e = Assert.Throws<InvalidDataException>(() => RecordTable.Read<Placed>(path));
        Assert.Contains($"{path}: no column 'athlete'", e.Message);
    }

    [Fact]
    public void A_failed_write_leaves_the_previous_file()
    {
        var path = _dir.File("marks.parquet");
        RecordTable.Write(Marks, path);
        Assert.ThrowsAny<Exception>(() => RecordTable.Write(Failing(), path));
        Assert.Equal(Marks, RecordTable.Read<Mark>(path));
        Assert.Single(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void Records_go_into_and_out_of_a_duckdb_table()
    {
        using var sql = DuckDb.OpenInMemory();
        RecordTable.Create<Mark>(sql, "marks");
        RecordTable.Append(sql, "marks", Marks);
        Assert.Equal(Marks, RecordTable.Query<Mark>(sql, "SELECT * FROM marks"));
        Assert.Equal([new Placed("Zoë Ångström-Núñez", 2)], RecordTable.Query<Placed>(sql, "SELECT * FROM marks WHERE place = ?", 2));
    }

    private static IEnumerable<Mark> Failing()
    {
        yield return Marks[0];
        throw new IOException("the source failed half way");
    }

    public sealed record OnlyName(string Athlete);

    public sealed record NullableName(string? Athlete);

    public sealed record NameAsNumber(double Athlete);

    public sealed record Placed(string Athlete, int Place);

    public sealed record OnSurface(Surface Surface);
}
