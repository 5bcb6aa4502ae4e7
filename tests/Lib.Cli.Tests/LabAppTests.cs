using Lib.Tracking;
using Spectre.Console;

namespace Lib.Cli.Tests;

public class LabAppTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-cli-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<int> Lab(params string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(_out),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        return await LabApp.RunAsync(args, new CliContext(console, _err, interactive: false, _dir));
    }

    [Fact]
    public async Task Help_lists_the_verbs()
    {
        Assert.Equal(0, await Lab("--help"));
        Assert.Contains("env", _out.ToString());
        Assert.Contains("runs", _out.ToString());
    }

    [Fact]
    public async Task A_wrong_command_line_exits_2_with_a_pointer_to_help()
    {
        Assert.Equal(2, await Lab("frobnicate"));
        Assert.Contains("Unrecognized command or argument 'frobnicate'", _err.ToString());
        Assert.Contains("lab --help", _err.ToString());
    }

    [Fact]
    public async Task Env_reports_the_native_tools()
    {
        Assert.Equal(0, await Lab("env"));
        Assert.Contains("DuckDB", _out.ToString());
        Assert.Contains("ffmpeg", _out.ToString());
        Assert.Contains("Cores", _out.ToString());
    }

    [Fact]
    public async Task Runs_are_listed_and_shown_from_the_store()
    {
        var store = new TrackingStore(Path.Combine(_dir, "mlruns"));
        string id;
        using (var run = store.StartRun("track", "baseline"))
        {
            run.LogParam("hidden", 64);
            run.LogMetric("val_mae", 0.25, 3);
            id = run.RunId;
        }
        Assert.Equal(0, await Lab("runs", "list", "--store", store.Root));
        Assert.Contains("baseline", _out.ToString());
        Assert.Contains("val_mae=0.25", _out.ToString());

        Assert.Equal(0, await Lab("runs", "show", id[..6], "--store", store.Root));
        Assert.Contains("hidden", _out.ToString());
        Assert.Contains("0.25 (step 3, 1 values)", _out.ToString());
    }

    [Fact]
    public async Task Errors_have_no_stack_trace_unless_verbose()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "mlruns"));
        Assert.Equal(2, await Lab("runs", "show", "nope", "--store", Path.Combine(_dir, "mlruns")));
        Assert.Contains("error: No run id starts with 'nope'", _err.ToString());
        Assert.DoesNotContain(" at ", _err.ToString());

        _err.GetStringBuilder().Clear();
        Assert.Equal(2, await Lab("runs", "show", "nope", "--store", Path.Combine(_dir, "mlruns"), "--verbose"));
        Assert.Contains(" at ", _err.ToString());
    }
}
