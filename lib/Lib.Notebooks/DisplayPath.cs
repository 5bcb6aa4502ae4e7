namespace Lib.Notebooks;

/// <summary>How paths appear in messages: relative to a root when inside it, else in full.</summary>
internal static class DisplayPath
{
    public static string Of(string path, string root)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? Path.GetFullPath(path)
            : relative;
    }
}
