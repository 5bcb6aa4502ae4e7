using System.CommandLine;
using Lib.Track.Evaluate;
using Lib.Track.Model;

namespace Lib.Cli.Commands;

// lab track evaluate: the models on their held-out test seasons against the baselines.
internal static partial class TrackCommand
{
    private static Command EvaluateCommand(CliContext context)
    {
        var data = new DataOptions();
        var model = new Option<string?>("--model", "-m")
        {
            Description =
                "The model folder (holding men/ and women/, or one model's model.json; default: "
                + "artifacts/track/model).",
            HelpName = "dir",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print the scores as JSON (and nothing else on standard output).",
        };
        var families = new Option<bool>("--families")
        {
            Description = "Print the percent error per gender and event family as a Markdown table instead.",
        };
        var charts = new Option<string?>("--charts")
        {
            Description =
                "Also write the charts (forecast vs actual per event family, error by event, learning curves) "
                + "as HTML into this folder.",
            HelpName = "dir",
        };
        var command = new Command(
            "evaluate",
            "Score the models on their held-out test seasons against the baselines (last same-label peak, last "
                + "peak, mean of past peaks, linear trend)."
        )
        {
            model,
            json,
            families,
            charts,
        };
        data.AddTo(command);
        command.SetAction(parse =>
        {
            var models = TrackModels.OpenAll(
                parse.GetValue(model) ?? Path.Combine(context.Artifacts, "track", "model")
            );
            var loaded = data.Load(context, parse);
            var report = TrackEvaluateStep.Run(loaded, models);
            foreach (var g in report.Genders.Where(g => !g.SameData))
                context.Error.WriteLine(
                    $"warning: the {TrackModels.Possessive(g.Gender)} model was trained on other data "
                        + $"(fingerprint {g.Card.DataFingerprint}, the cache has {loaded.Fingerprint}); the test "
                        + "windows may differ."
                );
            if (parse.GetValue(charts) is { } dir)
            {
                TrackEvaluateStep.SaveCharts(report, dir);
                context.Error.WriteLine($"Wrote the charts to {dir}.");
            }
            context.Console.Profile.Out.Writer.WriteLine(
                parse.GetValue(json) ? report.ToJson()
                : parse.GetValue(families)
                    ? string.Concat(report.Genders.Select((g, i) => FamilyTable.Markdown(g.Who, g.Scores, i == 0)))
                : report.ToString()
            );
            return 0;
        });
        return command;
    }
}
