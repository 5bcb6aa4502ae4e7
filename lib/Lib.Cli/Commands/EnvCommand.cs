using System.CommandLine;
using Lib.Platform;
using Spectre.Console;

namespace Lib.Cli.Commands;

/// <summary><c>lab env</c>: the machine as the lab sees it (runtime, cores, SIMD, native tools).</summary>
internal static class EnvCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command(
            "env",
            "Show the runtime, cores, memory, SIMD support and where the native tools were found."
        );
        command.SetAction(_ =>
        {
            var info = SystemInfo.Current();
            var table = new Spectre.Console.Table().AddColumn("fact").AddColumn("value");
            foreach (var (fact, value) in info.Rows())
                table.AddRow(Markup.Escape(fact), Markup.Escape(value));
            context.Console.Write(table);
            return info.NativeTools.All(t => t.Path is not null) ? 0 : 1;
        });
        return command;
    }
}
