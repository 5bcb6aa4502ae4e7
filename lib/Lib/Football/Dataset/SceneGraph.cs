using Lib.Tensors;

namespace Lib.Football.Dataset;

/// <summary>
/// The graph of a batch of scenes (one scene = one sample's players and ball at its last observed frame): nodes are
/// numbered scene by scene, and within each scene every node sends an edge to every other one (no self loops).
/// Edges are listed scene by scene, source-major (PyTorch Geometric's <c>edge_index</c> order: node i's edges to
/// j = 0, 1, … skipping i). <see cref="Incoming"/> sums edge rows into their target node, <see cref="Members"/> sums
/// node rows into their scene (both for <see cref="Tensor.SegmentSum"/>).
/// </summary>
public sealed class SceneGraph
{
    private SceneGraph(int[] sceneSizes, int[] source, int[] target, int[] nodeScene)
    {
        SceneSizes = sceneSizes;
        SourceIndex = source;
        TargetIndex = target;
        NodeScene = nodeScene;
        Source = IndexTensor.FromArray(source, source.Length);
        Target = IndexTensor.FromArray(target, target.Length);
        Incoming = CsrGraph.FromEdges(nodeScene.Length, target, [.. Enumerable.Range(0, source.Length)]);
        Members = CsrGraph.FromEdges(sceneSizes.Length, nodeScene, [.. Enumerable.Range(0, nodeScene.Length)]);
        SceneSizeTensor = Tensor.FromArray([.. sceneSizes.Select(s => (float)s)], sceneSizes.Length);
    }

    /// <summary>Nodes per scene.</summary>
    public IReadOnlyList<int> SceneSizes { get; }

    /// <summary>The number of scenes.</summary>
    public int Scenes => SceneSizes.Count;

    /// <summary>The number of nodes over all scenes.</summary>
    public int Nodes => NodeScene.Length;

    /// <summary>The number of directed edges.</summary>
    public int Edges => SourceIndex.Length;

    /// <summary>Each edge's source node.</summary>
    public int[] SourceIndex { get; }

    /// <summary>Each edge's target node.</summary>
    public int[] TargetIndex { get; }

    /// <summary>Each node's scene.</summary>
    public int[] NodeScene { get; }

    /// <summary>Each edge's source node, for <see cref="Tensor.IndexSelect"/>.</summary>
    public IndexTensor Source { get; }

    /// <summary>Each edge's target node, for <see cref="Tensor.IndexSelect"/>.</summary>
    public IndexTensor Target { get; }

    /// <summary>Rows = nodes, columns = edges: sums each node's incoming edge rows.</summary>
    public CsrGraph Incoming { get; }

    /// <summary>Rows = scenes, columns = nodes: sums each scene's node rows.</summary>
    public CsrGraph Members { get; }

    /// <summary>Nodes per scene as floats [scenes] (the divisor of a mean over a scene's nodes).</summary>
    public Tensor SceneSizeTensor { get; }

    /// <summary>The fully connected graph of scenes of the given sizes (each at least 1).</summary>
    public static SceneGraph FullyConnected(IReadOnlyList<int> sceneSizes)
    {
        ArgumentNullException.ThrowIfNull(sceneSizes);
        var source = new List<int>();
        var target = new List<int>();
        var nodeScene = new List<int>();
        int first = 0;
        for (int s = 0; s < sceneSizes.Count; s++)
        {
            int n = sceneSizes[s];
            if (n < 1)
                throw new ArgumentException(
                    $"Scene {s} has {n} nodes; every scene needs at least one.",
                    nameof(sceneSizes)
                );
            for (int i = 0; i < n; i++)
            {
                nodeScene.Add(s);
                for (int j = 0; j < n; j++)
                    if (i != j)
                    {
                        source.Add(first + i);
                        target.Add(first + j);
                    }
            }
            first += n;
        }
        return new SceneGraph([.. sceneSizes], [.. source], [.. target], [.. nodeScene]);
    }
}
