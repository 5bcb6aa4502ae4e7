using System.Globalization;
using System.Text;

namespace Lib.Tensors.NN;

/// <summary>
/// The base of every layer and model (PyTorch's <c>nn.Module</c>): parameters, buffers and child
/// modules are registered explicitly in construction order, which fixes the order of
/// <see cref="NamedParameters"/> and the PyTorch-compatible keys of <see cref="StateDict"/>
/// (<c>encoder.layers.0.self_attn.in_proj_weight</c>).
/// </summary>
public abstract class Module
{
    private readonly List<(string Name, Tensor? Tensor)> _parameters = [];
    private readonly List<(string Name, Tensor Tensor)> _buffers = [];
    private readonly List<(string Name, Module Module)> _children = [];

    /// <summary>True in training mode (dropout active), false after <see cref="Eval"/>.</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Registers a trainable tensor under <paramref name="name"/> and marks it as requiring grad.</summary>
    protected Tensor RegisterParameter(string name, Tensor parameter)
    {
        CheckName(name);
        parameter.RequiresGrad = true;
        _parameters.Add((name, parameter));
        return parameter;
    }

    /// <summary>Registers an optional parameter (null is recorded as absent, like <c>bias=False</c>).</summary>
    protected Tensor? RegisterOptionalParameter(string name, Tensor? parameter)
    {
        if (parameter is not null)
            return RegisterParameter(name, parameter);
        CheckName(name);
        _parameters.Add((name, null));
        return null;
    }

    /// <summary>Registers state that is saved but not trained (running statistics, fixed tables).</summary>
    protected Tensor RegisterBuffer(string name, Tensor buffer)
    {
        CheckName(name);
        _buffers.Add((name, buffer));
        return buffer;
    }

    /// <summary>Registers a child module; its parameters appear under <c>name.</c>.</summary>
    protected T RegisterModule<T>(string name, T module)
        where T : Module
    {
        CheckName(name);
        _children.Add((name, module));
        return module;
    }

    private void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.'))
            throw new ArgumentException(
                $"Module member name '{name}' must be non-empty and contain no '.'.",
                nameof(name)
            );
        if (
            _parameters.Any(p => p.Name == name)
            || _buffers.Any(b => b.Name == name)
            || _children.Any(c => c.Name == name)
        )
            throw new ArgumentException($"'{name}' is already registered on {GetType().Name}.", nameof(name));
    }

    /// <summary>The direct children, in registration order.</summary>
    public IEnumerable<(string Name, Module Module)> NamedChildren() => _children;

    /// <summary>This module and every descendant with its dotted path ("" for this one).</summary>
    public IEnumerable<(string Name, Module Module)> NamedModules(string prefix = "")
    {
        yield return (prefix, this);
        foreach (var (name, child) in _children)
        foreach (var item in child.NamedModules(Join(prefix, name)))
            yield return item;
    }

    /// <summary>Every parameter with its state-dict key, this module's own first, then each child's in order.</summary>
    public IEnumerable<(string Name, Tensor Parameter)> NamedParameters(string prefix = "")
    {
        foreach (var (name, p) in _parameters)
            if (p is not null)
                yield return (Join(prefix, name), p);
        foreach (var (name, child) in _children)
        foreach (var item in child.NamedParameters(Join(prefix, name)))
            yield return item;
    }

    /// <summary>Every parameter, in <see cref="NamedParameters"/> order.</summary>
    public IEnumerable<Tensor> Parameters()
    {
        var parameters = new List<Tensor>();
        AppendParameters(parameters);
        return parameters;
    }

    private void AppendParameters(List<Tensor> into) // NamedParameters' order without building the names
    {
        foreach (var (_, p) in _parameters)
            if (p is not null)
                into.Add(p);
        foreach (var (_, child) in _children)
            child.AppendParameters(into);
    }

    /// <summary>Every buffer with its state-dict key.</summary>
    public IEnumerable<(string Name, Tensor Buffer)> NamedBuffers(string prefix = "")
    {
        foreach (var (name, b) in _buffers)
            yield return (Join(prefix, name), b);
        foreach (var (name, child) in _children)
        foreach (var item in child.NamedBuffers(Join(prefix, name)))
            yield return item;
    }

    /// <summary>The number of trainable values.</summary>
    public long NumParameters() => Parameters().Sum(p => (long)p.NumEl);

    /// <summary>Sets training mode on this module and all descendants; returns this module.</summary>
    public Module Train(bool mode = true)
    {
        foreach (var (_, m) in NamedModules())
            m.Training = mode;
        return this;
    }

    /// <summary>Evaluation mode (<c>Train(false)</c>).</summary>
    public Module Eval() => Train(false);

    /// <summary>Clears every parameter's gradient: sets it to null (PyTorch 2's default <c>set_to_none=True</c>) or,
    /// with <paramref name="setToNone"/> false, fills it with zeros, so the next backward adds into the same
    /// arrays.</summary>
    public void ZeroGrad(bool setToNone = true)
    {
        foreach (var p in Parameters())
            p.ClearGrad(setToNone);
    }

    /// <summary>Parameters and buffers by PyTorch key, in PyTorch's order (each module: parameters, buffers, then
    /// children). Values share storage with the module.</summary>
    public Dictionary<string, Tensor> StateDict()
    {
        var result = new Dictionary<string, Tensor>();
        AppendState(result, "");
        return result;
    }

    private void AppendState(Dictionary<string, Tensor> into, string prefix)
    {
        foreach (var (name, p) in _parameters)
            if (p is not null)
                into[Join(prefix, name)] = p;
        foreach (var (name, b) in _buffers)
            into[Join(prefix, name)] = b;
        foreach (var (name, child) in _children)
            child.AppendState(into, Join(prefix, name));
    }

    /// <summary>
    /// Copies values into this module's parameters and buffers (references held by optimizers stay
    /// valid). With <paramref name="strict"/>, missing or unexpected keys are an error listing them;
    /// a shape mismatch is always an error naming the key.
    /// </summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state, bool strict = true)
    {
        var own = StateDict();
        if (strict)
        {
            var missing = own.Keys.Where(k => !state.ContainsKey(k)).ToList();
            var unexpected = state.Keys.Where(k => !own.ContainsKey(k)).ToList();
            if (missing.Count > 0 || unexpected.Count > 0)
                throw new ArgumentException(
                    $"State dict does not match {GetType().Name}: "
                        + (missing.Count > 0 ? $"missing keys [{string.Join(", ", missing)}]" : "")
                        + (missing.Count > 0 && unexpected.Count > 0 ? "; " : "")
                        + (unexpected.Count > 0 ? $"unexpected keys [{string.Join(", ", unexpected)}]" : "")
                        + "."
                );
        }
        foreach (var (key, target) in own)
        {
            if (!state.TryGetValue(key, out var source))
                continue;
            if (!source.Shape.SequenceEqual(target.Shape))
                throw new ArgumentException(
                    $"State dict key '{key}': shape {Tensor.ShapeText(source.Shape)} does not match the "
                        + $"module's {Tensor.ShapeText(target.Shape)}."
                );
            source.Data.CopyTo(target.AsSpan());
        }
    }

    /// <summary>A one-line description of this module's configuration, as in PyTorch's repr (<c>in_features=3,
    /// out_features=5</c>).</summary>
    protected virtual string ExtraRepr() => "";

    /// <summary>A table of every module with its own parameter shapes and counts, and the total.</summary>
    public string Summary()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"module", -40} {"type", -26} {"parameters", 12}");
        foreach (var (name, m) in NamedModules())
        {
            long own = m._parameters.Where(p => p.Tensor is not null).Sum(p => (long)p.Tensor!.NumEl);
            string shapes = string.Join(
                " ",
                m._parameters.Where(p => p.Tensor is not null)
                    .Select(p => $"{p.Name}{Tensor.ShapeText(p.Tensor!.Shape)}")
            );
            sb.AppendLine(
                CultureInfo.InvariantCulture,
                $"{(name.Length == 0 ? "(root)" : name), -40} {TypeName(m.GetType()), -26} {own, 12:N0}  {shapes}"
            );
        }
        sb.Append(CultureInfo.InvariantCulture, $"Total trainable parameters: {NumParameters():N0}");
        return sb.ToString();
    }

    /// <summary>PyTorch-style nested repr: <c>Linear(in_features=3, out_features=5, bias=True)</c>.</summary>
    public override string ToString()
    {
        if (_children.Count == 0)
            return $"{TypeName(GetType())}({ExtraRepr()})";
        var sb = new StringBuilder(TypeName(GetType())).Append('(');
        if (ExtraRepr().Length > 0)
            sb.Append('\n').Append("  ").Append(ExtraRepr());
        foreach (var (name, child) in _children)
            sb.Append("\n  (").Append(name).Append("): ").Append(child.ToString().Replace("\n", "\n  "));
        return sb.Append("\n)").ToString();
    }

    /// <summary>The class name without a generic arity suffix (<c>ModuleList</c>, not <c>ModuleList`1</c>).</summary>
    private static string TypeName(Type type) => type.IsGenericType ? type.Name[..type.Name.IndexOf('`')] : type.Name;

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;
}

/// <summary>A module with one input and one output (what <c>Sequential</c> chains).</summary>
public abstract class Module<TIn, TOut> : Module
{
    /// <summary>The computation.</summary>
    public abstract TOut Forward(TIn input);

    /// <summary>Same as <see cref="Forward"/> (PyTorch's <c>module(x)</c>).</summary>
    public TOut Call(TIn input) => Forward(input);
}
