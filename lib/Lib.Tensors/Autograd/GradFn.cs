using Lib.Tensors.Memory;

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
        Region = TensorStorage.CurrentRegion;
    }

    /// <summary>The storage region active when the op ran (a <see cref="DisposeScope"/>): the arrays the rule holds are
    /// gone once it ends.</summary>
    internal IStorageRegion? Region { get; }

    /// <summary>The op's name, such as <c>MulBackward</c>.</summary>
    public string Name { get; }

    /// <summary>The op's tensor inputs, in order.</summary>
    public IReadOnlyList<Tensor> Inputs { get; }

    internal Tensor?[] Apply(Tensor gradOutput) => _backward(gradOutput);

    /// <inheritdoc/>
    public override string ToString() => $"<{Name}>";
}
