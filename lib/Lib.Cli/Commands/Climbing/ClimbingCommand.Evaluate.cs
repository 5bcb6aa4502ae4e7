using System.CommandLine;
using Lib.Climbing.Evaluate;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab climbing evaluate: the evaluate step on a saved model folder (the test split, against both baselines; a tracked
// run), or with --input the model on a route file (MoonBoard problems, Kilter climbs graded by --stats), its metrics
// written to --out.
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
        var input = new Option<string?>("--input")
        {
            Description =
                "A route file to evaluate the model on instead: MoonBoard problems (JSON with 'moves') or Kilter "
                + "climbs (a sync page or an array with 'frames', graded by --stats). Needs --out.",
            HelpName = "file",
        };
        var stats = new Option<string?>("--stats")
        {
            Description = "With --input of Kilter climbs: the climb stats page that grades them.",
            HelpName = "file",
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description =
                "With --input: the metrics JSON to write (the rows training writes: overall, per board, per board "
                + "and angle), with a CSV twin beside it.",
            HelpName = "file",
        };
        var command = new Command(
            "evaluate",
            "Evaluate a saved model and both baselines on the test split of the data it was trained on (metrics and "
                + "predictions written beside it), or the model on a route file (--input, --out)."
        )
        {
            model,
            runs,
            input,
            stats,
            output,
        };
        data.AddTo(command);
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(model) ?? Path.Combine(context.Artifacts, "climbing", "model");
            if (parse.GetValue(input) is { } file)
            {
                var metrics = parse.GetValue(output)
                    ?? throw new ArgumentException("--input needs --out (the metrics JSON to write).");
                var result = ClimbingEvaluateStep.RunFile(folder, file, metrics, parse.GetValue(stats));
                WriteMetrics(context, result.Evaluation);
                foreach (var row in result.Rejected.Take(20))
                    context.Error.WriteLine($"refused: {row}");
                if (result.Rejected.Count > 20)
                    context.Error.WriteLine($"refused: … {result.Rejected.Count - 20} more");
                context.Console.WriteLine(
                    $"{result.Format}: {result.Evaluation.Rows.Count} graded routes scored, {result.Ungraded} "
                        + $"without a grade, {result.Rejected.Count} refused. Wrote {result.MetricsPath} and "
                        + $"{result.MetricsCsvPath}."
                );
                return result.Rejected.Count == 0 ? 0 : 1;
            }
            if (parse.GetValue(output) is not null)
                throw new ArgumentException("--out needs --input (the route file to evaluate on).");
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
