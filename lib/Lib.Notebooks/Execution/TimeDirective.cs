using System.Diagnostics;
using System.Globalization;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Lib.Notebooks.Execution;

/// <summary>
/// <c>#!time</c>: shows the cell's wall time when it completes (<c>Wall time: 12.3 ms</c>), as the
/// Jupyter kernel's magic of the same name does; the Polyglot packages served here do not include it.
/// </summary>
internal static class TimeDirective
{
    /// <summary>Adds the directive to <paramref name="kernel"/>.</summary>
    public static void Add(Kernel kernel) =>
        kernel.AddDirective(
            new KernelActionDirective("#!time") { Description = "Time the execution of the cell." },
            Measure
        );

    private static Task Measure(KernelCommand command, KernelInvocationContext context)
    {
        var clock = Stopwatch.StartNew();
        context.OnComplete(done =>
        {
            var text = string.Create(
                CultureInfo.InvariantCulture,
                $"Wall time: {clock.Elapsed.TotalMilliseconds:0.#} ms"
            );
            done.Publish(
                new DisplayedValueProduced(
                    clock.Elapsed,
                    context.Command,
                    [new FormattedValue(PlainTextFormatter.MimeType, text)]
                )
            );
        });
        return Task.CompletedTask;
    }
}
