using System.CommandLine;
using System.Globalization;
using Lib.Track.Domain;
using Lib.Track.Model;
using Lib.Track.Train;
using Lib.Tracking;
using Lib.Tuning;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab tune track: a study over one gender's model (TrackTuneStep), the comparison table and the best parameters.
internal static partial class TrackCommand
{
    /// <summary>The <c>track</c> subcommand of <c>lab tune</c>.</summary>
    internal static Command TuneCommand(CliContext context)
    {
        var data = new DataOptions();
        var trials = new Option<int>("--trials")
        {
            Description = "Random search: the number of trials.",
            DefaultValueFactory = _ => 20,
        };
        var search = new Option<string>("--search")
        {
            Description = "random (seeded draws) or grid (every combination; real ranges at --grid-points values).",
            DefaultValueFactory = _ => "random",
        };
        var gridPoints = new Option<int>("--grid-points")
        {
            Description = "Grid search: the values each real range contributes (ends included).",
            DefaultValueFactory = _ => 2,
        };
        var seed = new Option<long>("--seed")
        {
            Description = "The random search's seed.",
            DefaultValueFactory = _ => 0,
        };
        var halving = new Option<bool>("--halving")
        {
            Description =
                "Successive halving over epochs: all trials at max-epochs/9, the best third at 3 times that, and so "
                + "on up to --max-epochs.",
        };
        var gender = new Option<string>("--gender")
        {
            Description = "Tune the men's or the women's model.",
            DefaultValueFactory = _ => "men",
        };
        var maxEpochs = new Option<int>("--max-epochs")
        {
            Description = "Each trial's epoch limit (early stopping on the validation seasons still applies).",
            DefaultValueFactory = _ => 40,
        };
        var study = new Option<string?>("--study")
        {
            Description = "The study's name; the same name resumes it (default: track-men or track-women).",
            HelpName = "name",
        };
        var runs = new Option<string?>("--runs")
        {
            Description = "The tracking store (default: artifacts/mlruns).",
            HelpName = "dir",
        };
        var smoke = new Option<bool>("--smoke")
        {
            Description = "Start each trial from the tiny smoke settings (8 marks per season, batches of 128).",
        };
        var lr = new Option<string?>("--lr")
        {
            Description = "The learning rate's log-uniform range (default 3e-4:1e-2).",
            HelpName = "low:high",
        };
        var hidden = new Option<string?>("--hidden")
        {
            Description = "Both LSTMs' hidden sizes to choose from (default 16,32,64).",
            HelpName = "n,n,...",
        };
        var dropout = new Option<string?>("--dropout")
        {
            Description = "The dropout's uniform range (default 0:0.4).",
            HelpName = "low:high",
        };
        var decay = new Option<string?>("--weight-decay")
        {
            Description = "The weight decay's log-uniform range (default 1e-4:1e-1).",
            HelpName = "low:high",
        };

        var command = new Command(
            "track",
            "Tune the track forecaster of one gender: each trial trains on the training seasons and is judged by its "
                + "best validation error in percent of the mark (the test seasons stay unseen)."
        )
        {
            trials,
            search,
            gridPoints,
            seed,
            halving,
            gender,
            maxEpochs,
            study,
            runs,
            smoke,
            lr,
            hidden,
            dropout,
            decay,
        };
        data.AddTo(command);
        command.SetAction(
            (parse, cancellationToken) =>
            {
                var defaults = TrackSearchSpace.Default();
                var space = new SearchSpace()
                    .Add(Range(parse.GetValue(lr), "--lr", TrackSearchSpace.LearningRate, defaults, log: true))
                    .Add(Sizes(parse.GetValue(hidden), defaults))
                    .Add(Range(parse.GetValue(dropout), "--dropout", TrackSearchSpace.Dropout, defaults, log: false))
                    .Add(Range(parse.GetValue(decay), "--weight-decay", TrackSearchSpace.WeightDecay, defaults, true));
                var epochs = parse.GetValue(maxEpochs);
                if (epochs < 1)
                    throw new ArgumentException($"--max-epochs must be at least 1, got {Count(epochs)}.");
                int count = parse.GetValue(trials),
                    points = parse.GetValue(gridPoints);
                ISearchStrategy strategy = parse.GetValue(search)!.Trim().ToLowerInvariant() switch
                {
                    "random" when count < 1 => throw new ArgumentException(
                        $"--trials must be at least 1, got {Count(count)}."
                    ),
                    "random" => new RandomSearch(count, parse.GetValue(seed)),
                    "grid" when points < 1 => throw new ArgumentException(
                        $"--grid-points must be at least 1, got {Count(points)}."
                    ),
                    "grid" => new GridSearch(points),
                    var other => throw new ArgumentException($"--search '{other}' is not random or grid."),
                };
                var who =
                    GenderCodes.FromText(parse.GetValue(gender)!.Trim().ToLowerInvariant()) is { } g
                    && g is Gender.Men or Gender.Women
                        ? g
                        : throw new ArgumentException($"--gender '{parse.GetValue(gender)}' is not men or women.");
                var start = parse.GetValue(smoke) ? TrackTrainOptions.Smoke : new TrackTrainOptions();
                var request = new TrackTuneRequest
                {
                    Gender = who,
                    Options = start with { MaxEpochs = epochs, Patience = Math.Min(start.Patience, epochs) },
                    Space = space,
                    Search = strategy,
                    Halving = parse.GetValue(halving) ? TrackTuneRequest.HalvingUpTo(epochs) : null,
                    Study = parse.GetValue(study),
                };

                var loaded = data.Load(context, parse);
                var store = new TrackingStore(parse.GetValue(runs) ?? Path.Combine(context.Artifacts, "mlruns"));
                var result = TrackTuneStep.Run(loaded, request, store, context.Progress, cancellationToken);
                context.Console.Write(StudyTable.Of(result.Study));
                var s = result.Study;
                int reused = s.Trials.Count(t => t.Reused);
                context.Console.WriteLine(
                    $"Study {s.Name} in {store.Root} (experiment {TrackTuneStep.Experiment}): "
                        + $"{Count(s.Trials.Count)} trials, {Count(reused)} read back from earlier runs, "
                        + $"{Count(s.Trials.Count - reused)} run now."
                );
                if (s.Best is { } best && result.BestOptions is { } o)
                {
                    context.Console.WriteLine(
                        $"Best: trial {Count(best.Number)}, {TrackTuneStep.Metric} "
                            + $"{best.Value.ToString("0.000", CultureInfo.InvariantCulture)} with {best.Parameters.Key}"
                    );
                    context.Console.WriteLine(
                        $"Train it with: lab track train --gender {TrackModels.Name(who)} --epochs "
                            + $"{Count(o.MaxEpochs)} "
                            + $"--lr {Number(o.LearningRate)} --season-hidden {Count(o.Model.SeasonHidden)} "
                            + $"--across-hidden {Count(o.Model.AcrossHidden)} --dropout {Number(o.Model.Dropout)} "
                            + $"--weight-decay {Number(o.WeightDecay)}"
                            + (parse.GetValue(smoke) ? " --smoke" : "")
                    );
                }
                if (!s.Cancelled)
                    return Task.FromResult(0);
                context.Console.WriteLine("Stopped before the plan was done; run the same command to resume.");
                return Task.FromResult(1);
            }
        );
        return command;
    }

    /// <summary>A <c>low:high</c> range option, or the default space's domain when not given.</summary>
    private static ParameterDomain Range(string? text, string option, string name, SearchSpace defaults, bool log)
    {
        if (text is null)
            return defaults[name];
        var parts = text.Split(':');
        if (
            parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var low)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var high)
        )
            throw new ArgumentException($"{option} '{text}' is not a range low:high (say 1e-4:1e-2).");
        try
        {
            return log ? new LogUniformDomain(name, low, high) : new UniformDomain(name, low, high);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{option} '{text}': {e.Message}", e);
        }
    }

    /// <summary>The <c>--hidden</c> sizes, or the default space's choice when not given.</summary>
    private static ParameterDomain Sizes(string? text, SearchSpace defaults)
    {
        if (text is null)
            return defaults[TrackSearchSpace.Hidden];
        var sizes = new List<object>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
            sizes.Add(
                int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1
                    ? n
                    : throw new ArgumentException($"--hidden '{text}': '{part}' is not a size of at least 1.")
            );
        try
        {
            return new ChoiceDomain(TrackSearchSpace.Hidden, sizes);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"--hidden '{text}': {e.Message}", e);
        }
    }

    private static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
