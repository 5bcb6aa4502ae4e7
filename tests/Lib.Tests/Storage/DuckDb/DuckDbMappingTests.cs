using Lib.Display;
using Lib.Storage.DuckDb;

namespace Lib.Tests.Storage.DuckDb;

public sealed class DuckDbMappingTests : IDisposable
{
    private sealed record Mark(long AthleteId, string EventName, double Seconds, DateOnly Date, int? Place);

    private sealed record PlacedMark(long AthleteId, int Place);

    private sealed record WithDefault(long AthleteId, string Note = "none");

    private sealed class MarkRow
    {
        public long AthleteId { get; set; }
        public string EventName { get; init; } = "";
        public double? Seconds { get; set; }
        public string Display => $"{AthleteId} {EventName}"; // read-only: not mapped
    }

    private readonly DuckDbDatabase _db = DuckDbDatabase.OpenInMemory();
    private readonly DuckDbConnection _c;

    public DuckDbMappingTests()
    {
        _c = _db.Connect();
        _c.Execute("""
            CREATE TABLE marks AS SELECT * FROM (VALUES
              (1, '100m', 11.9, DATE '2024-05-01', 1),
              (2, '100m', 12.4, DATE '2024-05-01', NULL),
              (3, '200m', 24.8, DATE '2024-05-02', 2)) t(athlete_id, event_name, seconds, date, place)
            """);
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Rows_map_to_records_by_constructor_parameter_and_snake_case_names()
    {
        var marks = _c.Query("SELECT * FROM marks ORDER BY athlete_id").ReadAs<Mark>();
        Assert.Equal(
            [new Mark(1, "100m", 11.9, new DateOnly(2024, 5, 1), 1), new Mark(2, "100m", 12.4, new DateOnly(2024, 5, 1), null),
             new Mark(3, "200m", 24.8, new DateOnly(2024, 5, 2), 2)],
            marks);
        Assert.Equal([new WithDefault(1), new WithDefault(2)], _c.Query("SELECT athlete_id FROM marks WHERE athlete_id < 3 ORDER BY 1").ReadAs<WithDefault>());
    }

    [Fact]
    public void Rows_map_to_classes_by_settable_property_and_to_tables_for_display()
    {
        var rows = _c.Query("SELECT ATHLETE_ID, event_name, seconds, 'extra columns are ignored' AS x FROM marks ORDER BY 1").ReadAs<MarkRow>();
        Assert.Equal([1L, 2L, 3L], rows.Select(r => r.AthleteId));
        Assert.Equal("3 200m", rows[2].Display);

        var result = _c.Query("SELECT event_name, avg(seconds) AS mean, count(place) AS placed FROM marks GROUP BY 1 ORDER BY 1");
        Table table = result.ToTable();
        Assert.Equal(["event_name", "mean", "placed"], table.Columns.Select(c => c.Name));
        Assert.Equal(typeof(double), table["mean"].Type);
        Assert.Equal(12.15, (double)table["mean"].Values[0]!, 10);
        var html = table.ToHtml();
        Assert.Contains("200m", html);
        Assert.Contains("2 rows × 3 columns", html);
        Assert.Equal(2.0, table.Describe()["count"].Values[1]);

        var withNulls = _c.Query("SELECT place FROM marks ORDER BY athlete_id").ToTable();
        Assert.Equal(typeof(int?), withNulls["place"].Type);
        Assert.Equal([1, null, 2], withNulls["place"].Values);
    }

    [Fact]
    public void A_missing_column_or_a_type_that_does_not_convert_is_a_clear_error()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => _c.Query("SELECT athlete_id, event_name FROM marks").ReadAs<Mark>());
        Assert.Contains("Cannot map rows to Mark", missing.Message);
        Assert.Contains("constructor parameter 'Seconds' has no column 'Seconds'", missing.Message);
        Assert.Contains("the result has athlete_id, event_name", missing.Message);

        var type = Assert.Throws<InvalidCastException>(() => _c.Query("SELECT athlete_id, event_name AS seconds, event_name FROM marks").ReadAs<MarkRow>());
        Assert.Contains("column 'seconds' (VARCHAR) to MarkRow.Seconds of type double?", type.Message);

        var narrowing = Assert.Throws<InvalidCastException>(() => _c.Query("SELECT athlete_id, event_name, seconds, date, place::DOUBLE AS place FROM marks").ReadAs<Mark>());
        Assert.Contains("Mark(Place) of type int?", narrowing.Message);

        var nulls = Assert.Throws<InvalidCastException>(() => _c.Query("SELECT athlete_id, event_name, seconds, date, place FROM marks").ReadAs<PlacedMark>());
        Assert.Contains("PlacedMark(Place) of type int", nulls.Message);
        Assert.Contains("has 1 NULL of 3 rows", nulls.Message);

        var property = Assert.Throws<InvalidOperationException>(() => _c.Query("SELECT athlete_id, seconds FROM marks").ReadAs<MarkRow>());
        Assert.Contains("property 'EventName' has no column 'EventName'", property.Message);
        Assert.Contains("'event_name' would do", property.Message);
    }
}
