using Lib.Football.Dataset;
using static TorchSharp.torch;

namespace Lib.Torch.Football;

/// <summary>
/// A <see cref="SceneGraph"/> as TorchSharp tensors on one device: each edge's source and target node and each
/// node's scene (int64, for <c>index_select</c> and <c>index_add</c>, which stand in for the engine's
/// <c>Tensor.SegmentSum</c> over <see cref="SceneGraph.Incoming"/> and <see cref="SceneGraph.Members"/>), and the
/// nodes per scene as floats. Dispose it to free the tensors.
/// </summary>
public sealed class SceneGraphTensors : IDisposable
{
    private SceneGraphTensors(SceneGraph graph, Device? device)
    {
        Graph = graph;
        Source = TorchIndex.ToTorch(graph.SourceIndex, device: device);
        Target = TorchIndex.ToTorch(graph.TargetIndex, device: device);
        NodeScene = TorchIndex.ToTorch(graph.NodeScene, device: device);
        using var sizes = TorchState.ToTorch(graph.SceneSizeTensor);
        SceneSizes = device is null ? sizes.clone() : sizes.to(device);
    }

    /// <summary>The engine's graph.</summary>
    public SceneGraph Graph { get; }

    /// <summary>Nodes over all scenes.</summary>
    public int Nodes => Graph.Nodes;

    /// <summary>Scenes.</summary>
    public int Scenes => Graph.Scenes;

    /// <summary>Each edge's source node [E].</summary>
    public Tensor Source { get; }

    /// <summary>Each edge's target node [E].</summary>
    public Tensor Target { get; }

    /// <summary>Each node's scene [nodes].</summary>
    public Tensor NodeScene { get; }

    /// <summary>Nodes per scene as floats [scenes].</summary>
    public Tensor SceneSizes { get; }

    /// <summary>Copies <paramref name="graph"/> to <paramref name="device"/> (the CPU when null).</summary>
    public static SceneGraphTensors From(SceneGraph graph, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new SceneGraphTensors(graph, device);
    }

    /// <summary>Σ of the edge rows [E, H] into their target nodes → [nodes, H].</summary>
    public Tensor SumIncoming(Tensor edgeRows) =>
        zeros([Nodes, edgeRows.shape[1]], edgeRows.dtype, edgeRows.device).index_add(0, Target, edgeRows, 1);

    /// <summary>Σ of the node rows [nodes, H] into their scenes → [scenes, H].</summary>
    public Tensor SumScenes(Tensor nodeRows) =>
        zeros([Scenes, nodeRows.shape[1]], nodeRows.dtype, nodeRows.device).index_add(0, NodeScene, nodeRows, 1);

    /// <inheritdoc/>
    public void Dispose()
    {
        Source.Dispose();
        Target.Dispose();
        NodeScene.Dispose();
        SceneSizes.Dispose();
    }
}
