using System.CommandLine;
using Lib.Football.Predict;
using Lib.Torch.Football;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab football predict: forecasts for the cuts of a tracking file, in the input's own coordinates.
internal static partial class FootballCommand
{
    private static Command PredictCommand(CliContext context)
    {
        var model = ModelOption();
        var input = new Option<string>("--input")
        {
            Description = "The tracking file (slim CSV, .csv or .csv.gz).",
            HelpName = "tracking.csv.gz",
            Required = true,
        };
        var plays = new Option<string?>("--plays")
        {
            Description = "The plays file (direction of play, possession). Default: plays.csv beside --input.",
            HelpName = "plays.csv",
        };
        var cuts = new Option<string>("--cuts")
        {
            Description = "game_id,play_id,cut_frame per line: observe the frames up to cut_frame.",
            HelpName = "cuts.csv",
            Required = true,
        };
        var horizon = new Option<int?>("--horizon")
        {
            Description = "Steps to forecast (0.1 s each), at most the model's. Default: the model's (20).",
            HelpName = "n",
        };
        var output = new Option<string>("--out")
        {
            Description = "game_id,play_id,cut_frame,nfl_id,step,x,y (a mixture adds mode,weight).",
            HelpName = "preds.csv",
            Required = true,
        };
        var coverage = new Option<string?>("--coverage-out")
        {
            Description = "Also write game_id,play_id,p_tight_window.",
            HelpName = "file.csv",
        };
        var device = DeviceOptions.Create();
        var command = new Command(
            "predict",
            "Forecast every player's path after each cut of a tracking file with a trained model."
        )
        {
            model,
            input,
            plays,
            cuts,
            horizon,
            output,
            coverage,
            device,
        };
        command.SetAction(parse =>
        {
            var on = DeviceOptions.Parse(parse.GetValue(device));
            bool twin = false;
            var request = new FootballPredictRequest(
                ModelFolder(context, parse, model),
                parse.GetValue(input)!,
                parse.GetValue(cuts)!,
                parse.GetValue(output)!,
                Path.Combine(context.Artifacts, "cache", "football-predict")
            )
            {
                Plays = parse.GetValue(plays),
                Horizon = parse.GetValue(horizon),
                CoverageOutput = parse.GetValue(coverage),
            };
            var outcome = FootballPredictStep.Run(request, m =>
            {
                TorchFootballRunner.Use(m, on);
                twin = m.Runner is not null;
            });
            context.Console.WriteLine(
                $"Wrote {outcome.Rows} rows ({outcome.Cuts} cuts × players × {outcome.Horizon} steps"
                    + (outcome.Modes > 1 ? $" × {outcome.Modes} modes" : "")
                    + $") to {outcome.Output}"
                    + (outcome.CoverageOutput is null ? "" : $" and coverage to {outcome.CoverageOutput}")
                    + (twin ? $" (the TorchSharp twin on {on.Name})." : ".")
            );
            return 0;
        });
        return command;
    }
}
