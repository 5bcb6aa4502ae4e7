namespace Lib.Tensors.Training;

/// <summary>An epoch's means of the auxiliary loss terms (<see cref="TrainingStepOutput.Auxiliary"/>), weighted by
/// batch size, named <c>train_&lt;name&gt;</c>; every batch must report the same names.</summary>
internal sealed class AuxiliaryMeans(int epoch)
{
    private readonly Dictionary<string, double> _sums = new(StringComparer.Ordinal);
    private List<string>? _names;
    private long _samples;

    public void Add(IReadOnlyDictionary<string, double> terms, int batch, int size)
    {
        if (_names is null)
            _names = [.. terms.Keys];
        else if (terms.Count != _names.Count || _names.Any(n => !terms.ContainsKey(n)))
            throw new InvalidOperationException(
                $"Training batch {batch} of epoch {epoch} returned auxiliary loss terms "
                    + $"[{string.Join(", ", terms.Keys)}] but the epoch's first batch returned "
                    + $"[{string.Join(", ", _names)}]; every batch must return the same terms."
            );
        foreach (var (name, term) in terms)
            _sums[name] = _sums.GetValueOrDefault(name) + term * size;
        _samples += size;
    }

    public Dictionary<string, double> Means() =>
        (_names ?? []).ToDictionary(
            n => TrainingStepOutput.MetricPrefix + n,
            n => _sums[n] / _samples,
            StringComparer.Ordinal
        );
}
