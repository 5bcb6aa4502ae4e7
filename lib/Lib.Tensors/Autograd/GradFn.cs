namespace Lib.Tensors.Autograd;

/// <summary>
/// The backward rule of one op application (PyTorch's <c>grad_fn</c>): the inputs it saw and a
/// function from the gradient of its output to the gradients of those inputs. The rule returns
/// <c>null</c> for inputs that need no gradient; it runs with autograd disabled.
/// </summary>
public sealed class GradFn
{
    private readonly Func<Tensor, Tensor?[]> _backward;

    internal GradFn(string name, Tensor[] inputs, Func<Tensor, Tensor?[]> backward)
    {
        Name = name;
        Inputs = inputs;
        _backward = backward;
        Scope = DisposeScope.Current;
    }

    /// <summary>The scope active when the op ran: its arrays (which the rule may hold) are gone once it ends.</summary>
    internal DisposeScope? Scope { get; }

    /// <summary>The op's name, such as <c>MulBackward</c>.</summary>
    public string Name { get; }

    /// <summary>The op's tensor inputs, in order.</summary>
    public IReadOnlyList<Tensor> Inputs { get; }

    internal Tensor?[] Apply(Tensor gradOutput) => _backward(gradOutput);

    /// <inheritdoc/>
    public override string ToString() => $"<{Name}>";
}
