using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lib.Torch.Football;

/// <summary>
/// The TorchSharp twin of <see cref="Lib.Football.Model.MessagePassingLayer"/>: an edge MLP on [h_source, h_target,
/// edge features], the messages summed into their target node (<c>index_add</c>), a node MLP on [h, Σ messages], added
/// to h and layer-normalised. Keys <c>message.0/2.*</c>, <c>update.0/2.*</c>, <c>norm.*</c>.
/// </summary>
public sealed class MessagePassingLayerTwin : nn.Module<Tensor, Tensor, SceneGraphTensors, Tensor>
{
    // Field names are the state-dict keys: RegisterComponents() registers fields by name.
    private readonly Sequential message,
        update;
    private readonly LayerNorm norm;

    /// <summary>A layer for node states of width <paramref name="hidden"/> and <paramref name="edgeFeatures"/>
    /// features per edge.</summary>
    public MessagePassingLayerTwin(int hidden, int edgeFeatures)
        : base(nameof(MessagePassingLayerTwin))
    {
        message = Mlp(2 * hidden + edgeFeatures, hidden, hidden);
        update = Mlp(2 * hidden, hidden, hidden);
        norm = nn.LayerNorm(hidden);
        RegisterComponents();
    }

    /// <summary>h [nodes, H], edges [E, F] → norm(h + update([h, Σ_incoming message([h_src, h_dst, e])])).</summary>
    public override Tensor forward(Tensor h, Tensor edges, SceneGraphTensors graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var pairs = cat([h.index_select(0, graph.Source), h.index_select(0, graph.Target), edges], -1); // [E, 2H+F]
        var received = graph.SumIncoming(message.forward(pairs)); // [nodes, H]
        return norm.forward(h + update.forward(cat([h, received], -1)));
    }

    /// <summary>Linear → ReLU → Linear (keys 0 and 2).</summary>
    internal static Sequential Mlp(int input, int hidden, int output) =>
        nn.Sequential(nn.Linear(input, hidden), nn.ReLU(), nn.Linear(hidden, output));
}
