using System.CommandLine;
using System.Globalization;
using Lib.Football.Dataset;
using Lib.Football.Train;
using Lib.Tracking;
using Lib.Tuning;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab tune football: a learning-rate grid (FootballTuneStep) on the training games, judged on the validation games;
// the comparison table and the best rate.
internal static partial class FootballCommand
{
    /// <summary>The <c>football</c> subcommand of <c>lab tune</c>.</summary>
    internal static Command TuneCommand(CliContext context)
    {
        var data = new DataOptions();
        var config = new Option<string>("--config")
        {
            Description = "The settings every trial starts from: sanity, production, probabilistic or a YAML file.",
            HelpName = "name|file",
            DefaultValueFactory = _ => "production",
        };
        var lr = new Option<string>("--lr")
        {
            Description = "The learning rates' range, low:high; the grid takes --grid-points log-spaced values.",
            HelpName = "low:high",
            DefaultValueFactory = _ => "5e-4:5e-3",
        };
        var gridPoints = new Option<int>("--grid-points")
        {
            Description = "How many learning rates the grid tries (ends included).",
            DefaultValueFactory = _ => 3,
        };
        var maxEpochs = new Option<int?>("--max-epochs")
        {
            Description = "Each trial's epoch limit (default the config's; early stopping still applies).",
            HelpName = "n",
        };
        var probabilistic = new Option<bool>("--probabilistic")
        {
            Description = "Tune the mixture decoder (judged by validation minADE at 2 s).",
        };
        var study = new Option<string?>("--study")
        {
            Description = "The study's name; the same name resumes it (default: football or football-mixture).",
            HelpName = "name",
        };
        var runs = new Option<string?>("--runs")
        {
            Description = "The tracking store (default: artifacts/mlruns).",
            HelpName = "dir",
        };
        var command = new Command(
            "football",
            "Tune the football graph network's learning rate on a grid: each trial trains on the training games and "
                + "is judged by its best validation ADE at 2 s (the test games stay unseen)."
        )
        {
            config,
            lr,
            gridPoints,
            maxEpochs,
            probabilistic,
            study,
            runs,
        };
        data.AddTo(command);
        command.SetAction(
            (parse, cancellationToken) =>
            {
                var options = FootballTrainOptions.Named(
                    parse.GetValue(config)!,
                    Path.Combine(context.Root, "configs", "football")
                );
                if (parse.GetValue(probabilistic))
                    options = options with { Probabilistic = true };
                if (parse.GetValue(maxEpochs) is int e)
                    options =
                        e >= 1
                            ? options with
                            {
                                MaxEpochs = e,
                                Patience = Math.Min(options.Patience, e),
                            }
                            : throw new ArgumentException($"--max-epochs must be at least 1, got {N(e)}.");
                int points = parse.GetValue(gridPoints);
                if (points < 1)
                    throw new ArgumentException($"--grid-points must be at least 1, got {N(points)}.");
                var space = LearningRates(parse.GetValue(lr)!);
                var selection = options.Selection(data.Selection(parse));
                options = options with { Weeks = [.. selection.Weeks] };
                var football = FootballDatasetStep.Run(
                    data.Data(context, parse),
                    data.Cache(context, parse),
                    new SampleOptions { MaxPlays = options.MaxPlays },
                    selection: selection,
                    progress: context.Progress
                );
                var store = new TrackingStore(parse.GetValue(runs) ?? Path.Combine(context.Artifacts, "mlruns"));
                var result = FootballTuneStep.Run(
                    football,
                    options,
                    store,
                    space,
                    new GridSearch(points),
                    parse.GetValue(study),
                    context.Progress,
                    cancellationToken
                );
                context.Console.Write(StudyTable.Of(result));
                int reused = result.Trials.Count(t => t.Reused);
                context.Console.WriteLine(
                    $"Study {result.Name} in {store.Root} (experiment {FootballTuneStep.Experiment}): "
                        + $"{N(result.Trials.Count)} trials, {N(reused)} read back from earlier runs, "
                        + $"{N(result.Trials.Count - reused)} run now."
                );
                if (result.Best is { } best)
                {
                    var rate = best.Parameters.Get<double>(FootballTuneStep.LearningRate);
                    context.Console.WriteLine(
                        $"Best: trial {N(best.Number)}, {result.Metric} {Decimal(best.Value)} yd with "
                            + best.Parameters.Key
                    );
                    context.Console.WriteLine(
                        $"Train it with: lab football train --config {parse.GetValue(config)} --learning-rate "
                            + rate.ToString("G4", CultureInfo.InvariantCulture)
                            + (options.Probabilistic ? " --probabilistic" : "")
                    );
                }
                if (!result.Cancelled)
                    return Task.FromResult(0);
                context.Console.WriteLine("Stopped before the grid was done; run the same command to resume.");
                return Task.FromResult(1);
            }
        );
        return command;
    }

    /// <summary>The <c>--lr low:high</c> range as the study's space.</summary>
    private static SearchSpace LearningRates(string text)
    {
        var parts = text.Split(':');
        if (
            parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var low)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var high)
        )
            throw new ArgumentException($"--lr '{text}' is not a range low:high (say 5e-4:5e-3).");
        try
        {
            return FootballTuneStep.LearningRateGrid(low, high);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"--lr '{text}': {e.Message}", e);
        }
    }

    private static string Decimal(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
