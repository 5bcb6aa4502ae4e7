namespace Lib.Tests.Paragliding;

/// <summary>The paragliding files the tests read: bundled data and the expected parses in tests/fixtures.</summary>
internal static class ParaglidingPaths
{
    public static string Data => Path.Combine(RepoPaths.Data, "paragliding");
    public static string Igc => Path.Combine(Data, "igc");
    public static string Weather => Path.Combine(Data, "weather");
    public static string XContest => Path.Combine(Data, "xcontest");
    public static string Fixtures => Path.Combine(RepoPaths.Root, "tests", "fixtures", "paragliding");
    public static string Schema => Path.Combine(Data, "glideator", "schema.json");
}
