using Lib.Cli;
using Spectre.Console;

var interactive =
    !Console.IsOutputRedirected && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null;
var context = new CliContext(
    AnsiConsole.Console,
    Console.Error,
    interactive,
    Directory.GetCurrentDirectory(),
    Console.In
);
return await LabApp.RunAsync(args, context);
