namespace Lib.Torch.Tests;

/// <summary>Paths in the repository (found from the test binaries by walking up to <c>Lib.sln</c>).</summary>
internal static class RepoPaths
{
    public static string Root { get; } =
        Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"Lib.sln not found above {AppContext.BaseDirectory}.");

    /// <summary>The bundled data folder, <c>data/</c>.</summary>
    public static string Data => Path.Combine(Root, "data");

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lib.sln")))
                return dir.FullName;
        return null;
    }
}
