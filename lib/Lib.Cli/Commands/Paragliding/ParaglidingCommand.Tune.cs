using System.CommandLine;
using System.Globalization;
using Lib.Paragliding.Train;
using Lib.Tracking;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab tune paragliding: the LR range test (optional) and a random search over Glideator's space (ParaglidingTuneStep),
// each trial a tracked run of a resumable study judged on the validation weeks; the table and the best parameters.
internal static partial class ParaglidingCommand
{
    /// <summary>The <c>paragliding</c> subcommand of <c>lab tune</c>.</summary>
    internal static Command TuneCommand(CliContext context)
    {
        var defaults = new ParaglidingTrainOptions();
        var data = new DataOptions();
        var trials = new Option<int>("--trials")
        {
            Description = "Random search: the number of trials (0: the LR sweep only).",
            DefaultValueFactory = _ => 20,
        };
        var seed = new Option<long>("--seed")
        {
            Description = "The random search's seed.",
            DefaultValueFactory = _ => 0,
        };
        var epochs = new Option<int>("--epochs")
        {
            Description = "Each trial's epoch limit (early stopping on the validation weeks still applies).",
            DefaultValueFactory = _ => defaults.Epochs,
        };
        var sweep = new Option<bool>("--lr-sweep")
        {
            Description = "First run the learning-rate range test on the training weeks (a run named lr-sweep).",
        };
        var sweepSteps = new Option<int>("--sweep-steps")
        {
            Description = "The range test's steps (1e-5 to 1, exponentially).",
            DefaultValueFactory = _ => 100,
        };
        var study = new Option<string>("--study")
        {
            Description = "The study's name; the same name resumes it.",
            HelpName = "name",
            DefaultValueFactory = _ => "paragliding",
        };
        var runs = RunsOption();
        var command = new Command(
            "paragliding",
            "Tune the XC-odds DCN: the LR range test and a random search over Glideator's space (learning rate, L1, "
                + "L2, monotonicity, decay, embedding width, cross layers); each trial trains on the training weeks "
                + "and is judged by its best validation loss (the test weeks stay unseen)."
        )
        {
            trials,
            seed,
            epochs,
            sweep,
            sweepSteps,
            study,
            runs,
        };
        data.AddTo(command);
        command.SetAction(
            (parse, cancellationToken) =>
            {
                int count = parse.GetValue(trials),
                    maxEpochs = parse.GetValue(epochs),
                    steps = parse.GetValue(sweepSteps);
                if (count < 0)
                    throw new ArgumentException($"--trials must be at least 0, got {N(count)}.");
                if (maxEpochs < 1)
                    throw new ArgumentException($"--epochs must be at least 1, got {N(maxEpochs)}.");
                if (steps < 2)
                    throw new ArgumentException($"--sweep-steps must be at least 2, got {N(steps)}.");
                if (count == 0 && !parse.GetValue(sweep))
                    throw new ArgumentException("--trials 0 without --lr-sweep leaves nothing to do.");
                var store = new TrackingStore(Runs(context, parse, runs));
                var start = defaults with { Epochs = maxEpochs, Patience = Math.Min(defaults.Patience, maxEpochs) };
                var prepared = data.Load(context, parse);
                if (parse.GetValue(sweep))
                {
                    var r = ParaglidingTuneStep.LearningRateSweep(prepared, start, steps, store: store);
                    context.Console.WriteLine(
                        $"LR sweep ({N(r.LearningRates.Count)} steps{(r.Diverged ? ", stopped at divergence" : "")}): "
                            + $"suggested {G(r.SuggestedLearningRate)}, lowest loss at {G(r.MinimumLossLearningRate)} "
                            + $"(run lr-sweep, experiment {ParaglidingTuneStep.Experiment})."
                    );
                }
                if (count == 0)
                    return Task.FromResult(0);
                var result = ParaglidingTuneStep.Search(
                    prepared,
                    start,
                    store,
                    count,
                    parse.GetValue(seed),
                    studyName: parse.GetValue(study)!,
                    progress: context.Progress,
                    cancellationToken: cancellationToken
                );
                context.Console.Write(StudyTable.Of(result, "0.0000"));
                int reused = result.Trials.Count(t => t.Reused);
                context.Console.WriteLine(
                    $"Study {result.Name} in {store.Root} (experiment {ParaglidingTuneStep.Experiment}): "
                        + $"{N(result.Trials.Count)} trials, {N(reused)} read back from earlier runs, "
                        + $"{N(result.Trials.Count - reused)} run now."
                );
                if (result.Best is { } best)
                {
                    var o = ParaglidingSearchSpace.Apply(start, best.Parameters);
                    context.Console.WriteLine(
                        $"Best: trial {N(best.Number)}, {ParaglidingTuneStep.Metric} "
                            + best.Value.ToString("0.0000", CultureInfo.InvariantCulture)
                            + $" with {best.Parameters.Key}"
                    );
                    context.Console.WriteLine(
                        $"Train it with: lab paragliding train --epochs {N(o.Epochs)} --lr {G(o.LearningRate)} "
                            + $"--lr-decay {G(o.LrDecay)} --monotonicity {G(o.Monotonicity)} --l1 {G(o.L1)} "
                            + $"--l2 {G(o.L2)} --embedding-dim {N(o.EmbeddingDim)} --cross-layers {N(o.CrossLayers)}"
                    );
                }
                if (!result.Cancelled)
                    return Task.FromResult(0);
                context.Console.WriteLine("Stopped before the plan was done; run the same command to resume.");
                return Task.FromResult(1);
            }
        );
        return command;
    }

    private static string G(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
