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
        var messages = Message.Forward(
            Tensor.Cat([h.IndexSelect(0, graph.Source), h.IndexSelect(0, graph.Target), edges], dim: -1)
        ); // [E, H]
        var received = Tensor.SegmentSum(messages, graph.Incoming); // [nodes, H]
        return Norm.Forward(h + Update.Forward(Tensor.Cat([h, received], dim: -1))); // [nodes, H]
    }

    /// <summary>Linear → ReLU → Linear.</summary>
    internal static Sequential Mlp(int input, int hidden, int output, Generator generator) =>
        new(new Linear(input, hidden, generator), new ReLU(), new Linear(hidden, output, generator));
}
