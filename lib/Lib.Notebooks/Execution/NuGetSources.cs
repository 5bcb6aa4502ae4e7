using System.Xml.Linq;

namespace Lib.Notebooks.Execution;

/// <summary>
/// The package sources a repository's <c>nuget.config</c> adds (<c>packageSources/add</c>), which the
/// runner hands to the kernel's <c>#r "nuget:"</c> restores (<c>#i "nuget:SOURCE"</c>), so notebooks
/// restore from the feed the repository builds from. Sources the machine's own NuGet configuration
/// names are used by the restore anyway.
/// </summary>
internal static class NuGetSources
{
    /// <summary>The <c>nuget.config</c> in the nearest folder above <paramref name="folder"/>, or null.</summary>
    public static string? FindConfig(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
            foreach (var name in new[] { "nuget.config", "NuGet.Config", "NuGet.config" })
                if (File.Exists(Path.Combine(dir.FullName, name)))
                    return Path.Combine(dir.FullName, name);
        return null;
    }

    /// <summary>The sources <paramref name="configPath"/> adds, relative folders made absolute; empty for
    /// none.</summary>
    /// <exception cref="InvalidDataException">The file is not readable XML; the message names it.</exception>
    public static IReadOnlyList<string> Read(string configPath)
    {
        XDocument config;
        try
        {
            config = XDocument.Load(configPath);
        }
        catch (System.Xml.XmlException e)
        {
            throw new InvalidDataException(
                $"{configPath}: not a readable nuget.config (line {e.LineNumber}): {e.Message}",
                e
            );
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        return config
            .Root?.Element("packageSources")
            ?.Elements("add")
            .Select(a => (string?)a.Attribute("value"))
            .OfType<string>()
            .Select(v =>
                Uri.TryCreate(v, UriKind.Absolute, out var uri) && !uri.IsFile ? v : Path.GetFullPath(v, folder)
            )
            .ToList()
            ?? [];
    }
}
