using System.Collections;

namespace Lib.Tensors.NN;

/// <summary>
/// Modules applied one after another (PyTorch's <c>nn.Sequential</c>). The children are named
/// "0", "1", ..., so state-dict keys read <c>0.weight</c>, <c>2.bias</c> as in PyTorch.
/// </summary>
public sealed class Sequential : Module<Tensor, Tensor>, IReadOnlyList<Module<Tensor, Tensor>>
{
    private readonly List<Module<Tensor, Tensor>> _modules = [];

    /// <summary>Chains <paramref name="modules"/> in order.</summary>
    public Sequential(params IEnumerable<Module<Tensor, Tensor>> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var m in modules)
            Append(m);
    }

    /// <summary>Adds <paramref name="module"/> at the end (named by its position); returns this.</summary>
    public Sequential Append(Module<Tensor, Tensor> module)
    {
        ArgumentNullException.ThrowIfNull(module);
        _modules.Add(
            RegisterModule(_modules.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module)
        );
        return this;
    }

    /// <summary>The module at <paramref name="index"/> (negative counts from the end).</summary>
    public Module<Tensor, Tensor> this[int index]
    {
        get
        {
            int i = index < 0 ? index + _modules.Count : index;
            if ((uint)i >= (uint)_modules.Count)
                throw new ArgumentOutOfRangeException(
                    nameof(index),
                    $"Index {index} is out of range for a Sequential of {_modules.Count} module(s)."
                );
            return _modules[i];
        }
    }

    /// <summary>The number of modules.</summary>
    public int Count => _modules.Count;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        foreach (var m in _modules)
            input = m.Forward(input);
        return input;
    }

    /// <inheritdoc/>
    public IEnumerator<Module<Tensor, Tensor>> GetEnumerator() => _modules.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
