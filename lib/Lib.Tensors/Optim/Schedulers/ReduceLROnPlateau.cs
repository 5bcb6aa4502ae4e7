namespace Lib.Tensors.Optim.Schedulers;

/// <summary>
/// Multiplies every group's rate by <c>factor</c> when a metric has stopped improving for more than
/// <c>patience</c> steps (<c>ReduceLROnPlateau</c>, PyTorch 1.13 semantics). Unlike the other schedules
/// it is driven by the metric: call <see cref="Step(double)"/> with it (a validation loss, say) after each epoch.
/// Improvement is relative by default: in "min" mode, metric &lt; best · (1 − threshold).
/// </summary>
public sealed class ReduceLROnPlateau
{
    private readonly double[] _minLrs;
    private readonly double[] _last;

    /// <summary>Builds the schedule (the rates are left as they are).</summary>
    /// <param name="optimizer">The optimizer to drive.</param>
    /// <param name="mode">"min" (lower is better, a loss) or "max" (an accuracy).</param>
    /// <param name="factor">The rate is multiplied by this on a plateau (below 1).</param>
    /// <param name="patience">Non-improving steps tolerated before reducing.</param>
    /// <param name="threshold">The least change that counts as improvement.</param>
    /// <param name="thresholdMode">"rel" (relative to the best) or "abs".</param>
    /// <param name="cooldown">Steps after a reduction during which bad steps are not counted.</param>
    /// <param name="minLr">A floor for every group's rate.</param>
    /// <param name="eps">A reduction smaller than this is skipped.</param>
    public ReduceLROnPlateau(
        Optimizer optimizer,
        string mode = "min",
        double factor = 0.1,
        int patience = 10,
        double threshold = 1e-4,
        string thresholdMode = "rel",
        int cooldown = 0,
        double minLr = 0,
        double eps = 1e-8
    )
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        if (!(factor < 1))
            throw new ArgumentOutOfRangeException(nameof(factor), $"Factor should be < 1.0, got {factor}.");
        if (mode is not ("min" or "max"))
            throw new ArgumentException($"mode \"{mode}\" is unknown (expected \"min\" or \"max\").", nameof(mode));
        if (thresholdMode is not ("rel" or "abs"))
            throw new ArgumentException(
                $"threshold mode \"{thresholdMode}\" is unknown (expected \"rel\" or \"abs\").",
                nameof(thresholdMode)
            );
        if (patience < 0)
            throw new ArgumentOutOfRangeException(nameof(patience), $"patience must be >= 0, got {patience}.");
        if (cooldown < 0)
            throw new ArgumentOutOfRangeException(nameof(cooldown), $"cooldown must be >= 0, got {cooldown}.");
        Optimizer = optimizer;
        Mode = mode;
        Factor = factor;
        Patience = patience;
        Threshold = threshold;
        ThresholdMode = thresholdMode;
        Cooldown = cooldown;
        Eps = eps;
        _minLrs = [.. Enumerable.Repeat(minLr, optimizer.ParamGroups.Count)];
        _last = [.. optimizer.ParamGroups.Select(g => g.LearningRate ?? 0)];
        Best = mode == "min" ? double.PositiveInfinity : double.NegativeInfinity;
    }

    /// <summary>The optimizer whose learning rates are set.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>"min" or "max".</summary>
    public string Mode { get; }

    /// <summary>The reduction factor.</summary>
    public double Factor { get; }

    /// <summary>Non-improving steps tolerated.</summary>
    public int Patience { get; }

    /// <summary>The improvement threshold.</summary>
    public double Threshold { get; }

    /// <summary>"rel" or "abs".</summary>
    public string ThresholdMode { get; }

    /// <summary>Steps without counting after a reduction.</summary>
    public int Cooldown { get; }

    /// <summary>The smallest reduction applied.</summary>
    public double Eps { get; }

    /// <summary>The best metric seen.</summary>
    public double Best { get; private set; }

    /// <summary>Consecutive non-improving steps counted so far.</summary>
    public int NumBadEpochs { get; private set; }

    /// <summary>Cooldown steps still to run.</summary>
    public int CooldownCounter { get; private set; }

    /// <summary>The number of <see cref="Step(double)"/> calls so far.</summary>
    public int LastEpoch { get; private set; }

    /// <summary>The learning rate of each group as last read or set.</summary>
    public IReadOnlyList<double> LastLearningRates => _last;

    /// <summary>Records <paramref name="metrics"/> and reduces the rates when the plateau has lasted more than
    /// <see cref="Patience"/> steps.</summary>
    public void Step(double metrics)
    {
        LastEpoch++;
        if (IsBetter(metrics, Best))
        {
            Best = metrics;
            NumBadEpochs = 0;
        }
        else
            NumBadEpochs++;
        if (CooldownCounter > 0)
        {
            CooldownCounter--;
            NumBadEpochs = 0;
        }
        if (NumBadEpochs > Patience)
        {
            ReduceLearningRates();
            CooldownCounter = Cooldown;
            NumBadEpochs = 0;
        }
        for (int g = 0; g < _last.Length; g++)
            _last[g] = Optimizer.ParamGroups[g].LearningRate ?? 0;
    }

    private bool IsBetter(double a, double best) =>
        (Mode, ThresholdMode) switch
        {
            ("min", "rel") => a < best * (1 - Threshold),
            ("min", _) => a < best - Threshold,
            (_, "rel") => a > best * (Threshold + 1),
            _ => a > best + Threshold,
        };

    private void ReduceLearningRates()
    {
        for (int g = 0; g < _last.Length; g++)
        {
            var group = Optimizer.ParamGroups[g];
            double old = group.LearningRate ?? 0;
            double reduced = Math.Max(old * Factor, _minLrs[g]);
            if (old - reduced > Eps)
                group.LearningRate = reduced;
        }
    }
}
