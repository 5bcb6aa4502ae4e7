using Lib.Climbing.Domain;
using Lib.Climbing.Ingest;

namespace Lib.Tests.Climbing;

/// <summary>The MoonBoard parser on hand-made records, one fault each: each is reported with its reason, the good ones kept.</summary>
public class MoonBoardParserTests
{
    private static readonly GradeScale Scale = GradeScale.Load(Path.Combine(ClimbingFixture.DataFolder, "kilter", "ilsenatorov_kilter_difficulty_grades.csv"));

    private static string Problem(int id, string moves, string grade = "\"grade\": \"6C\", ", string setup = "MoonBoard Masters 2019", int config = 2) =>
        $$"""{"apiId": {{id}}, "name": "p{{id}}", {{grade}}"repeats": 7, "holdsetup": {"description": "{{setup}}"}, "moonBoardConfigurationId": {{config}}, "moves": [{{moves}}]}""";

    private static string Move(string cell, bool start = false, bool end = false) =>
        $$"""{"description": "{{cell}}", "isStart": {{(start ? "true" : "false")}}, "isEnd": {{(end ? "true" : "false")}}}""";

    private static readonly string Good = string.Join(", ", Move("A5", start: true), Move("F9"), Move("K18", end: true));

    [Fact]
    public void Each_fault_is_reported_and_the_good_records_kept()
    {
        using var dir = new TempDir();
        var records = new[]
        {
            Problem(1, Good),
            Problem(2, Good, grade: ""),                                             // no grade: kept, ungraded
            Problem(3, string.Join(", ", Move("A5", start: true), Move("L9"), Move("K18", end: true))),
            Problem(4, string.Join(", ", Move("A5"), Move("K18", end: true))),
            Problem(5, string.Join(", ", Move("A5", start: true), Move("K18"))),
            Problem(6, Good, setup: "MoonBoard 2024"),
            Problem(7, Good, config: 5),
            Problem(8, Good, grade: "\"grade\": \"6D\", "),
            Problem(9, string.Join(", ", Move("A5", start: true), Move("A5"), Move("K18", end: true))),
            """{"apiId": 10, "name": "no moves", "grade": "6C", "holdsetup": {"description": "MoonBoard 2016"}, "moonBoardConfigurationId": 0}""",
            Problem(11, string.Join(", ", Move("A5", start: true), Move("A13", end: true)), setup: "Mini MoonBoard 2020", config: 1),
            "42",
        };
        var path = dir.File("problems.json", "[" + string.Join(",\n", records) + "]");
        var parsed = MoonBoardParser.Parse(path, Scale);

        Assert.Equal((12, 2), (parsed.Records, parsed.Routes.Count));
        Assert.Equal(["1", "2"], parsed.Routes.Select(r => r.RouteId));
        Assert.Equal((20.0, 25, 7, "MOON2019"), (parsed.Routes[0].Difficulty!.Value, parsed.Routes[0].Angle, parsed.Routes[0].Ascents!.Value, parsed.Routes[0].Board));
        Assert.Null(parsed.Routes[1].Difficulty);
        Assert.Equal(
        [
            "problems.json: record 2 (apiId 3 'p3'): move 1: hold 'L9' is not a cell of MoonBoard Masters 2019 (columns A–K, rows 1–18)",
            "problems.json: record 3 (apiId 4 'p4'): no start hold (no move has isStart)",
            "problems.json: record 4 (apiId 5 'p5'): no finish hold (no move has isEnd)",
            "problems.json: record 5 (apiId 6 'p6'): unknown hold set-up 'MoonBoard 2024' (known: MoonBoard 2016, MoonBoard Masters 2017, MoonBoard Masters 2019, Mini MoonBoard 2020)",
            "problems.json: record 6 (apiId 7 'p7'): unknown moonBoardConfigurationId 5 (0 or 1 = 40°, 2 = 25°)",
            "problems.json: record 7 (apiId 8 'p8'): grade '6D' is not a Font grade of the grade table",
            "problems.json: record 8 (apiId 9 'p9'): move 1: hold A5 appears twice",
            "problems.json: record 9 (apiId 10 'no moves'): no 'moves' field",
            "problems.json: record 10 (apiId 11 'p11'): move 1: hold 'A13' is not a cell of Mini MoonBoard 2020 (columns A–K, rows 1–12)",
            "problems.json: record 11: the record is a JSON number, expected an object",
        ], parsed.Rejected.Select(r => r.ToString()));
    }

    [Fact]
    public void A_file_that_is_not_JSON_or_not_a_list_is_an_error_naming_it()
    {
        using var dir = new TempDir();
        var broken = dir.File("broken.json", "[{\"apiId\": 1,\n");
        Assert.Contains("broken.json: line", Assert.Throws<InvalidDataException>(() => MoonBoardParser.Parse(broken, Scale)).Message);
        var other = dir.File("other.json", "{\"x\": 1}");
        Assert.Contains("expected a JSON array of records or an object with 'data' or 'problems', found a JSON object",
            Assert.Throws<InvalidDataException>(() => MoonBoardParser.Parse(other, Scale)).Message);
    }
}
