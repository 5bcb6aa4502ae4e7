using System.CommandLine;
using System.Globalization;
using Lib.Paragliding.Dataset;
using Lib.Paragliding.Evaluate;
using Lib.Paragliding.Ingest;
using Lib.Paragliding.Train;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab paragliding cv: grouped k-fold cross-validation by ISO week (ParaglidingCrossValidation).
internal static partial class ParaglidingCommand
{
    private static Command CvCommand(CliContext context)
    {
        var defaults = new ParaglidingTrainOptions();
        var folds = new Option<int>("--folds", "-k")
        {
            Description =
                "Folds of ISO weeks (contiguous runs of the salted-hash week order); each is held out once while a "
                + "model trains on the others.",
            DefaultValueFactory = _ => ParaglidingCrossValidation.DefaultFolds,
        };
        var epochs = new Option<int>("--epochs")
        {
            Description = "Epochs at most per fold (early stopping on the fold's validation weeks may end sooner).",
            DefaultValueFactory = _ => defaults.Epochs,
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Seeds the weights and the shard order (the same in every fold).",
            DefaultValueFactory = _ => defaults.Seed,
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description =
                "The folder for metrics.csv, metrics.json, test_predictions.csv (pooled out-of-fold) and folds.csv, "
                + "with each fold's shards under fold-N. Default: artifacts/paragliding/cv.",
            HelpName = "dir",
        };
        var dataFolder = new Option<string?>("--data")
        {
            Description = "The paragliding data folder. Default: data/paragliding.",
            HelpName = "dir",
        };
        var weather = new Option<string?>("--weather")
        {
            Description = "A weather table (site_id,date,hour,variable,value) to train with. Default: none.",
            HelpName = "file.csv",
        };
        var command = new Command(
            "cv",
            "Cross-validate by ISO week: the weeks cut into K folds, a model trained (default options, calibration "
                + "and early stopping on its own validation weeks) for each fold on the other weeks, and the pooled "
                + "out-of-fold predictions scored against both climatologies, with each fold's numbers."
        )
        {
            folds,
            epochs,
            seed,
            output,
            dataFolder,
            weather,
        };
        command.SetAction(parse =>
        {
            var options = defaults with { Epochs = parse.GetValue(epochs), Seed = parse.GetValue(seed) };
            if (options.Epochs < 1)
                throw new ArgumentException($"--epochs must be at least 1, got {options.Epochs}.");
            var folder = parse.GetValue(output) ?? Path.Combine(context.Artifacts, "paragliding", "cv");
            var ingest = ParaglidingIngest.Run(
                ParaglidingSources.FromFolder(
                    parse.GetValue(dataFolder) ?? Path.Combine(context.Root, "data", "paragliding")
                )
            );
            var table = parse.GetValue(weather) is { } w ? WeatherTable.Read(w) : null;
            var cv = ParaglidingCrossValidation.Run(
                ingest,
                table,
                parse.GetValue(folds),
                options,
                folder,
                context.Progress
            );
            WriteMetrics(context, cv.Pooled);
            WriteFolds(context, cv);
            context.Console.WriteLine($"Wrote {string.Join(", ", cv.Write(folder))}.");
            return 0;
        });
        return command;
    }

    private static void WriteFolds(CliContext context, ParaglidingCrossValidation cv)
    {
        string F(double v, string f) => v.ToString(f, CultureInfo.InvariantCulture);
        var table = new Spectre.Console.Table().AddColumns(
            "fold",
            "test weeks",
            "n",
            ">20 km",
            "epochs",
            "Brier cal.",
            "Brier site×month",
            "Brier site",
            "max ECE cal."
        );
        foreach (var f in cv.PerFold)
            table.AddRow(
                F(f.Fold, "0"),
                string.Join(' ', f.TestWeeks),
                F(f.TestSiteDays, "0"),
                F(f.Over20Km, "0"),
                F(f.Epochs, "0"),
                F(f.MeanBrierCalibrated, "0.00000"),
                F(f.MeanBrierSiteMonth, "0.00000"),
                F(f.MeanBrierSite, "0.00000"),
                F(f.MaxEceCalibrated, "0.0000")
            );
        context.Console.Write(table);
        double sdModel = cv.Spread(f => f.MeanBrierCalibrated),
            sdClimatology = cv.Spread(f => f.MeanBrierSiteMonth);
        double eceLow = cv.PerFold.Min(f => f.MaxEceCalibrated),
            eceHigh = cv.PerFold.Max(f => f.MaxEceCalibrated);
        context.Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Across {cv.Folds} folds (sd): mean Brier calibrated ±{sdModel:0.00000}, site × month "
                    + $"±{sdClimatology:0.00000}; the folds' max ECE calibrated {eceLow:0.0000} … {eceHigh:0.0000}."
            )
        );
    }
}
