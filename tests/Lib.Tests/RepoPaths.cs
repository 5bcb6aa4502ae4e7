namespace Lib.Tests;

/// <summary>Folders of the repository the tests run in (found by walking up to Lib.sln).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"Lib.sln not found above {AppContext.BaseDirectory}.");

    /// <summary>The bundled data folder, <c>data/</c>.</summary>
    public static string Data => Path.Combine(Root, "data");

    /// <summary>The saved TFRRS pages, <c>data/tfrrs/html/</c>.</summary>
    public static string TfrrsHtml => Path.Combine(Data, "tfrrs", "html");

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lib.sln"))) return dir.FullName;
        return null;
    }
}
