using Lib.Football.Dataset;
using Lib.Tensors;
using Lib.Tensors.NN;

namespace Lib.Football.Model;

/// <summary>
/// One message-passing layer: an edge MLP reads [h_source, h_target, edge features] and gives a message per edge,
/// the messages are summed into their target node (<see cref="Tensor.SegmentSum"/> over
/// <see cref="SceneGraph.Incoming"/>), and a node MLP reads [h, Σ messages]; its output is added to h (residual) and
/// layer-normalised. State-dict keys <c>message.0.*</c>, <c>message.2.*</c>, <c>update.0.*</c>, <c>update.2.*</c>,
/// <c>norm.*</c> (PyTorch: two <c>nn.Sequential(Linear, ReLU, Linear)</c> and an <c>nn.LayerNorm</c>).
/// </summary>
public sealed class MessagePassingLayer : Module
{
    /// <summary>Builds the layer for node states of width <paramref name="hidden"/> and
    /// <paramref name="edgeFeatures"/> features per edge.</summary>
    public MessagePassingLayer(int hidden, int edgeFeatures, Generator generator)
    {
        Message = RegisterModule("message", Mlp(2 * hidden + edgeFeatures, hidden, hidden, generator));
        Update = RegisterModule("update", Mlp(2 * hidden, hidden, hidden, generator));
        Norm = RegisterModule("norm", new LayerNorm(hidden));
    }

    /// <summary>The edge MLP.</summary>
    public Sequential Message { get; }

    /// <summary>The node MLP.</summary>
    public Sequential Update { get; }

    /// <summary>The norm after the residual sum.</summary>
    public LayerNorm Norm { get; }

    /// <summary>h [nodes, H], edges [edges, E] → norm(h + update([h, Σ_incoming message([h_src, h_dst, e])])).
    /// </summary>
    public Tensor Forward(Tensor h, Tensor edges, SceneGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var messages = SplitMessages(h, edges, graph); // [E, H]
        var received = Tensor.SegmentSum(messages, graph.Incoming); // [nodes, H]
        return Norm.Forward(h + Update.Forward(Tensor.Cat([h, received], dim: -1))); // [nodes, H]
    }

    /// <summary>
    /// The edge MLP on [h_source, h_target, edge] with its first Linear split by input block, W·[h_s, h_t, e] + b =
    /// (h·W_sᵀ)[s] + (h·W_tᵀ + b)[t] + e·W_eᵀ, so the wide products run over the nodes (23 a scene), not the edges
    /// (506 a scene), and no [E, 2H + E] input is built (backward likewise: the edge gradients are summed into the
    /// nodes before their products). The same sums in another order: equal to the composed MLP up to rounding.
    /// </summary>
    private Tensor SplitMessages(Tensor h, Tensor edges, SceneGraph graph)
    {
        var first = (Linear)Message[0];
        int hidden = h.Size(1);
        var w = first.Weight; // [H, 2H + E]
        var fromSource = Tensor.Linear(h, w.Narrow(1, 0, hidden)); // [nodes, H]
        var fromTarget = Tensor.Linear(h, w.Narrow(1, hidden, hidden), first.Bias); // [nodes, H]
        var fromEdge = Tensor.Linear(edges, w.Narrow(1, 2 * hidden, w.Size(1) - 2 * hidden)); // [E, H]
        var hiddenMessages = fromSource.IndexSelect(0, graph.Source) + fromTarget.IndexSelect(0, graph.Target);
        return Message[2].Forward((hiddenMessages + fromEdge).Relu());
    }

    /// <summary>Linear → ReLU → Linear.</summary>
    internal static Sequential Mlp(int input, int hidden, int output, Generator generator) =>
        new(new Linear(input, hidden, generator), new ReLU(), new Linear(hidden, output, generator));
}
