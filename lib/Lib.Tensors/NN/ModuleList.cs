using System.Collections;
using System.Globalization;

namespace Lib.Tensors.NN;

/// <summary>
/// Modules held in a list so that their parameters are registered (PyTorch's <c>nn.ModuleList</c>):
/// children are named "0", "1", ..., giving keys such as <c>layers.1.norm2.bias</c>. It has no
/// forward of its own; the owner iterates it.
/// </summary>
public sealed class ModuleList<T> : Module, IReadOnlyList<T>
    where T : Module
{
    private readonly List<T> _modules = [];

    /// <summary>A list holding <paramref name="modules"/> in order.</summary>
    public ModuleList(params IEnumerable<T> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var m in modules)
            Add(m);
    }

    /// <summary>Appends <paramref name="module"/>, named by its position.</summary>
    public void Add(T module)
    {
        ArgumentNullException.ThrowIfNull(module);
        _modules.Add(RegisterModule(_modules.Count.ToString(CultureInfo.InvariantCulture), module));
    }

    /// <summary>The module at <paramref name="index"/> (negative counts from the end).</summary>
    public T this[int index]
    {
        get
        {
            int i = index < 0 ? index + _modules.Count : index;
            if ((uint)i >= (uint)_modules.Count)
                throw new ArgumentOutOfRangeException(
                    nameof(index),
                    $"Index {index} is out of range for a ModuleList of {_modules.Count} module(s)."
                );
            return _modules[i];
        }
    }

    /// <summary>The number of modules.</summary>
    public int Count => _modules.Count;

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => _modules.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
