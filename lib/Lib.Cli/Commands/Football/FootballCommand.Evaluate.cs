using System.CommandLine;
using Lib.Charts;
using Lib.Football.Dataset;
using Lib.Football.Evaluate;
using Lib.Football.Ingest;
using Lib.Football.Model;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab football evaluate: the saved model against the baselines on the test games, per position group and play type.
internal static partial class FootballCommand
{
    private static Command EvaluateCommand(CliContext context)
    {
        var data = new DataOptions();
        var model = ModelOption();
        var charts = new Option<string?>("--charts")
        {
            Description =
                "Write error_by_horizon.html, play.html and for a mixture mixture_fan.html (standalone pages) here.",
            HelpName = "dir",
        };
        var command = new Command(
            "evaluate",
            "Score a trained model and the three baselines on the held-out games: ADE, FDE and miss rate at 1 s and "
                + "2 s per position group and play type, minADE/minFDE for a mixture, the coverage head."
        )
        {
            model,
            charts,
        };
        data.AddTo(command);
        command.SetAction(parse =>
        {
            var folder = ModelFolder(context, parse, model);
            var trained = FootballModel.Load(folder);
            var football = FootballDatasetStep.Run(
                data.Data(context, parse),
                data.Cache(context, parse),
                selection: TrainedSelection(data.Selection(parse), trained),
                progress: context.Progress
            );
            var evaluation = FootballEvaluateStep.Run(football, trained, progress: context.Progress);
            WriteEvaluation(context, evaluation, groups: true);
            if (parse.GetValue(charts) is { } dir)
            {
                Directory.CreateDirectory(dir);
                ChartHtml.Save(FootballCharts.ErrorByHorizon(evaluation), Path.Combine(dir, "error_by_horizon.html"));
                ChartHtml.Save(FootballCharts.Play(evaluation), Path.Combine(dir, "play.html"));
                var forecast = evaluation.ExampleForecasts[trained.Name];
                if (forecast.Modes > 1) // the mixture's modes for the first wide receiver of the example, else a player
                {
                    var nodes = evaluation.Example.Nodes;
                    int node = Enumerable.Range(0, nodes.Count).FirstOrDefault(i => nodes[i].Group == "WR", 0);
                    ChartHtml.Save(
                        FootballCharts.MixtureFan(evaluation.Example, forecast, node),
                        Path.Combine(dir, "mixture_fan.html")
                    );
                }
                context.Console.WriteLine($"Charts in {dir}.");
            }
            return 0;
        });
        return command;
    }

    /// <summary>The flags' selection; without <c>--weeks</c>, the weeks the model was trained on (its card), so the
    /// test games are those of its own split.</summary>
    private static TrackingSelection TrainedSelection(TrackingSelection flags, FootballModel model)
    {
        if (flags.Weeks.Count > 0)
            return flags;
        var weeks = model.Card.Training.Options.TryGetValue("weeks", out var w) ? w?.ToString() : null;
        return weeks is null or "all" ? flags : TrackingSelection.Of(flags.Seasons, TrackingSelection.ParseList(weeks));
    }
}
