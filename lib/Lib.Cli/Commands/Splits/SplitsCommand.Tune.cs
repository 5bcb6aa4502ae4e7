using System.CommandLine;
using System.Globalization;
using Lib.Splits.Dataset;
using Lib.Splits.Evaluate;
using Lib.Splits.Train;
using Lib.Tracking;
using Lib.Tuning;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab tune splits: the original's hyperparameter_search.sh grid (SplitsTuneStep) on one or more folds' training
// tracks, judged on their validation tracks; the comparison table and the lab splits train line of the best trial.
internal static partial class SplitsCommand
{
    /// <summary>The <c>splits</c> subcommand of <c>lab tune</c>.</summary>
    internal static Command TuneCommand(CliContext context)
    {
        var video = new VideoOptions();
        var search = new SearchOptions();
        var network = new NetworkOptions();
        Option<string?> Range(string name, string what) =>
            new(name)
            {
                Description = $"{what}: start:step:end (the values of seq start step end).",
                HelpName = "a:s:b",
            };
        var ranges = new (string Parameter, Option<string?> Option, bool Integers)[]
        {
            (SplitsTuneStep.AlphaSplit0, Range("--alpha-split-0-range", "Beta α from the start to split 1"), false),
            (SplitsTuneStep.Alpha, Range("--alpha-range", "Beta α after split 1"), false),
            (SplitsTuneStep.BetaSplit0, Range("--beta-split-0-range", "Beta β from the start to split 1"), false),
            (SplitsTuneStep.Beta, Range("--beta-range", "Beta β after split 1"), false),
            (SplitsTuneStep.ClipLength, Range("--clip-length-range", "Frames per clip (F)"), true),
            (SplitsTuneStep.NumAugmented, Range("--num-augmented-range", "Augmented positives per segment"), true),
        };
        Option<string[]> Switch(string name) =>
            new(name)
            {
                Description = "The original's frame position input switch: true and/or false (a grid axis).",
                HelpName = "true|false",
                AllowMultipleArgumentsPerToken = true,
            };
        var position = Switch("--add-position-feature");
        var percent = Switch("--add-percent-completion-feature");
        var testTracks = new Option<string[]>("--test-track")
        {
            Description =
                "The folds, by held-out track (repeatable; each trial trains one model per fold and is "
                + "judged on the folds' validation tracks). Default: the first track's fold.",
            HelpName = "id",
        };
        var objective = new Option<string>("--objective")
        {
            Description =
                "f1: the validation pairs' macro F1 (higher is better); mae: the search's mean absolute "
                + "error on the validation tracks in seconds (lower is better; F1 is logged too).",
            DefaultValueFactory = _ => "f1",
        };
        var epochs = new Option<int>("--epochs") { Description = "Epochs at most.", DefaultValueFactory = _ => 5 };
        var lr = new Option<double>("--lr") { Description = "Adam's learning rate.", DefaultValueFactory = _ => 1e-3 };
        var maxPairs = new Option<int?>("--max-train-pairs")
        {
            Description = "At most this many training pairs per trial and fold.",
            HelpName = "n",
            DefaultValueFactory = _ => 3000,
        };
        var study = new Option<string?>("--study")
        {
            Description = "The study's name; the same name resumes it (default: splits).",
            HelpName = "name",
        };
        var runs = new Option<string?>("--runs")
        {
            Description = "The tracking store (default: artifacts/mlruns).",
            HelpName = "dir",
        };
        var command = new Command(
            "splits",
            "Tune the split timer's samples on the original's grid (hyperparameter_search.sh): each trial draws the "
                + "clip pairs with its Beta parameters, clip length and augmented positives, trains the siamese LSTM "
                + "on a fold's training tracks and is judged on its validation track (the test track stays unseen). "
                + "Without a range, α and β are each tried at 0.5 and 1."
        );
        foreach (var (_, option, _) in ranges)
            command.Options.Add(option);
        foreach (
            var option in new Option[]
            {
                position,
                percent,
                testTracks,
                objective,
                epochs,
                lr,
                maxPairs,
                study,
                runs,
            }
        )
            command.Options.Add(option);
        video.AddTo(command);
        search.AddTo(command);
        network.AddTo(command);
        command.SetAction(
            (parse, cancellationToken) =>
            {
                var goal = parse.GetValue(objective) switch
                {
                    "f1" => SplitsTuneObjective.MacroF1,
                    "mae" => SplitsTuneObjective.SearchMae,
                    var other => throw new ArgumentException($"--objective must be f1 or mae; got '{other}'."),
                };
                SearchSpace? space = null;
                foreach (var (parameter, option, integers) in ranges)
                    if (parse.GetValue(option) is { } text)
                    {
                        ChoiceDomain domain;
                        try
                        {
                            domain = SeqRange.Parse(parameter, text, integers);
                        }
                        catch (ArgumentException e)
                        {
                            throw new ArgumentException($"{option.Name} '{text}': {e.Message}", e);
                        }
                        space = (space ?? new SearchSpace()).Add(domain);
                    }
                foreach (
                    var (parameter, option) in new[]
                    {
                        (SplitsTuneStep.AddPositionFeature, position),
                        (SplitsTuneStep.AddPercentCompletionFeature, percent),
                    }
                )
                    if (parse.GetValue(option) is { Length: > 0 } words)
                    {
                        var values = words
                            .Select(w =>
                                w switch
                                {
                                    "true" => true,
                                    "false" => false,
                                    _ => throw new ArgumentException(
                                        $"{option.Name} takes true and/or false; got '{w}'."
                                    ),
                                }
                            )
                            .ToList();
                        if (values.Distinct().Count() != values.Count)
                            throw new ArgumentException($"{option.Name} lists a value twice.");
                        space = (space ?? new SearchSpace()).Add(new ChoiceDomain(parameter, values.Cast<object>()));
                    }
                var options = network.Apply(
                    parse,
                    new SplitsTrainOptions
                    {
                        Epochs = parse.GetValue(epochs),
                        LearningRate = parse.GetValue(lr),
                        MaxTrainPairs = parse.GetValue(maxPairs),
                    }
                );
                var findOptions = search.Read(parse);
                var (config, folder) = video.Source(context, parse);
                var videos = SplitVideos.Load(config, folder, video.FeatureSource(context, parse));
                var wanted = parse.GetValue(testTracks);
                var request = new SplitsTuneRequest
                {
                    Videos = videos,
                    Feature = parse.GetValue(video.Features)!,
                    Options = options,
                    Space = space,
                    TestTracks = wanted is { Length: > 0 } ? wanted : null,
                    Objective = goal,
                    Find = findOptions,
                    StudyName = parse.GetValue(study),
                    RunsFolder = parse.GetValue(runs) ?? Path.Combine(context.Artifacts, "mlruns"),
                };
                var folds = SplitsTuneStep.Folds(request);
                var result = SplitsTuneStep.Run(request, context.Progress, cancellationToken);
                context.Console.Write(StudyTable.Of(result));
                int reused = result.Trials.Count(t => t.Reused);
                context.Console.WriteLine(
                    $"Study {result.Name} in {request.RunsFolder} (experiment {SplitsTuneStep.Experiment}): "
                        + $"{N(result.Trials.Count)} trials, {N(reused)} read back from earlier runs, "
                        + $"{N(result.Trials.Count - reused)} run now; judged on "
                        + string.Join(", ", folds.Select(f => f.ValidationTrack))
                        + " (test "
                        + string.Join(", ", folds.Select(f => f.TestTrack))
                        + " unseen)."
                );
                if (result.Best is { } best)
                {
                    context.Console.WriteLine(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"Best: trial {best.Number}, {result.Metric} {best.Value:0.000} with {best.Parameters.Key}"
                        )
                    );
                    var chosen = SplitsTuneStep.Apply(options, best.Parameters);
                    context.Console.WriteLine(
                        "Train it with: "
                            + TrainLine(parse, video, chosen, folds.Select(f => f.TestTrack))
                            + (goal == SplitsTuneObjective.SearchMae ? SearchLine(parse, search) : "")
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

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The search options as given (the search's error judged the trials, so the line evaluates with the
    /// same search).</summary>
    private static string SearchLine(ParseResult parse, SearchOptions search)
    {
        static string D(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        return $" --search {parse.GetValue(search.Search)} --align-on {parse.GetValue(search.AlignOn)} --place-on "
            + $"{parse.GetValue(search.PlaceOn)} --fit-window {D(parse.GetValue(search.FitWindow))} --end-window "
            + $"{D(parse.GetValue(search.EndWindow))} --end-gap {D(parse.GetValue(search.EndGap))}"
            + (parse.GetValue(search.EndCut) ? " --end-cut" : "")
            + $" --stride {N(parse.GetValue(search.Stride))}";
    }

    /// <summary>The <c>lab splits train</c> line that trains <paramref name="o"/> on the same data and folds.</summary>
    private static string TrainLine(
        ParseResult parse,
        VideoOptions video,
        SplitsTrainOptions o,
        IEnumerable<string> testTracks
    )
    {
        static string D(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var words = new List<string> { "lab splits train" };
        if (parse.GetValue(video.Config) is { } config)
            words.AddRange(["--config", config, "--videos", parse.GetValue(video.Videos)!]);
        words.AddRange(["--features", parse.GetValue(video.Features)!, "--rate", D(parse.GetValue(video.Rate))]);
        if (parse.GetValue(video.Cache) is { } cache)
            words.AddRange(["--cache", cache]);
        foreach (var t in testTracks)
            words.AddRange(["--test-track", t]);
        words.AddRange([
            "--epochs",
            N(o.Epochs),
            "--lr",
            D(o.LearningRate),
            "--batch-size",
            N(o.BatchSize),
            "--hidden",
            N(o.HiddenSize),
            "--compress",
            N(o.CompressSizes.FirstOrDefault()),
            "--post-lstm",
            N(o.PostLstmSizes.FirstOrDefault()),
            "--dropout",
            o.Dropout.ToString("R", CultureInfo.InvariantCulture),
        ]);
        if (o.MaxTrainPairs is int max)
            words.AddRange(["--max-train-pairs", N(max)]);
        words.AddRange(["--seed", N(o.Seed), "--negatives", N(o.Samples.NegativesPerPositive)]);
        if (o.Samples.IgnoreFirstSplit)
            words.Add("--ignore-first-split");
        if (o.AddPositionFeature)
            words.Add("--add-position-feature");
        if (o.AddPercentCompletionFeature)
            words.Add("--add-percent-completion-feature");
        var s = o.Samples;
        words.AddRange([
            "--clip-length",
            N(s.ClipLength),
            "--augmented",
            N(s.AugmentedPerSegment),
            "--alpha-split-0",
            D(s.AlphaSplit0),
            "--alpha",
            D(s.Alpha),
            "--beta-split-0",
            D(s.BetaSplit0),
            "--beta",
            D(s.Beta),
        ]);
        return string.Join(' ', words);
    }
}
