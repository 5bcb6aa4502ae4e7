using Lib.Tensors.Data;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;

namespace Lib.Tensors.Training;

/// <summary>
/// The learning-rate range test (Leslie Smith, "Cyclical Learning Rates", 2017; fastai's <c>lr_find</c>,
/// torch-lr-finder's <c>LRFinder.range_test</c>): trains for a number of steps with the learning rate rising
/// exponentially from a start to an end value, records each batch's loss, smooths it, stops when the smoothed loss
/// diverges and suggests the learning rate where it falls fastest. The model's weights and buffers, the optimizer's
/// state and learning rates, the gradients and the training flag are restored afterwards, also when the step
/// function throws or the test is cancelled, so the range test leaves nothing behind.
/// </summary>
/// <example><code>
/// var finder = new LRFinder&lt;Tensor[]&gt;(model, new AdamW(model.Parameters()), b =&gt;
///     F.MseLoss(model.Call(b[0]), b[1]));
/// var result = finder.RangeTest(loader, startLr: 1e-6, endLr: 1, steps: 100);
/// double lr = result.SuggestedLearningRate;
/// </code></example>
public sealed class LRFinder<TBatch>
{
    /// <summary>A range test of <paramref name="model"/> trained by <paramref name="optimizer"/>, with
    /// <paramref name="trainingStep"/> returning a batch's scalar loss (as for
    /// <see cref="Trainer{TBatch}"/>).</summary>
    public LRFinder(Module model, Optimizer optimizer, Func<TBatch, Tensor> trainingStep)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        TrainingStep = trainingStep ?? throw new ArgumentNullException(nameof(trainingStep));
    }

    /// <summary>The model.</summary>
    public Module Model { get; }

    /// <summary>The optimizer whose learning rates the test sets (every group alike).</summary>
    public Optimizer Optimizer { get; }

    /// <summary>Computes a batch's scalar loss with the graph recorded.</summary>
    public Func<TBatch, Tensor> TrainingStep { get; }

    /// <summary>Called with the optimizer's parameters after backward and before each step, as in
    /// <see cref="Trainer{TBatch}.ClipGradients"/>.</summary>
    public Action<IEnumerable<Tensor>>? ClipGradients { get; set; }

    /// <summary>
    /// Runs the test: <paramref name="steps"/> optimizer steps (cycling through <paramref name="train"/>'s epochs as
    /// needed), step i at <c>startLr · (endLr / startLr)^(i / (steps − 1))</c>. The smoothed loss is fastai's
    /// bias-corrected exponential average with weight <paramref name="smoothing"/> on the newest loss; the test stops
    /// after the first step whose smoothed loss exceeds <paramref name="divergeThreshold"/> times the lowest so far
    /// (or is not finite). The suggestion is the learning rate of the most negative slope of the smoothed loss
    /// against log10(lr), skipping the first tenth of the steps and, when diverged, the last five.
    /// </summary>
    /// <exception cref="ArgumentException">A bound is not positive and finite, <paramref name="endLr"/> is not above
    /// <paramref name="startLr"/>, <paramref name="steps"/> is under 5, <paramref name="smoothing"/> is outside
    /// (0, 1], <paramref name="divergeThreshold"/> is not above 1, or the loader has no batches.</exception>
    /// <exception cref="OperationCanceledException">Cancelled (the model and optimizer are restored first).</exception>
    public LRFinderResult RangeTest(
        IDataLoader<TBatch> train,
        double startLr = 1e-7,
        double endLr = 10,
        int steps = 100,
        double smoothing = 0.05,
        double divergeThreshold = 5,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(train);
        Check(train, startLr, endLr, steps, smoothing, divergeThreshold);
        var weights = Model.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value.Detach().Clone());
        var optimizerState = Optimizer.StateDict();
        var rates = Optimizer.ParamGroups.Select(g => g.LearningRate).ToList();
        bool training = Model.Training;
        try
        {
            return Run(train, startLr, endLr, steps, smoothing, divergeThreshold, cancellationToken);
        }
        finally
        {
            Model.LoadStateDict(weights);
            Optimizer.LoadStateDict(optimizerState);
            for (int g = 0; g < rates.Count; g++)
                Optimizer.ParamGroups[g].LearningRate = rates[g];
            Optimizer.ZeroGrad();
            if (training)
                Model.Train();
            else
                Model.Eval();
        }
    }

    private LRFinderResult Run(
        IDataLoader<TBatch> train,
        double startLr,
        double endLr,
        int steps,
        double smoothing,
        double divergeThreshold,
        CancellationToken cancellationToken
    )
    {
        var lrs = new List<double>(steps);
        var losses = new List<double>(steps);
        var smoothed = new List<double>(steps);
        double average = 0,
            best = double.PositiveInfinity;
        bool diverged = false;
        Model.Train();
        int epoch = 0;
        while (lrs.Count < steps && !diverged)
        {
            train.Epoch = epoch++;
            foreach (var batch in train.Batches())
            {
                cancellationToken.ThrowIfCancellationRequested();
                double lr = startLr * Math.Pow(endLr / startLr, lrs.Count / (double)(steps - 1));
                double loss = Step(batch.Value, lr, lrs.Count);
                average = (1 - smoothing) * average + smoothing * loss;
                double value = average / (1 - Math.Pow(1 - smoothing, lrs.Count + 1));
                lrs.Add(lr);
                losses.Add(loss);
                smoothed.Add(value);
                if (!double.IsFinite(value) || value > divergeThreshold * best)
                {
                    diverged = true;
                    break;
                }
                best = Math.Min(best, value);
                if (lrs.Count == steps)
                    break;
            }
        }
        return new LRFinderResult(
            lrs,
            losses,
            smoothed,
            Suggest(lrs, smoothed, diverged),
            MinimumAt(lrs, smoothed),
            diverged
        );
    }

    private double Step(TBatch batch, double lr, int step)
    {
        foreach (var group in Optimizer.ParamGroups)
            group.LearningRate = lr;
        using (DisposeScope.Enter()) // the step's results go back to the pool for the next step
        {
            Optimizer.ZeroGrad();
            var loss = TrainingStep(batch);
            if (loss.NumEl != 1)
                throw new InvalidOperationException(
                    "The training step must return a scalar loss; it returned shape "
                        + $"{Tensor.ShapeText(loss.Shape)} (range test step {step})."
                );
            double value = loss.Item();
            loss.Backward();
            ClipGradients?.Invoke(Optimizer.ParamGroups.SelectMany(g => g.Parameters));
            Optimizer.Step();
            return value;
        }
    }

    /// <summary>The learning rate of the steepest descent of <paramref name="smoothed"/> against log10(lr).</summary>
    private static double Suggest(List<double> lrs, List<double> smoothed, bool diverged)
    {
        int first = lrs.Count / 10,
            last = diverged ? lrs.Count - 5 : lrs.Count;
        if (last - first < 3)
            (first, last) = (0, lrs.Count);
        int bestIndex = first;
        double steepest = double.PositiveInfinity;
        for (int i = first; i < last; i++)
        {
            int lo = Math.Max(first, i - 1),
                hi = Math.Min(last - 1, i + 1);
            if (hi == lo)
                continue;
            double slope = (smoothed[hi] - smoothed[lo]) / (Math.Log10(lrs[hi]) - Math.Log10(lrs[lo]));
            if (double.IsFinite(slope) && slope < steepest)
                (steepest, bestIndex) = (slope, i);
        }
        return lrs[bestIndex];
    }

    private static double MinimumAt(List<double> lrs, List<double> smoothed)
    {
        int best = 0;
        for (int i = 1; i < smoothed.Count; i++)
            if (smoothed[i] < smoothed[best])
                best = i;
        return lrs[best];
    }

    private static void Check(
        IDataLoader<TBatch> train,
        double startLr,
        double endLr,
        int steps,
        double smoothing,
        double divergeThreshold
    )
    {
        if (!(double.IsFinite(startLr) && startLr > 0) || !(double.IsFinite(endLr) && endLr > startLr))
            throw new ArgumentException(
                $"The range test needs 0 < startLr < endLr, both finite; got startLr {startLr}, endLr {endLr}."
            );
        if (steps < 5)
            throw new ArgumentException($"The range test needs at least 5 steps, got {steps}.", nameof(steps));
        if (!(smoothing > 0 && smoothing <= 1))
            throw new ArgumentException($"smoothing must be in (0, 1], got {smoothing}.", nameof(smoothing));
        if (!(divergeThreshold > 1))
            throw new ArgumentException(
                $"divergeThreshold must be above 1, got {divergeThreshold}.",
                nameof(divergeThreshold)
            );
        if (train.Count == 0)
            throw new ArgumentException("The training loader has no batches.", nameof(train));
    }
}
