using System.CommandLine;
using Lib.Climbing.Predict;
using Lib.Torch.Climbing;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab climbing predict: the predict step on a file of routes or on typed holds; exit 1 when records were refused.
internal static partial class ClimbingCommand
{
    private static Command PredictCommand(CliContext context)
    {
        var model = new Option<string>("--model", "-m")
        {
            Description = "A model folder written by 'lab climbing train'.",
            HelpName = "dir",
            Required = true,
        };
        var input = new Option<string?>("--input", "-i")
        {
            Description =
                "Routes to grade: MoonBoard problem JSON or Kilter climbs (a sync page or an array of climbs).",
            HelpName = "file",
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Write the predictions to this CSV file.",
            HelpName = "file.csv",
        };
        var holds = new Argument<string[]>("holds")
        {
            Description =
                "A route typed as holds instead of --input: E6:start C5:start F11 K18:end (roles start, middle, "
                + "finish/end, foot).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var board = new Option<string?>("--board", "-b")
        {
            Description = "The board of typed holds: 2016, 2017, 2019, mini2020, kilter, or a key such as MOON2016.",
            HelpName = "board",
        };
        var angle = new Option<int?>("--angle", "-a")
        {
            Description = "The wall angle of typed holds, in degrees.",
            HelpName = "degrees",
        };
        var device = DeviceOptions.Create();
        var command = new Command(
            "predict",
            "Grade routes with a trained model: from a file (--input) or typed as holds."
        )
        {
            model,
            input,
            output,
            holds,
            board,
            angle,
            device,
        };
        command.SetAction(parse =>
        {
            var on = DeviceOptions.Parse(parse.GetValue(device));
            Action<Lib.Climbing.Model.GradeModel> prepare = m => TorchGradeRunner.Use(m, on);
            var typed = parse.GetValue(holds) ?? [];
            var file = parse.GetValue(input);
            var csv = parse.GetValue(output);
            if (file is null == (typed.Length == 0))
                throw new ArgumentException(
                    "Give either --input FILE or holds such as 'E6:start C5:start F11 K18:end --board 2016 "
                        + "--angle 40', not both or neither."
                );
            if (file is null && (parse.GetValue(board) is null || parse.GetValue(angle) is null))
                throw new ArgumentException("Typed holds need --board (e.g. 2016) and --angle (e.g. 40).");
            var graded = file is not null
                ? ClimbingPredictStep.Run(parse.GetValue(model)!, file, csv, prepare)
                : ClimbingPredictStep.Run(
                    parse.GetValue(model)!,
                    string.Join(' ', typed),
                    parse.GetValue(board)!,
                    parse.GetValue(angle)!.Value,
                    csv,
                    prepare
                );
            if (file is not null)
                context.Error.WriteLine(
                    $"{file}: {graded.Format}, {graded.Predictions.Count} routes to grade, "
                        + $"{graded.Refused.Count} records refused."
                );

            var predictions = graded.Predictions;
            var table = new Spectre.Console.Table().AddColumns(
                "route_id",
                "name",
                "board",
                "angle",
                "predicted",
                "V grade",
                "grade",
                "known"
            );
            foreach (var p in predictions.Take(50))
                table.AddRow(
                    Markup.Escape(p.RouteId),
                    Markup.Escape(p.Name.Length > 40 ? p.Name[..40] + "…" : p.Name),
                    p.Board,
                    N(p.Angle),
                    F(p.PredictedDifficulty),
                    p.PredictedVGrade,
                    Markup.Escape(p.PredictedGrade),
                    p.Difficulty is double d ? F(d) : ""
                );
            context.Console.Write(table);
            if (predictions.Count > 50)
                context.Console.WriteLine($"… {predictions.Count - 50} more.");
            foreach (var r in graded.Refused.Take(20))
                context.Error.WriteLine($"refused: {r}");
            if (graded.Refused.Count > 20)
                context.Error.WriteLine($"refused: … {graded.Refused.Count - 20} more.");
            if (csv is not null)
                context.Console.WriteLine($"Wrote {predictions.Count} predictions to {csv}.");
            return graded.Refused.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
