using System.CommandLine;
using Lib.Paragliding.Evaluate;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab paragliding evaluate: the evaluate step on a saved model folder.
internal static partial class ParaglidingCommand
{
    private static Command EvaluateCommand(CliContext context)
    {
        var data = new DataOptions();
        var model = ModelOption(
            "A model folder written by 'lab paragliding train'. Default: artifacts/paragliding/model."
        );
        var runs = RunsOption();
        var command = new Command(
            "evaluate",
            "Score a trained model, calibrated and raw, and the climatologies on the test weeks."
        )
        {
            model,
            runs,
        };
        data.AddTo(command);
        command.SetAction(parse =>
        {
            var folder = ModelFolder(context, parse, model);
            var evaluated = ParaglidingEvaluateStep.Run(data.Load(context, parse), folder, Runs(context, parse, runs));
            WriteMetrics(context, evaluated.Evaluation);
            context.Console.WriteLine($"Wrote {string.Join(", ", evaluated.Files)}.");
            return 0;
        });
        return command;
    }
}
