using System.Diagnostics;
using Lib.Display;
using Lib.Tensors;
using Lib.Tensors.Data;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;
using Lib.Tensors.Training;
using Lib.Track.Cache;
using Lib.Track.Dataset;
using Lib.Track.Domain;
using Lib.Track.Model;
using Lib.Tracking;
using Lib.Workflow;

namespace Lib.Track.Train;

/// <summary>
/// Trains one gender's forecaster: windows of that gender's athletes' event histories, the plan's training windows to
/// fit the per-event standardisation and the weights (AdamW, L1 loss in z-space, clipped gradients), its validation
/// windows to stop early on the error in percent of the mark (the engine's
/// <see cref="TrainerBase{TBatch}.RestoreBestWeights"/> ends it with the weights of the best validation epoch) and to
/// fit the blend and the trees' mix; with <see cref="TrackTrainOptions.Refit"/> (the default) the networks and the
/// standardisation are then fitted again on training + validation windows. Test windows are never touched.
/// </summary>
public static class TrackTrainer
{
    /// <summary>The validation metric early stopping watches: mean absolute error in percent of the actual
    /// peak.</summary>
    public const string ValidationMetric = "val_pct";

    /// <summary>The engine's training loop for the hierarchical model: the forecast and the L1 loss (or the
    /// percent loss when <see cref="TrackTrainOptions.PercentLoss"/>).</summary>
    public static IFitStrategy<HierarchicalLstm, TrackBatch, TrackTrainOptions> Engine { get; } =
        new EngineFit<HierarchicalLstm, TrackBatch, TrackTrainOptions>(
            (network, batch) => network.Forward(batch),
            (output, batch, options) =>
                options.PercentLoss
                    ? output.Sub(batch.Target).Abs().Mul(batch.Weight).Mean()
                    : Functional.L1Loss(output, batch.Target)
        );

    /// <summary>Trains and returns the model (save it with <see cref="TrackModel.Save"/>).</summary>
    /// <param name="data">The loaded cache.</param>
    /// <param name="gender">Men or women.</param>
    /// <param name="plan">The split, the same for both genders (<see cref="SplitPlan.Latest"/> over all
    /// windows).</param>
    /// <param name="options">Model and optimiser settings.</param>
    /// <param name="progress">Where to show progress (one task counting optimizer steps).</param>
    /// <param name="run">A tracked run to log parameters and per-epoch metrics into.</param>
    /// <param name="cancellationToken">Stops training between batches.</param>
    /// <param name="fit">Where the training loop runs: <see cref="Engine"/> (the default) or a TorchSharp twin's
    /// strategy from <c>Lib.Torch</c> (<c>--device torch-cpu | cuda</c>); the model is the same either way.</param>
    public static TrackModel Train(
        TrackData data,
        Gender gender,
        SplitPlan plan,
        TrackTrainOptions options,
        IProgressReporter? progress = null,
        TrackedRun? run = null,
        CancellationToken cancellationToken = default,
        IFitStrategy<HierarchicalLstm, TrackBatch, TrackTrainOptions>? fit = null
    )
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        var config = options.Model.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Ensemble, 1, nameof(options));
        var windows = Windows.Build(data.Of(gender), config.Seasons);
        var train = plan.Select(windows, WindowSplit.Train);
        if (train.Count == 0)
            throw new InvalidOperationException(
                $"No {gender} windows forecast a season before {plan.Cutoff}: nothing to train on."
            );
        var validation = plan.Select(windows, WindowSplit.Validation);
        var borrowed = options.PoolGenders
            ? plan.Select(Windows.Build(data.Of(Other(gender)), config.Seasons), WindowSplit.Train)
            : [];
        var watch = Stopwatch.StartNew();
        fit ??= Engine;
        var parameters = Parameters(gender, plan, options, train.Count, validation.Count);
        parameters["device"] = fit.Device.Name;
        run?.LogParams(parameters);
        var first = Fit(
            train,
            borrowed,
            validation,
            options,
            options.MaxEpochs,
            progress,
            $"Training the {TrackModels.Name(gender)}'s model",
            run,
            fit,
            cancellationToken
        );
        // An ensemble: more members trained as the first (early-stopped on validation), each with the next seed; the
        // standardisation is fitted on the same windows, so it is the first's.
        var members = new List<Fitted> { first };
        for (var k = 1; k < options.Ensemble; k++)
            members.Add(Fit(train, borrowed, validation, options with { Seed = options.Seed + k }, options.MaxEpochs,
                progress, $"Training the {TrackModels.Name(gender)}'s model, member {k + 1} of {options.Ensemble}",
                null, fit, cancellationToken));
        var inputs = new TrackInputs
        {
            Gender = gender,
            Events = first.Encoder.Events,
            Scales = new Dictionary<string, EventScale>(first.Encoder.Scales, StringComparer.Ordinal),
            ValidationSeasons = [.. plan.Validation.Select(s => s.ToString())],
            TestSeasons = [.. plan.Test.Select(s => s.ToString())],
            Sources = [.. data.Sources.Select(s => $"{s.Adapter} <{s.File}>")],
            Members = members.Count,
        };
        BoostedTrees? trees = null;
        if (options.Blend)
        {
            var blend = BlendFitter.Fit(Model(), validation);
            if (run is not null)
            {
                run.LogMetric("val_pct_network", blend.ValidationError.Network);
                run.LogMetric("val_pct_blend", blend.ValidationError.Blend);
                run.LogMetric("val_pct_last_peak", blend.ValidationError.Base);
            }
            inputs = inputs with { Blend = blend };
            if (options.Trees is { } settings)
            {
                // The boosted trees (issue 19): grown on the same training windows (and the other gender's, when
                // pooled, in their own gender's scales), mixed with the blended network per family on validation.
                var (rows, gains) = TreeFitter.Rows(train, first.Encoder.Scales);
                if (borrowed.Count > 0)
                {
                    var (theirRows, theirGains) = TreeFitter.Rows(borrowed, EventScales.Fit(borrowed));
                    rows.AddRange(theirRows);
                    gains.AddRange(theirGains);
                }
                trees = TreeFitter.Grow(rows, gains, settings, (int)options.Seed);
                var mix = TreeFitter.Fit(Model(), trees, validation, settings);
                if (run is not null)
                {
                    run.LogMetric("val_pct_trees", mix.ValidationError.Trees);
                    run.LogMetric("val_pct_mix", mix.ValidationError.Mix);
                }
                inputs = inputs with { Trees = mix };
            }
        }
        if (options.Refit)
        {
            // Every member trained afresh on training + validation windows for the epochs validation chose for it; the
            // blend, the trees and their mix stay as fitted above (regrowing the trees on both was tried: as good on
            // the backtests, worse on the NCAA lists' 2017 cross-check). The trees then read the windows' features
            // in the refitted standardisation, which moves only the z of the last peak among them.
            List<Window> all = [.. train, .. validation];
            List<Window> allBorrowed = options.PoolGenders
                ?
                [
                    .. borrowed,
                    .. plan.Select(Windows.Build(data.Of(Other(gender)), config.Seasons), WindowSplit.Validation),
                ]
                : [];
            members =
            [
                .. members.Select(
                    (m, k) =>
                    {
                        var epochs = (m.History.BestEpoch ?? m.History.Epochs.Count - 1) + 1;
                        return Fit(all, allBorrowed, null, options with { Seed = options.Seed + k }, epochs,
                            progress, $"Refitting the {TrackModels.Name(gender)}'s model"
                                + (members.Count > 1 ? $", member {k + 1}," : "")
                                + $" on train + validation ({epochs} epochs)", null, fit, cancellationToken);
                    }
                ),
            ];
            inputs = inputs with
            {
                Events = members[0].Encoder.Events,
                Scales = new Dictionary<string, EventScale>(members[0].Encoder.Scales, StringComparer.Ordinal),
            };
        }
        watch.Stop();
        if (run is not null)
        {
            run.LogMetric("parameters", members[0].Network.NumParameters());
            run.LogMetric("train_seconds", watch.Elapsed.TotalSeconds);
            run.LogMetric("best_epoch", first.History.BestEpoch ?? first.History.Epochs.Count - 1);
        }
        return Model(trees);

        // The model of the current inputs and members (the first networks until the refit replaces them).
        TrackModel Model(BoostedTrees? withTrees = null) =>
            new(Card(inputs), members[0].Network, [.. members.Skip(1).Select(m => m.Network)], withTrees);

        ModelCard<TrackModelConfig, TrackInputs> Card(TrackInputs cardInputs)
        {
            var summary = TrainingSummary.Of(
                first.History,
                options.MaxEpochs,
                ValidationMetric,
                options.Refit ? train.Count + validation.Count : train.Count,
                first.Validation,
                watch.Elapsed.TotalSeconds,
                members[0].Network.NumParameters(),
                parameters
            );
            return new ModelCard<TrackModelConfig, TrackInputs>
            {
                Format = TrackModel.Format,
                Config = config,
                Inputs = cardInputs,
                DataFingerprint = data.Fingerprint,
                Training = summary,
                History = first.History.Epochs,
                Metrics = first.History.Epochs[summary.BestEpoch].Metrics,
            };
        }
    }

    private sealed record Fitted(
        HierarchicalLstm Network,
        WindowEncoder Encoder,
        TrainingHistory History,
        int Validation
    );

    /// <summary>
    /// Fits a fresh network on <paramref name="train"/> for at most <paramref name="epochs"/> epochs, early-stopped on
    /// <paramref name="validation"/> when given and then holding the best validation epoch's weights.
    /// </summary>
    private static Fitted Fit(
        List<Window> train,
        List<Window> borrowed,
        List<Window>? validation,
        TrackTrainOptions options,
        int epochs,
        IProgressReporter? progress,
        string description,
        TrackedRun? run,
        IFitStrategy<HierarchicalLstm, TrackBatch, TrackTrainOptions> fit,
        CancellationToken cancellationToken
    )
    {
        var config = options.Model;
        var scales = EventScales.Fit(train);
        var events = scales.Keys.Order(StringComparer.Ordinal).ToList();
        var encoder = new WindowEncoder(events, scales, config.MarksPerSeason, config.Residual);
        var trainSamples = train.Select(encoder.Encode).ToList();
        if (borrowed.Count > 0)
        {
            // The other gender's windows of the events this gender has, each standardised in its own gender's scale:
            // the network learns the change from the last peak in z-space, which both genders share.
            var theirs = EventScales.Fit(borrowed);
            var shared = events.Where(theirs.ContainsKey).ToDictionary(e => e, e => theirs[e], StringComparer.Ordinal);
            var other = new WindowEncoder(events, shared, config.MarksPerSeason, config.Residual);
            trainSamples.AddRange(borrowed.Where(w => other.Knows(w.History.Event.Code)).Select(other.Encode));
        }
        List<WindowSample>? validationSamples = null;
        if (validation is not null)
        {
            validationSamples = [.. validation.Where(w => encoder.Knows(w.History.Event.Code)).Select(encoder.Encode)];
            if (validationSamples.Count == 0)
                throw new InvalidOperationException(
                    "No validation windows forecast an event seen in training: nothing to stop early on."
                );
        }

        var generator = new Generator(options.Seed);
        var network = new HierarchicalLstm(config, events.Count, generator);
        var optimizer = new AdamW(
            ParamGroups.DecayAndNoDecay(network, options.WeightDecay),
            lr: options.LearningRate,
            weightDecay: options.WeightDecay
        );
        var trainLoader = new DataLoader<WindowSample, TrackBatch>(
            new ListDataset<WindowSample>(trainSamples),
            b => TrackBatch.Collate(b, config.Seasons),
            options.BatchSize,
            shuffle: true,
            generator: new Generator(options.Seed + 1),
            prefetch: 0
        );
        var validationLoader = validationSamples is null
            ? null
            : new DataLoader<WindowSample, TrackBatch>(
                new ListDataset<WindowSample>(validationSamples),
                b => TrackBatch.Collate(b, config.Seasons),
                512,
                prefetch: 0
            );

        var callbacks = new List<ITrainerCallback>
        {
            new LambdaCallback
            {
                EpochStart = c => generator.ManualSeed(options.Seed * 1000 + c.Epoch), // dropout masks repeat per epoch
            },
        };
        using var logging = run is null ? null : new RunMetricsCallback(run);
        if (logging is not null)
            callbacks.Add(logging);
        var history = fit.Fit(
            new FitJob<HierarchicalLstm, TrackBatch, TrackTrainOptions>
            {
                Network = network,
                Optimizer = optimizer,
                Train = trainLoader,
                Validation = validationLoader,
                Validate = validationLoader is null ? null : (forward, loader) => Metrics(forward, loader, encoder),
                Epochs = epochs,
                EarlyStopping = validationLoader is null
                    ? null
                    : new EarlyStopping(ValidationMetric, MetricMode.Min, options.Patience),
                RestoreBestWeights = validationLoader is not null,
                ClipNorm = options.ClipNorm,
                Precision = options.Precision,
                Seed = options.Seed,
                Options = options,
                Progress = progress is null ? null : new TrainingProgressReporter(progress, description),
                Callbacks = callbacks,
                CancellationToken = cancellationToken,
            }
        );
        return new Fitted(network, encoder, history, validationSamples?.Count ?? 0);
    }

    /// <summary>
    /// Validation metrics over the whole loader, through <see cref="RegressionMetrics"/>: <c>val_pct</c> (the error in
    /// percent of the actual peak) and <c>val_l1_z</c> (the loss: the mean absolute error in z-space).
    /// </summary>
    private static Dictionary<string, double> Metrics(
        Func<TrackBatch, float[]> forward,
        IDataLoader<TrackBatch> loader,
        WindowEncoder encoder
    )
    {
        List<double> marks = [],
            actual = [],
            z = [],
            targets = [];
        foreach (var batch in loader.Batches())
        {
            using var scope = DisposeScope.Enter();
            var output = forward(batch.Value);
            var target = batch.Value.Target.Data;
            for (var i = 0; i < batch.Value.Size; i++)
            {
                var window = batch.Value.Samples[i].Window!;
                marks.Add(encoder.Scales[window.History.Event.Code].FromZ(output[i]));
                actual.Add(window.Actual);
                z.Add(output[i]);
                targets.Add(target[i]);
            }
        }
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [ValidationMetric] = RegressionMetrics.Compute(marks, actual).PercentError,
            ["val_l1_z"] = RegressionMetrics.MeanAbsoluteError(z, targets),
        };
    }

    private static Gender Other(Gender gender) => gender == Gender.Men ? Gender.Women : Gender.Men;

    private static Dictionary<string, object?> Parameters(
        Gender gender,
        SplitPlan plan,
        TrackTrainOptions o,
        int train,
        int validation
    ) =>
        new()
        {
            ["gender"] = gender.Code(),
            ["seasons_k"] = o.Model.Seasons,
            ["marks_per_season_l"] = o.Model.MarksPerSeason,
            ["season_hidden"] = o.Model.SeasonHidden,
            ["across_hidden"] = o.Model.AcrossHidden,
            ["label_embedding"] = o.Model.LabelEmbedding,
            ["head"] = o.Model.Head,
            ["dropout"] = o.Model.Dropout,
            ["residual"] = o.Model.Residual,
            ["max_epochs"] = o.MaxEpochs,
            ["patience"] = o.Patience,
            ["batch_size"] = o.BatchSize,
            ["learning_rate"] = o.LearningRate,
            ["weight_decay"] = o.WeightDecay,
            ["seed"] = o.Seed,
            ["validation_seasons"] = string.Join(", ", plan.Validation),
            ["test_seasons"] = string.Join(", ", plan.Test),
            ["train_windows"] = train,
            ["validation_windows"] = validation,
            ["refit"] = o.Refit,
            ["backtest"] = o.Backtest,
            ["pool_genders"] = o.PoolGenders,
            ["blend"] = o.Blend,
            ["ensemble"] = o.Ensemble,
            ["trees"] = o.Trees is { } t && o.Blend ? t.Trees : 0,
            ["tree_leaves"] = o.Trees?.Leaves,
        };
}
