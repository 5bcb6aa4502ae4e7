namespace Lib.Tensors.Autograd;

/// <summary>
/// Runs backward from a root tensor: orders the graph topologically with an explicit stack (long
/// LSTM unrolls cannot overflow the call stack), then applies each op's rule once all gradients
/// flowing into its output have been summed. Leaves that require grad accumulate into <see cref="Tensor.Grad"/>.
/// </summary>
internal static class BackwardEngine
{
    public static void Run(Tensor root, Tensor gradient)
    {
        var order = TopologicalOrder(root);
        var pending = new Dictionary<Tensor, Tensor>(ReferenceEqualityComparer.Instance) { [root] = gradient };
        using var _ = GradMode.NoGrad();
        foreach (var tensor in order)
        {
            if (!pending.Remove(tensor, out var grad)) continue;
            var fn = tensor.GradFn;
            if (fn is null)
            {
                Accumulate(tensor, grad);
                continue;
            }
            if (tensor.RetainsGrad) Accumulate(tensor, grad);
            var inputGrads = fn.Apply(grad);
            for (int i = 0; i < fn.Inputs.Count; i++)
            {
                var input = fn.Inputs[i];
                var g = inputGrads[i];
                if (g is null || !input.RequiresGrad) continue;
                if (!g.Shape.SequenceEqual(input.Shape))
                    throw new InvalidOperationException($"{fn.Name} returned a gradient of shape {Tensor.ShapeText(g.Shape)} for an input of shape {Tensor.ShapeText(input.Shape)}.");
                pending[input] = pending.TryGetValue(input, out var sum) ? sum.Add(g) : g;
            }
        }
    }

    private static void Accumulate(Tensor tensor, Tensor grad)
    {
        if (tensor.Grad is null) tensor.Grad = grad.Clone();
        else tensor.Grad.AddInPlace(grad);
    }

    /// <summary>Tensors reachable from <paramref name="root"/>, each after every tensor that depends on it.</summary>
    private static List<Tensor> TopologicalOrder(Tensor root)
    {
        var postOrder = new List<Tensor>();
        var visited = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Tensor Tensor, int Next)>();
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
                if (input.RequiresGrad && visited.Add(input)) stack.Push((input, 0));
            }
            else postOrder.Add(tensor);
        }
        postOrder.Reverse();
        return postOrder;
    }
}
