using Lib.Display;
using Spectre.Console;

namespace Lib.Cli;

/// <summary>Renders library progress as a live line with a bar on a terminal.</summary>
internal sealed class SpectreProgress(IAnsiConsole console) : IProgressReporter
{
    public IProgressTask Start(string description, long? total = null, string unit = "items")
    {
        var status = new LiveLine(console);
        return new Lib.Display.ProgressTask(description, total, unit, TimeSpan.FromMilliseconds(100), status.Render);
    }

    /// <summary>One line rewritten in place (carriage return), finished with a newline.</summary>
    private sealed class LiveLine(IAnsiConsole console)
    {
        private readonly Lock _gate = new();

        public void Render(ProgressSnapshot s)
        {
            lock (_gate)
            {
                var text = Markup.Escape(s.ToString());
                console.Markup(s.Finished ? $"\r[green]{text}[/]\n" : $"\r[blue]{text}[/]\u001b[[K");
            }
        }
    }
}
