using Spectre.Console;

namespace Lib.Cli.Tests;

/// <summary>Runs <c>lab</c> in the repository with a console whose input is the given text.</summary>
internal static class LabRun
{
    public static readonly string Repo = FindRepo();

    public static (int Code, string Out, string Err) Run(string? input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 240;
        var code = LabApp.RunAsync(args, new CliContext(console, error, interactive: false, Repo, input is null ? null : new StringReader(input))).GetAwaiter().GetResult();
        return (code, output.ToString(), error.ToString());
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lib.sln"))) return dir.FullName;
        throw new InvalidOperationException("Lib.sln not found above the test binaries.");
    }
}
