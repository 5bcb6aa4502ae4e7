using System.CommandLine;
using System.Globalization;
using Lib.Tensors.Training;
using Lib.Torch.Track;
using Lib.Track.Domain;
using Lib.Track.Model;
using Lib.Track.Train;
using Lib.Tracking;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab track train: one model per gender, saved as <out>/men and <out>/women, recorded in the tracking store.
internal static partial class TrackCommand
{
    private static Command TrainCommand(CliContext context)
    {
        var defaults = new TrackTrainOptions();
        var data = new DataOptions();
        var output = new Option<string?>("--out", "-o")
        {
            Description = "The model folder: men/ and women/ are written into it (default: artifacts/track/model).",
            HelpName = "dir",
        };
        var gender = new Option<string>("--gender")
        {
            Description = "Train men, women or both.",
            DefaultValueFactory = _ => "both",
        };
        var smoke = new Option<bool>("--smoke")
        {
            Description = "Tiny settings for a quick check (3 epochs, small LSTMs); other options still apply on top.",
        };
        var epochs = new Option<int?>("--epochs") { Description = $"The epoch limit (default {defaults.MaxEpochs})." };
        var patience = new Option<int?>("--patience")
        {
            Description = $"Epochs without a better validation error before stopping (default {defaults.Patience}).",
        };
        var batch = new Option<int?>("--batch-size")
        {
            Description = $"Windows per batch (default {defaults.BatchSize}).",
        };
        var lr = new Option<double?>("--lr")
        {
            Description =
                $"AdamW's learning rate (default {defaults.LearningRate.ToString(CultureInfo.InvariantCulture)}).",
        };
        var decay = new Option<double?>("--weight-decay")
        {
            Description =
                $"AdamW's weight decay (default {defaults.WeightDecay.ToString(CultureInfo.InvariantCulture)}).",
        };
        var seed = new Option<long?>("--seed")
        {
            Description = "The seed of initialisation, shuffling and dropout (default 0).",
        };
        var seasons = new Option<int?>("--seasons")
        {
            Description = $"K, the seasons a window reads (default {defaults.Model.Seasons}).",
        };
        var marks = new Option<int?>("--marks")
        {
            Description = $"L, the latest marks kept per season (default {defaults.Model.MarksPerSeason}).",
        };
        var seasonHidden = new Option<int?>("--season-hidden")
        {
            Description = $"The season LSTM's hidden size (default {defaults.Model.SeasonHidden}).",
        };
        var acrossHidden = new Option<int?>("--across-hidden")
        {
            Description = $"The across-season LSTM's hidden size (default {defaults.Model.AcrossHidden}).",
        };
        var labelDim = new Option<int?>("--label-embedding")
        {
            Description = $"The season-label embedding's size (default {defaults.Model.LabelEmbedding}).",
        };
        var head = new Option<string?>("--head")
        {
            Description = "The per-event heads: mlp32, layernorm (layer-norm + linear, the default) or linear.",
        };
        var shared = new Option<bool?>("--shared-head")
        {
            Description = "Add an output layer shared by all events (default true).",
        };
        var dropout = new Option<float?>("--dropout")
        {
            Description =
                "Dropout on the heads' input (default "
                + $"{defaults.Model.Dropout.ToString(CultureInfo.InvariantCulture)}).",
        };
        var refit = new Option<bool?>("--refit")
        {
            Description =
                "After early stopping and the blend and trees' mix fitted on validation, retrain the networks on "
                + "training + validation windows (pooled: the other gender's too) for the epochs validation chose; "
                + "the blend, trees and mix stay "
                + $"(default {defaults.Refit.ToString().ToLowerInvariant()}).",
        };
        var backtest = new Option<int?>("--backtest")
        {
            Description =
                "Leave out the latest N target seasons and split what precedes them as usual: a rehearsal of the "
                + "test on earlier seasons, for choosing settings without the test seasons; evaluate then scores the "
                + "rehearsal's test seasons (default 0: none).",
        };
        var pool = new Option<bool?>("--pool-genders")
        {
            Description =
                "Also train each gender's model on the other gender's training windows of the same events "
                + "(default true).",
        };
        var blend = new Option<bool?>("--blend")
        {
            Description =
                "Fit per event family how much of the network's change from the last peak to keep, on the "
                + "validation seasons (default true).",
        };
        var ensemble = new Option<int?>("--ensemble")
        {
            Description = $"Networks trained with consecutive seeds and averaged (default {defaults.Ensemble}).",
        };
        var trees = new Option<int?>("--trees")
        {
            Description =
                "Boosted trees (ML.NET FastTree) on the windows' hand-made features, mixed with the network per "
                + $"event family on the validation seasons: how many (0: none; default {defaults.Trees?.Trees ?? 0}).",
        };
        var treeLeaves = new Option<int?>("--tree-leaves")
        {
            Description = $"Leaves per boosted tree (default {(defaults.Trees ?? new TreeSettings()).Leaves}).",
        };
        var treeRate = new Option<double?>("--tree-lr")
        {
            Description = string.Create(
                CultureInfo.InvariantCulture,
                $"The boosted trees' learning rate (default {(defaults.Trees ?? new TreeSettings()).LearningRate})."
            ),
        };
        var meanOfPeaks = new Option<bool?>("--mean-of-peaks")
        {
            Description =
                "Also mix the window's mean of peaks in per event family after the trees, shares fitted on the "
                + $"validation seasons (default {(defaults.Trees ?? new TreeSettings()).MeanOfPeaks.ToString()
                    .ToLowerInvariant()}).",
        };
        var subsample = new Option<double?>("--tree-subsample")
        {
            Description = "The share of training windows each boosted tree sees (default 1: all).",
        };
        var featureFraction = new Option<double?>("--tree-features")
        {
            Description = "The share of the window features each boosted tree may split on (default 1: all).",
        };
        var bags = new Option<int?>("--tree-bags")
        {
            Description =
                "Boosted tree models grown with consecutive seeds and averaged (default 1; they differ only with "
                + "--tree-subsample or --tree-features below 1).",
        };
        var precision = DeviceOptions.CreatePrecision();
        var device = DeviceOptions.Create();
        var runs = new Option<string?>("--runs")
        {
            Description = "The tracking store (default: artifacts/mlruns).",
            HelpName = "dir",
        };

        var command = new Command(
            "train",
            "Train the next-season-peak forecaster, one model per gender, on the cached athletes' event "
                + "histories (time-aware split; early stopping on the validation seasons)."
        )
        {
            output,
            gender,
            smoke,
            epochs,
            patience,
            batch,
            lr,
            decay,
            seed,
            seasons,
            marks,
            seasonHidden,
            acrossHidden,
            labelDim,
            head,
            shared,
            dropout,
            refit,
            backtest,
            pool,
            blend,
            ensemble,
            trees,
            treeLeaves,
            treeRate,
            meanOfPeaks,
            subsample,
            featureFraction,
            bags,
            precision,
            device,
            runs,
        };
        data.AddTo(command);
        command.SetAction(parse =>
        {
            var o = parse.GetValue(smoke) ? TrackTrainOptions.Smoke : defaults;
            var m = o.Model;
            m = m with
            {
                Seasons = parse.GetValue(seasons) ?? m.Seasons,
                MarksPerSeason = parse.GetValue(marks) ?? m.MarksPerSeason,
                SeasonHidden = parse.GetValue(seasonHidden) ?? m.SeasonHidden,
                AcrossHidden = parse.GetValue(acrossHidden) ?? m.AcrossHidden,
                LabelEmbedding = parse.GetValue(labelDim) ?? m.LabelEmbedding,
                Head = parse.GetValue(head) is { } h ? TrackModelConfig.ParseHead(h) : m.Head,
                SharedHead = parse.GetValue(shared) ?? m.SharedHead,
                Dropout = parse.GetValue(dropout) ?? m.Dropout,
            };
            try
            {
                m.Validate();
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException(e.Message.Replace("Model setting ", "--", StringComparison.Ordinal), e);
            }
            o = o with
            {
                Model = m,
                MaxEpochs = parse.GetValue(epochs) ?? o.MaxEpochs,
                Patience = parse.GetValue(patience) ?? o.Patience,
                BatchSize = parse.GetValue(batch) ?? o.BatchSize,
                LearningRate = parse.GetValue(lr) ?? o.LearningRate,
                WeightDecay = parse.GetValue(decay) ?? o.WeightDecay,
                Seed = parse.GetValue(seed) ?? o.Seed,
                Refit = parse.GetValue(refit) ?? o.Refit,
                Backtest = parse.GetValue(backtest) ?? o.Backtest,
                PoolGenders = parse.GetValue(pool) ?? o.PoolGenders,
                Blend = parse.GetValue(blend) ?? o.Blend,
                Ensemble = parse.GetValue(ensemble) ?? o.Ensemble,
                Precision = DeviceOptions.Precision(parse.GetValue(precision), parse.GetValue(device)),
            };
            var grown = o.Trees ?? new TreeSettings();
            grown = grown with
            {
                Trees = parse.GetValue(trees) ?? (o.Trees is null ? 0 : grown.Trees),
                Leaves = parse.GetValue(treeLeaves) ?? grown.Leaves,
                LearningRate = parse.GetValue(treeRate) ?? grown.LearningRate,
                MeanOfPeaks = parse.GetValue(meanOfPeaks) ?? grown.MeanOfPeaks,
                Subsample = parse.GetValue(subsample) ?? grown.Subsample,
                FeatureFraction = parse.GetValue(featureFraction) ?? grown.FeatureFraction,
                Bags = parse.GetValue(bags) ?? grown.Bags,
            };
            if (grown.Trees < 0 || grown.Leaves < 2 || grown.LearningRate <= 0 || grown.Bags < 1)
                throw new ArgumentException(
                    "--trees must be at least 0, --tree-leaves 2, --tree-lr above 0 and --tree-bags at least 1."
                );
            if (grown.Subsample is <= 0 or > 1 || grown.FeatureFraction is <= 0 or > 1)
                throw new ArgumentException("--tree-subsample and --tree-features must be above 0 and at most 1.");
            o = o with { Trees = grown.Trees == 0 ? null : grown };
            if (o.MaxEpochs < 1 || o.Patience < 1 || o.BatchSize < 1 || o.Ensemble < 1)
                throw new ArgumentException("--epochs, --patience, --batch-size and --ensemble must be at least 1.");
            if (o.Backtest < 0)
                throw new ArgumentException($"--backtest must be 0 or more, not {o.Backtest}.");
            var genders = parse.GetValue(gender)!.Trim().ToLowerInvariant() switch
            {
                "both" or "all" => new[] { Gender.Men, Gender.Women },
                var g when GenderCodes.FromText(g) is Gender.Men or Gender.Women => [GenderCodes.FromText(g)!.Value],
                var g => throw new ArgumentException($"--gender '{g}' is not men, women or both."),
            };

            var on = DeviceOptions.Parse(parse.GetValue(device));
            var loaded = data.Load(context, parse);
            var folder = parse.GetValue(output) ?? Path.Combine(context.Artifacts, "track", "model");
            var store = new TrackingStore(parse.GetValue(runs) ?? Path.Combine(context.Artifacts, "mlruns"));
            var plan = TrackTrainStep.Plan(loaded, o);
            context.Error.WriteLine(
                $"Split by target season: validation {string.Join(", ", plan.Validation)}; test "
                    + $"{string.Join(", ", plan.Test)} (held out); training before {plan.Cutoff}"
                    + (o.Backtest > 0 ? $"; a backtest: the latest {o.Backtest} target seasons left out." : ".")
            );
            if (on.UsesTorch)
                context.Error.WriteLine($"Training on {on.Name}: the TorchSharp twin of the hierarchical LSTM.");
            var models = TrackTrainStep.Run(
                loaded,
                o,
                folder,
                genders,
                context.Progress,
                store,
                fit: TorchTrackFit.For(on)
            );

            var table = new Spectre.Console.Table().AddColumns(
                "model",
                "train windows",
                "validation windows",
                "epochs",
                "best epoch",
                "validation error %",
                "blended %",
                "last peak %",
                "parameters",
                "seconds"
            );
            foreach (var model in models)
            {
                var t = model.Card.Training;
                table.AddRow(
                    TrackModels.Name(model.Gender),
                    Count(t.TrainSamples),
                    Count(t.ValidationSamples),
                    Count(t.Epochs),
                    Count(t.BestEpoch + 1),
                    double.IsNaN(t.BestValue) ? "" : t.BestValue.ToString("0.000", CultureInfo.InvariantCulture),
                    model.Inputs.Blend?.ValidationError.Blend.ToString("0.000", CultureInfo.InvariantCulture) ?? "",
                    model.Inputs.Blend?.ValidationError.Base.ToString("0.000", CultureInfo.InvariantCulture) ?? "",
                    t.Parameters.ToString(CultureInfo.InvariantCulture),
                    t.Seconds.ToString("0.0", CultureInfo.InvariantCulture)
                );
            }
            context.Console.Write(table);
            foreach (var model in models)
                if (model.Inputs.Trees is { } mix)
                    context.Console.WriteLine(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"The {TrackModels.Possessive(model.Gender)} boosted trees: validation error "
                                + $"{mix.ValidationError.Trees:0.000}% alone, {mix.ValidationError.Mix:0.000}% mixed "
                                + $"with the blended network ({mix.ValidationError.Network:0.000}%); cross-fitted "
                                + $"mix {mix.ValidationError.CrossFitted:0.000}%, with the mean of peaks "
                                + $"{mix.ValidationError.CrossFittedWithMean:0.000}%"
                                + $"{(mix.MeanShares is null ? "." : " (kept).")}"
                        )
                    );
            if (o.Refit)
                context.Console.WriteLine(
                    "Then refitted on training + validation windows (the train windows above count both); the "
                        + "validation errors are the first networks', on which the epochs, blend and mix were chosen."
                );
            foreach (var model in models)
                context.Console.WriteLine(
                    $"Saved the {TrackModels.Possessive(model.Gender)} model to "
                        + $"{TrackModels.FolderOf(folder, model.Gender)}."
                );
            context.Console.WriteLine($"Evaluate it on the test seasons with: lab track evaluate --model {folder}");
            return 0;
        });
        return command;
    }
}
