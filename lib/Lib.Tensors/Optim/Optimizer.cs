using Lib.Tensors.Autograd;

namespace Lib.Tensors.Optim;

/// <summary>
/// The base of every optimizer (<c>torch.optim.Optimizer</c>): parameter groups, per-parameter state
/// (named tensors such as <c>exp_avg</c>, PyTorch's <c>optimizer.state[p]</c>) and its state dict.
/// A parameter whose <see cref="Tensor.Grad"/> is null is skipped by <see cref="Step"/>.
/// </summary>
public abstract class Optimizer
{
    private readonly List<ParamGroup> _groups;
    private readonly Dictionary<Tensor, Dictionary<string, Tensor>> _state = new(ReferenceEqualityComparer.Instance);

    /// <summary>Checks the groups: at least one parameter, none twice, only leaves.</summary>
    protected Optimizer(IEnumerable<ParamGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        _groups = [.. groups];
        if (_groups.Sum(g => g.Parameters.Count) == 0)
            throw new ArgumentException("The optimizer got an empty parameter list.", nameof(groups));
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        for (int g = 0; g < _groups.Count; g++)
        for (int i = 0; i < _groups[g].Parameters.Count; i++)
        {
            var p = _groups[g].Parameters[i]
                ?? throw new ArgumentException($"Parameter {i} of group {g} is null.", nameof(groups));
            if (!p.IsLeaf)
                throw new ArgumentException(
                    $"Parameter {i} of group {g} is not a leaf tensor; an optimizer can only update leaves "
                        + "(parameters).",
                    nameof(groups)
                );
            if (!seen.Add(p))
                throw new ArgumentException(
                    $"Parameter {i} of group {g} (shape {Tensor.ShapeText(p.Shape)}) appears more than once "
                        + "across the parameter groups.",
                    nameof(groups)
                );
        }
    }

    /// <summary>One group holding <paramref name="parameters"/> (for constructors that take plain
    /// parameters).</summary>
    protected static IEnumerable<ParamGroup> OneGroup(IEnumerable<Tensor> parameters) => [new ParamGroup(parameters)];

    /// <summary>The groups, each with resolved learning rate and weight decay.</summary>
    public IReadOnlyList<ParamGroup> ParamGroups => _groups;

    /// <summary>Updates every parameter from its gradient (parameters without one are skipped).</summary>
    public virtual void Step()
    {
        using var _ = GradMode.NoGrad();
        for (int g = 0; g < _groups.Count; g++)
        {
            var group = _groups[g];
            for (int i = 0; i < group.Parameters.Count; i++)
            {
                var p = group.Parameters[i];
                if (p.Grad is not { } grad)
                    continue;
                if (!grad.Shape.SequenceEqual(p.Shape))
                    throw new InvalidOperationException(
                        $"Parameter {i} of group {g} has shape {Tensor.ShapeText(p.Shape)} but its gradient has "
                            + $"{Tensor.ShapeText(grad.Shape)}."
                    );
                Update(group, p, grad, StateOf(p));
            }
        }
    }

    /// <summary>Applies one update to <paramref name="parameter"/>'s storage from <paramref name="grad"/>, reading and
    /// writing its <paramref name="state"/> (empty before the first update).</summary>
    protected abstract void Update(ParamGroup group, Tensor parameter, Tensor grad, Dictionary<string, Tensor> state);

    /// <summary>The names a parameter's state may hold (<c>step</c> is 0-dim; every other entry has the parameter's
    /// shape).</summary>
    protected abstract IReadOnlyCollection<string> StateNames { get; }

    /// <summary>Checks a parameter's state read by <see cref="LoadStateDict"/> beyond names and shapes (say, that no
    /// moment is missing); throw <see cref="ArgumentException"/> naming <paramref name="key"/>.</summary>
    protected virtual void ValidateState(string key, IReadOnlyDictionary<string, Tensor> state) { }

    /// <summary>Clears the gradients of every parameter: sets them to null (PyTorch 2's default
    /// <c>set_to_none=True</c>) or,
    /// with <paramref name="setToNone"/> false (PyTorch 1's default), fills them with zeros, so the next backward adds
    /// into the
    /// same arrays and a training step allocates none for gradients.</summary>
    public void ZeroGrad(bool setToNone = true)
    {
        foreach (var g in _groups)
        foreach (var p in g.Parameters)
            p.ClearGrad(setToNone);
    }

    /// <summary>The learning rate of the first group (what schedulers and progress show).</summary>
    public double LearningRate => _groups[0].LearningRate ?? 0;

    private Dictionary<string, Tensor> StateOf(Tensor p)
    {
        if (!_state.TryGetValue(p, out var state))
            _state[p] = state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        return state;
    }

    /// <summary>Per-parameter state (moments, step counts) by "group.index.name" (<c>0.2.exp_avg</c>), as copies, for
    /// checkpoints.</summary>
    public Dictionary<string, Tensor> StateDict()
    {
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        for (int g = 0; g < _groups.Count; g++)
        for (int i = 0; i < _groups[g].Parameters.Count; i++)
            if (_state.TryGetValue(_groups[g].Parameters[i], out var state))
                foreach (var (name, value) in state)
                    result[$"{g}.{i}.{name}"] = value.Detach().Clone();
        return result;
    }

    /// <summary>
    /// Restores state saved by <see cref="StateDict"/>, replacing the current state (values are copied).
    /// Nothing changes when an entry is bad: errors name the key that does not fit (an unknown group,
    /// index or name, a shape that differs from the parameter's, an incomplete state).
    /// </summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var loaded = new Dictionary<Tensor, Dictionary<string, Tensor>>(ReferenceEqualityComparer.Instance);
        var prefixes = new Dictionary<Tensor, string>(ReferenceEqualityComparer.Instance);
        foreach (var (key, value) in state)
        {
            var parts = key.Split('.', 3);
            if (parts.Length != 3 || !int.TryParse(parts[0], out int g) || !int.TryParse(parts[1], out int i))
                throw new ArgumentException(
                    $"Optimizer state key '{key}' is not of the form group.index.name.",
                    nameof(state)
                );
            if (g < 0 || g >= _groups.Count || i < 0 || i >= _groups[g].Parameters.Count)
                throw new ArgumentException(
                    $"Optimizer state key '{key}' names parameter {i} of group {g}, but the optimizer has "
                        + $"{_groups.Count} group(s) of sizes "
                        + $"[{string.Join(", ", _groups.Select(x => x.Parameters.Count))}].",
                    nameof(state)
                );
            string name = parts[2];
            if (!StateNames.Contains(name))
                throw new ArgumentException(
                    $"Optimizer state key '{key}': {GetType().Name} keeps no state named '{name}' (expected one "
                        + $"of {string.Join(", ", StateNames)}).",
                    nameof(state)
                );
            var p = _groups[g].Parameters[i];
            if (name == "step" ? value.Dim != 0 : !value.Shape.SequenceEqual(p.Shape))
                throw new ArgumentException(
                    $"Optimizer state key '{key}': shape {Tensor.ShapeText(value.Shape)} does not match the "
                        + $"expected {(name == "step" ? "[] (a 0-dim count)" : Tensor.ShapeText(p.Shape))}.",
                    nameof(state)
                );
            if (!loaded.TryGetValue(p, out var entries))
                loaded[p] = entries = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            entries[name] = value.Detach().Clone();
            prefixes[p] = $"{g}.{i}";
        }
        foreach (var (p, entries) in loaded)
            ValidateState(prefixes[p], entries);
        _state.Clear();
        foreach (var (p, entries) in loaded)
            _state[p] = entries;
    }

    /// <summary>A required option of a group, resolved at construction.</summary>
    private protected static double Option(double? value, string name) =>
        value
        ?? throw new InvalidOperationException(
            $"The parameter group has no {name}; it is set when the optimizer is built."
        );
}
