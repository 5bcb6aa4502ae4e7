using Lib.Display;
using Spectre.Console;

namespace Lib.Cli;

/// <summary>What every verb gets: where to read and write, how to show progress, and the lab's folders.</summary>
public sealed class CliContext(
    IAnsiConsole console,
    TextWriter error,
    bool interactive,
    string workingDirectory,
    TextReader? input = null
)
{
    /// <summary>Standard input, for verbs that ask questions (<c>lab track predict</c> without options); empty when
    /// none is given.</summary>
    public TextReader In { get; } = input ?? TextReader.Null;

    /// <summary>Standard output, with Spectre.Console's tables and markup.</summary>
    public IAnsiConsole Console { get; } = console;

    /// <summary>Standard error, for messages that are not results.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>True when a person is watching a terminal (live bars); false when output is redirected (plain
    /// lines).</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>The repository root when inside one (the folder holding Lib.sln), else the working directory.</summary>
    public string Root { get; } = FindRoot(workingDirectory);

    /// <summary>The lab's output folder, <c>artifacts/</c> under <see cref="Root"/>.</summary>
    public string Artifacts => Path.Combine(Root, "artifacts");

    /// <summary>Progress for library work: Spectre bars on a terminal, plain periodic lines otherwise.</summary>
    public IProgressReporter Progress => Interactive ? new SpectreProgress(Console) : new LineProgress(Error);

    private static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lib.sln")))
                return dir.FullName;
        return Path.GetFullPath(start);
    }
}
