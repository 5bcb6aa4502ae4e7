namespace Lib.Tests.Splits;

/// <summary>The split timer's bundled data, <c>data/splits/</c>.</summary>
internal static class SplitsFixture
{
    public static string DataFolder => Path.Combine(RepoPaths.Data, "splits");

    public static string VideoConfig => Path.Combine(DataFolder, "video_config.yaml");

    public static string Timing => Path.Combine(DataFolder, "timing");

    public static string TimingExpected => Path.Combine(DataFolder, "timing_expected.csv");
}
