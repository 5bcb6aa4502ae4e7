namespace Lib.Notebooks.Tests;

/// <summary>Folders of the repository the tests run in.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = RunCommand.FindRepoRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Lib.sln not found above the test binaries.");

    public static string Notebooks => Path.Combine(Root, "notebooks");
}

/// <summary>A temporary folder for notebooks written by a test; deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("lab-nb-").FullName;

    public string Write(string relative, string text)
    {
        var file = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
