using System.CommandLine;
using Lib.Charts;
using Lib.Track.Evaluate;
using Lib.Track.Model;
using Lib.Track.Predict;
using Lib.Track.Scrape;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab track evaluate: the models on their held-out test seasons against the baselines.
internal static partial class TrackCommand
{
    private static Command EvaluateCommand(CliContext context)
    {
        var data = new DataOptions();
        var model = new Option<string?>("--model", "-m") { Description = "The model folder (holding men/ and women/, or one model's meta.json; default: artifacts/track/model).", HelpName = "dir" };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON (and nothing else on standard output)." };
        var charts = new Option<string?>("--charts") { Description = "Also write the charts (forecast vs actual per event family, error by event, learning curves) as HTML into this folder.", HelpName = "dir" };
        var command = new Command("evaluate", "Score the models on their held-out test seasons against the baselines (last same-label peak, last peak, mean of past peaks, linear trend).")
        {
            model, json, charts,
        };
        data.AddTo(command);
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(model) ?? Path.Combine(context.Artifacts, "track", "model");
            var models = Lib.Track.Predict.TrackModels.Available(folder) is { Count: > 0 } genders
                ? genders.Select(g => TrackModel.Load(Lib.Track.Predict.TrackModels.FolderOf(folder, g))).ToList()
                : [Lib.Track.Predict.TrackModels.Open(folder)];
            var loaded = data.Load(context, parse);
            var report = new EvaluationReport([.. models.Select(m => TrackEvaluation.Run(loaded, m))]);
            foreach (var g in report.Genders.Where(g => !g.SameData))
                context.Error.WriteLine($"warning: the {(g.Gender == "F" ? "women's" : "men's")} model was trained on other data (fingerprint {g.Meta.DataFingerprint}, the cache has {loaded.Fingerprint}); the test windows may differ.");
            if (parse.GetValue(charts) is { } dir)
            {
                Directory.CreateDirectory(dir);
                foreach (var g in report.Genders)
                {
                    var who = g.Gender == "F" ? "women" : "men";
                    ChartHtml.Save(EvaluationCharts.PredictedVsActual(g),
                        Path.Combine(dir, $"{who}-forecast-vs-actual.html"));
                    ChartHtml.Save(EvaluationCharts.ErrorByEvent(g), Path.Combine(dir, $"{who}-error-by-event.html"));
                }
                ChartHtml.Save(EvaluationCharts.LearningCurves([.. report.Genders.Select(g => g.Meta)]),
                    Path.Combine(dir, "learning-curves.html"));
                context.Error.WriteLine($"Wrote the charts to {dir}.");
            }
            if (parse.GetValue(json))
            {
                context.Console.Profile.Out.Writer.WriteLine(report.ToJson());
                return 0;
            }
            context.Console.Profile.Out.Writer.WriteLine(report.ToString());
            return 0;
        });
        return command;
    }
}
