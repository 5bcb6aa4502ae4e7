using System.CommandLine;
using System.Globalization;
using Lib.Paragliding.Ingest;
using Lib.Paragliding.Model;
using Lib.Paragliding.Predict;
using Lib.Torch.Paragliding;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab paragliding predict --model DIR (--pairs pairs.csv | --grib FILE...) --out probs.csv: the predict step; exit 1
// when pairs were refused (the others are still written) or nothing was scored.
internal static partial class ParaglidingCommand
{
    private static Command PredictCommand(CliContext context)
    {
        var model = ModelOption(
            "A model folder written by 'lab paragliding train'. Default: artifacts/paragliding/model."
        );
        var pairs = new Option<string?>("--pairs")
        {
            Description = "The pairs to score: a CSV with site_id,date (site ids of takeoff_sites.csv, ISO dates).",
            HelpName = "pairs.csv",
        };
        var grib = new Option<string[]>("--grib")
        {
            Description =
                "Score every launch inside a GRIB2 forecast's grid on its valid date(s) instead of --pairs (repeat "
                + "for the 9, 12 and 15 h files of a model trained with weather).",
            HelpName = "file",
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "The CSV to write: site_id,date,p_20,p_30,…,p_100 (calibrated, non-increasing).",
            HelpName = "probs.csv",
            Required = true,
        };
        var weather = new Option<string?>("--weather")
        {
            Description =
                "With --pairs: a weather table for a model trained with weather "
                + "(site_id,date,hour,variable,value).",
            HelpName = "file.csv",
        };
        var schema = SchemaOption();
        var device = DeviceOptions.Create();
        var bilinear = BilinearOption();
        var command = new Command("predict", "P(a flight from the site that day exceeds 20, 30, …, 100 km).")
        {
            model,
            pairs,
            grib,
            output,
            weather,
            schema,
            bilinear,
            device,
        };
        command.SetAction(parse =>
        {
            var gribFiles = parse.GetValue(grib) ?? [];
            var pairsFile = parse.GetValue(pairs);
            if ((pairsFile is null) == (gribFiles.Length == 0))
                throw new ArgumentException("Give either --pairs pairs.csv or --grib FILE (one of the two).");
            if (gribFiles.Length > 0 && parse.GetValue(weather) is not null)
                throw new ArgumentException("--weather goes with --pairs; with --grib the weather is the file's.");
            var on = DeviceOptions.Parse(parse.GetValue(device));
            bool twin = false;
            void Prepare(GlideatorModel m)
            {
                TorchGlideatorRunner.Use(m, on);
                twin = m.Runner is not null;
            }
            PredictedOdds result;
            if (pairsFile is not null)
                result = ParaglidingPredictStep.Run(
                    ModelFolder(context, parse, model),
                    pairsFile,
                    parse.GetValue(output)!,
                    parse.GetValue(weather),
                    Prepare
                );
            else
            {
                (result, var coverage) = ParaglidingPredictStep.RunGrib(
                    ModelFolder(context, parse, model),
                    gribFiles,
                    parse.GetValue(schema) ?? ParaglidingIngestStep.DefaultSchema(context.Root),
                    parse.GetValue(output)!,
                    parse.GetValue(bilinear) ? GribSampling.Bilinear : GribSampling.Nearest,
                    Prepare
                );
                context.Console.WriteLine(
                    $"GRIB: {N(coverage.SitesInside)} of the model's {N(coverage.SitesKnown)} launches inside the "
                        + "grid; valid date(s) "
                        + (coverage.Dates.Count == 0 ? "none" : string.Join(", ", coverage.Dates.Select(Iso)))
                        + "."
                );
                foreach (var note in coverage.Notes)
                    context.Console.WriteLine(note);
                if (coverage.SitesInside == 0)
                    context.Error.WriteLine("No launch the model knows lies inside the GRIB file's grid.");
            }
            foreach (var r in result.Rejected)
                context.Error.WriteLine(r.ToString());
            context.Console.WriteLine(
                $"Wrote {result.Path}: {result.Odds.Count} site-days scored"
                    + (twin ? $" (the TorchSharp twin on {on.Name})" : "")
                    + $", {result.Rejected.Count} refused."
            );
            return result.Rejected.Count > 0 || (gribFiles.Length > 0 && result.Odds.Count == 0) ? 1 : 0;
        });
        return command;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
