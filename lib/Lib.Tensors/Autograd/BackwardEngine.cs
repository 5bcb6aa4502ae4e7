using Lib.Tensors.Memory;

namespace Lib.Tensors.Autograd;

/// <summary>
/// Runs backward from a root tensor: orders the graph topologically with an explicit stack (long
/// LSTM unrolls cannot overflow the call stack), then applies each op's rule once all gradients
/// flowing into its output have been summed. Leaves that require grad accumulate into <see cref="Tensor.Grad"/>.
/// The allocator's <see cref="IGradientStorage"/> counts the pending gradients over each array: a sum is added in
/// place when one of its terms is seen by no one else, a leaf takes such a gradient as its <see cref="Tensor.Grad"/>
/// without a copy, and a consumed gradient is released (the pooled allocator reuses its array).
/// </summary>
internal static class BackwardEngine
{
    /// <summary>The collections of the previous pass on this thread, emptied, for the next one.</summary>
    [ThreadStatic]
    private static Workspace? t_spare;

    private sealed class Workspace
    {
        public readonly List<Tensor> Order = [];
        public readonly Dictionary<Tensor, Tensor> Pending = new(ReferenceEqualityComparer.Instance);
        public readonly HashSet<Tensor> Visited = new(ReferenceEqualityComparer.Instance);
        public readonly Stack<(Tensor Tensor, int Next)> Stack = new();

        public void Clear()
        {
            Order.Clear();
            Pending.Clear();
            Visited.Clear();
            Stack.Clear();
        }
    }

    public static void Run(Tensor root, Tensor gradient)
    {
        var workspace = t_spare ?? new Workspace();
        t_spare = null;
        try
        {
            Run(root, gradient, workspace);
        }
        finally
        {
            workspace.Clear();
            t_spare = workspace;
        }
    }

    private static void Run(Tensor root, Tensor gradient, Workspace workspace)
    {
        var order = TopologicalOrder(root, workspace);
        var pending = workspace.Pending;
        pending[root] = gradient;
        using var _ = GradMode.NoGrad();
        using var arena = TensorStorage.BeginBackward();
        foreach (var tensor in order)
        {
            if (!pending.Remove(tensor, out var grad))
                continue;
            var fn = tensor.GradFn;
            if (fn?.Region is { HasEnded: true })
                throw new ObjectDisposedException(
                    nameof(DisposeScope),
                    $"Backward() through {fn.Name}, which was recorded inside a DisposeScope that has ended and "
                        + "freed the arrays its rule needs. Call Backward() before the scope ends."
                );
            if (fn is null)
            {
                Accumulate(tensor, grad, arena, mayTake: true);
                arena.ReleaseUse(grad._data);
                continue;
            }
            if (tensor.RetainsGrad)
                Accumulate(tensor, grad, arena, mayTake: false);
            var inputGrads = fn.Apply(grad);
            for (int i = 0; i < fn.Inputs.Count; i++)
            {
                var input = fn.Inputs[i];
                var g = inputGrads[i];
                if (g is null || !input.RequiresGrad)
                    continue;
                if (!g.Shape.SequenceEqual(input.Shape))
                    throw new InvalidOperationException(
                        $"{fn.Name} returned a gradient of shape {Tensor.ShapeText(g.Shape)} for an input of "
                            + $"shape {Tensor.ShapeText(input.Shape)}."
                    );
                arena.AddUse(g._data);
                pending[input] = pending.TryGetValue(input, out var sum) ? Sum(sum, g, arena) : g;
            }
            arena.ReleaseUse(grad._data); // after the outputs are counted: a rule may return its gradient itself
        }
    }

    /// <summary>a + b, into whichever term no one else sees (else a new array); the terms' uses pass to the
    /// sum.</summary>
    private static Tensor Sum(Tensor a, Tensor b, IGradientStorage arena)
    {
        if (arena.IsExclusive(a._data) && !ReferenceEquals(a._data, b._data))
        {
            a.AddInPlace(b);
            arena.ReleaseUse(b._data);
            return a;
        }
        if (arena.IsExclusive(b._data) && !ReferenceEquals(a._data, b._data))
        {
            b.AddInPlace(a);
            arena.ReleaseUse(a._data);
            return b;
        }
        var sum = a.Add(b);
        arena.AddUse(sum._data);
        arena.ReleaseUse(a._data);
        arena.ReleaseUse(b._data);
        return sum;
    }

    /// <summary>Adds <paramref name="grad"/> into <paramref name="tensor"/>'s <see cref="Tensor.Grad"/>; with
    /// <paramref name="mayTake"/>, a first gradient no one else sees becomes it without a copy.</summary>
    private static void Accumulate(Tensor tensor, Tensor grad, IGradientStorage arena, bool mayTake)
    {
        if (tensor.Grad is not null)
        {
            tensor.Grad.AddInPlace(grad);
            return;
        }
        if (mayTake && arena.IsExclusive(grad._data))
        {
            arena.Disown(grad._data);
            tensor.Grad = grad.Detach();
            return;
        }
        tensor.Grad = grad.Clone().DetachFromDisposeScope();
        arena.Disown(tensor.Grad._data);
    }

    /// <summary>Tensors reachable from <paramref name="root"/>, each after every tensor that depends on it.</summary>
    private static List<Tensor> TopologicalOrder(Tensor root, Workspace workspace)
    {
        var postOrder = workspace.Order;
        var visited = workspace.Visited;
        var stack = workspace.Stack;
        visited.Add(root);
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (tensor, next) = stack.Pop();
            var inputs = tensor.GradFn?.Inputs;
            if (inputs is not null && next < inputs.Count)
            {
                stack.Push((tensor, next + 1));
                var input = inputs[next];
                if (input.RequiresGrad && visited.Add(input))
                    stack.Push((input, 0));
            }
            else
                postOrder.Add(tensor);
        }
        postOrder.Reverse();
        return postOrder;
    }
}
