using System.CommandLine;
using Lib.Climbing.Evaluate;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab climbing evaluate: the evaluate step on a saved model folder (the test split, against both baselines; a tracked
// run).
internal static partial class ClimbingCommand
{
    private static Command EvaluateCommand(CliContext context)
    {
        var data = new DataOptions();
        var model = new Option<string?>("--model", "-m")
        {
            Description = "A model folder written by 'lab climbing train'. Default: artifacts/climbing/model.",
            HelpName = "dir",
        };
        var runs = RunsOption();
        var command = new Command(
            "evaluate",
            "Evaluate a saved model and both baselines on the test split of the data it was trained on; write "
                + "metrics and predictions beside it."
        )
        {
            model,
            runs,
        };
        data.AddTo(command);
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(model) ?? Path.Combine(context.Artifacts, "climbing", "model");
            var evaluated = ClimbingEvaluateStep.Run(data.Tokenise(context, parse), folder, Runs(context, parse, runs));
            WriteMetrics(context, evaluated.Evaluation);
            context.Console.WriteLine(
                $"Wrote {folder}: metrics.json, metrics.csv, predictions.csv (run {evaluated.Run!.RunId[..8]} "
                    + "in lab runs)."
            );
            return 0;
        });
        return command;
    }
}
