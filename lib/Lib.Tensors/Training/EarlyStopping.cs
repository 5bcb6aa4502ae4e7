namespace Lib.Tensors.Training;

/// <summary>
/// Stops training when <see cref="Monitor"/> has not improved for <see cref="Patience"/> epochs in a
/// row (Lightning's <c>EarlyStopping</c>). An improvement beats the best value by more than
/// <see cref="MinDelta"/>: below <c>best − minDelta</c> in <see cref="MetricMode.Min"/>, above
/// <c>best + minDelta</c> in <see cref="MetricMode.Max"/>. NaN never improves.
/// </summary>
public sealed class EarlyStopping
{
    /// <summary>Watches <paramref name="monitor"/> (a validation metric name, or <c>train_loss</c>).</summary>
    public EarlyStopping(string monitor, MetricMode mode = MetricMode.Min, int patience = 3, double minDelta = 0.0)
    {
        if (string.IsNullOrWhiteSpace(monitor))
            throw new ArgumentException("monitor must name a metric.", nameof(monitor));
        if (patience < 1)
            throw new ArgumentOutOfRangeException(nameof(patience), $"patience must be at least 1, got {patience}.");
        if (minDelta < 0 || double.IsNaN(minDelta))
            throw new ArgumentOutOfRangeException(nameof(minDelta), $"minDelta must be non-negative, got {minDelta}.");
        Monitor = monitor;
        Mode = mode;
        Patience = patience;
        MinDelta = minDelta;
    }

    /// <summary>The metric watched.</summary>
    public string Monitor { get; }

    /// <summary>Whether lower or higher is better.</summary>
    public MetricMode Mode { get; }

    /// <summary>Epochs without improvement tolerated before stopping.</summary>
    public int Patience { get; }

    /// <summary>The margin an improvement must exceed.</summary>
    public double MinDelta { get; }

    /// <summary>The best value so far, or null before the first epoch.</summary>
    public double? Best { get; private set; }

    /// <summary>Epochs since the last improvement.</summary>
    public int Wait { get; private set; }

    /// <summary>Records an epoch's value; true when training should stop.</summary>
    public bool Update(double value)
    {
        bool improved =
            !double.IsNaN(value)
            && (Best is null || (Mode == MetricMode.Min ? value < Best - MinDelta : value > Best + MinDelta));
        if (improved)
        {
            Best = value;
            Wait = 0;
        }
        else
            Wait++;
        return Wait >= Patience;
    }

    /// <summary>Forgets the best value (a fresh run).</summary>
    public void Reset()
    {
        Best = null;
        Wait = 0;
    }

    internal void Restore(double? best, int wait)
    {
        Best = best;
        Wait = wait;
    }
}
