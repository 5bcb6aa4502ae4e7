using System.CommandLine;
using Lib.Cli.Commands;
using Spectre.Console;

namespace Lib.Cli;

/// <summary>
/// The <c>lab</c> command line: every workflow adds its verbs here (<c>lab &lt;workflow&gt; &lt;step&gt;</c>).
/// Exit codes: 0 success, 1 the work failed, 2 the command line was wrong. Errors print without a
/// stack trace unless <c>--verbose</c>.
/// </summary>
public static class LabApp
{
    /// <summary>The global <c>--verbose</c> flag.</summary>
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Print stack traces and more detail on errors.",
        Recursive = true,
    };

    /// <summary>The verbs, in the order <c>--help</c> lists them.</summary>
    private static IEnumerable<Command> Commands(CliContext context) =>
        [
            EnvCommand.Create(context),
            RunsCommand.Create(context),
            TrackCommand.Create(context),
            ClimbingCommand.Create(context),
            FootballCommand.Create(context),
            TuneCommand.Create(context),
        ];

    /// <summary>Runs the command line and returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        var root = new RootCommand("The sports ML lab: scrape, cache, train, evaluate and predict, one verb per step.")
        {
            Verbose,
        };
        foreach (var command in Commands(context))
            root.Subcommands.Add(command);

        var parse = root.Parse(args);
        var output = new StringWriter();
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                context.Error.WriteLine("error: " + error.Message);
            context.Error.WriteLine("Run 'lab --help' (or 'lab <verb> --help') for usage.");
            return 2;
        }
        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration
                {
                    EnableDefaultExceptionHandler = false,
                    Output = new AnsiWriter(context.Console),
                    Error = context.Error,
                }
            );
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            context.Error.WriteLine(parse.GetValue(Verbose) ? "error: " + e : $"error: {e.Message}");
            if (!parse.GetValue(Verbose))
                context.Error.WriteLine("(run with --verbose for details)");
            return e is ArgumentException or FileNotFoundException or DirectoryNotFoundException or KeyNotFoundException
                ? 2
                : 1;
        }
    }

    /// <summary>Routes System.CommandLine's help text to the console.</summary>
    private sealed class AnsiWriter(IAnsiConsole console) : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => console.Profile.Out.Writer.Write(value);

        public override void Write(string? value) => console.Profile.Out.Writer.Write(value);
    }
}
