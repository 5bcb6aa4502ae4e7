using Lib.Tensors.Autograd;

namespace Lib.Tensors;

public sealed partial class Tensor
{
    private bool _requiresGrad;

    /// <summary>Whether gradients flow to this tensor. Set it on leaves (parameters, inputs); op
    /// results require grad when any input does and grad mode is on.</summary>
    public bool RequiresGrad
    {
        get => _requiresGrad;
        set
        {
            if (!value && GradFn is not null)
                throw new InvalidOperationException(
                    "RequiresGrad can only be turned off on a leaf tensor; use Detach() for a non-leaf."
                );
            _requiresGrad = value;
        }
    }

    /// <summary>The accumulated gradient (PyTorch's <c>.grad</c>), filled by <see cref="Backward"/> on
    /// leaves.</summary>
    public Tensor? Grad { get; set; }

    /// <summary>The backward rule that produced this tensor, or null for a leaf.</summary>
    public GradFn? GradFn { get; private set; }

    /// <summary>True for tensors not produced by a recorded op (parameters, inputs, detached values).</summary>
    public bool IsLeaf => GradFn is null;

    internal bool RetainsGrad { get; private set; }

    /// <summary>Drops <see cref="Grad"/>, or fills it with zeros.</summary>
    internal void ClearGrad(bool setToNone)
    {
        if (setToNone)
            Grad = null;
        else
            Grad?.AsSpan().Clear();
    }

    /// <summary>Sets <see cref="RequiresGrad"/> and returns this tensor (<c>requires_grad_()</c>).</summary>
    public Tensor RequireGrad(bool requiresGrad = true)
    {
        RequiresGrad = requiresGrad;
        return this;
    }

    /// <summary>Keeps this non-leaf tensor's gradient in <see cref="Grad"/> during backward
    /// (<c>retain_grad()</c>).</summary>
    public Tensor RetainGrad()
    {
        RetainsGrad = true;
        return this;
    }

    /// <summary>Computes gradients of this tensor with respect to the leaves that require grad. A
    /// scalar needs no <paramref name="gradient"/> (it is 1); otherwise pass dL/d(this).</summary>
    public void Backward(Tensor? gradient = null)
    {
        if (!RequiresGrad)
            throw new InvalidOperationException(
                "Backward() on a tensor that does not require grad: no input of the computation had "
                    + "RequiresGrad set (or it ran under NoGrad)."
            );
        if (gradient is null && NumEl != 1)
            throw new InvalidOperationException(
                $"Backward() without a gradient needs a scalar; this tensor has shape {ShapeText(Shape)}. Pass "
                    + "the gradient, or reduce (Sum, Mean) first."
            );
        gradient ??= OnesLike(this);
        if (!gradient.Shape.SequenceEqual(Shape))
            throw new ArgumentException(
                $"The gradient's shape {ShapeText(gradient.Shape)} does not match the tensor's {ShapeText(Shape)}.",
                nameof(gradient)
            );
        BackwardEngine.Run(this, gradient);
    }

    /// <summary>The same values cut off from the graph (shares storage, as in PyTorch).</summary>
    public Tensor Detach() => new(_data, _shape);

    /// <summary>A copy with its own storage (<c>clone()</c>); gradients flow back to this tensor.</summary>
    public Tensor Clone()
    {
        var copy = TensorStorage.Uninitialized(NumEl);
        _data.CopyTo(copy, 0);
        var result = new Tensor(copy, _shape);
        return Record(result, "CloneBackward", [this], g => [g]);
    }

    /// <summary>Attaches a backward rule to <paramref name="result"/> when grad mode is on and an input requires
    /// grad.</summary>
    internal static Tensor Record(Tensor result, string name, Tensor[] inputs, Func<Tensor, Tensor?[]> backward)
    {
        if (!GradMode.IsEnabled)
            return result;
        foreach (var input in inputs)
        {
            if (!input.RequiresGrad)
                continue;
            result._requiresGrad = true;
            result.GradFn = new GradFn(name, inputs, backward);
            return result;
        }
        return result;
    }
}
