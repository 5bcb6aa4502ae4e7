using System.CommandLine;
using Lib.Paragliding.Predict;
using Lib.Torch.Paragliding;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab paragliding predict --model DIR --pairs pairs.csv --out probs.csv: the predict step; exit 1 when pairs were
// refused (the others are still written).
internal static partial class ParaglidingCommand
{
    private static Command PredictCommand(CliContext context)
    {
        var model = ModelOption(
            "A model folder written by 'lab paragliding train'. Default: artifacts/paragliding/model."
        );
        var pairs = new Option<string>("--pairs")
        {
            Description = "The pairs to score: a CSV with site_id,date (site ids of takeoff_sites.csv, ISO dates).",
            HelpName = "pairs.csv",
            Required = true,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "The CSV to write: site_id,date,p_20,p_30,…,p_100 (calibrated, non-increasing).",
            HelpName = "probs.csv",
            Required = true,
        };
        var weather = new Option<string?>("--weather")
        {
            Description = "A weather table for a model trained with weather (site_id,date,hour,variable,value).",
            HelpName = "file.csv",
        };
        var device = DeviceOptions.Create();
        var command = new Command("predict", "P(a flight from the site that day exceeds 20, 30, …, 100 km).")
        {
            model,
            pairs,
            output,
            weather,
            device,
        };
        command.SetAction(parse =>
        {
            var on = DeviceOptions.Parse(parse.GetValue(device));
            bool twin = false;
            var result = ParaglidingPredictStep.Run(
                ModelFolder(context, parse, model),
                parse.GetValue(pairs)!,
                parse.GetValue(output)!,
                parse.GetValue(weather),
                m =>
                {
                    TorchGlideatorRunner.Use(m, on);
                    twin = m.Runner is not null;
                }
            );
            foreach (var r in result.Rejected)
                context.Error.WriteLine(r.ToString());
            context.Console.WriteLine(
                $"Wrote {result.Path}: {result.Odds.Count} site-days scored"
                    + (twin ? $" (the TorchSharp twin on {on.Name})" : "")
                    + $", {result.Rejected.Count} refused."
            );
            return result.Rejected.Count > 0 ? 1 : 0;
        });
        return command;
    }
}
