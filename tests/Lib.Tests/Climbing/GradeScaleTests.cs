using Lib.Climbing.Domain;
using Lib.Climbing.Ingest;

namespace Lib.Tests.Climbing;

public class GradeScaleTests
{
    private static readonly GradeScale Scale = GradeScale.Load(Path.Combine(ClimbingFixture.DataFolder, "kilter", "ilsenatorov_kilter_difficulty_grades.csv"));

    [Theory]
    [InlineData("6B+", 19)]
    [InlineData("6b+", 19)]
    [InlineData("7A", 22)]
    [InlineData("8B", 30)]
    [InlineData("6A", 16)]
    [InlineData("5+", 15)] // MoonBoard's 5+, the step below 6A: 5c
    public void Font_grades_map_through_the_table(string font, int difficulty)
    {
        Assert.True(Scale.TryFromFont(font, out var d));
        Assert.Equal(difficulty, d);
    }

    [Theory]
    [InlineData("6D")]
    [InlineData("V4")]
    [InlineData("")]
    public void Unknown_font_grades_are_refused(string font) => Assert.False(Scale.TryFromFont(font, out _));

    [Fact]
    public void V_grades_and_names_come_from_the_table()
    {
        Assert.Equal((1, 39), (Scale.MinDifficulty, Scale.MaxDifficulty));
        Assert.Equal(4, Scale.VGrade(18.4));   // 18 = 6b/V4
        Assert.Equal(5, Scale.VGrade(19.5));   // rounds to 20 = 6c/V5
        Assert.Equal("V0", Scale.VName(-3));   // clamped to the table
        Assert.Equal("6c+/V5", Scale.Nearest(21.2).Name);
        Assert.True(Scale.TryFromV("V3", out var v3));
        Assert.Equal(16.5, v3);                // 6a and 6a+
        Assert.True(Scale.TryFromV("0", out var v0));
        Assert.Equal(11, v0);                  // the listed V0 rows, 10–12
        Assert.False(Scale.TryFromV("V40", out _));
    }

    [Fact]
    public void A_broken_table_is_an_error_naming_file_and_line()
    {
        using var dir = new TempDir();
        var path = dir.File("grades.csv", "difficulty,boulder_name,route_name,is_listed\n1,1a/V0,2b,0\nx,6a,6b,1\n");
        var e = Assert.Throws<InvalidDataException>(() => GradeScale.Load(path));
        Assert.Contains("line 3: expected a difficulty number and a name like '6a/V3', got 'x', '6a'", e.Message);
        var twice = dir.File("twice.csv", "difficulty,boulder_name,route_name,is_listed\n1,1a/V0,2b,0\n1,1b/V0,2c,0\n");
        Assert.Contains("Difficulty 1 appears twice", Assert.Throws<InvalidDataException>(() => GradeScale.Load(twice)).Message);
    }
}
