using Lib.Football.Domain;
using Lib.Tensors;

namespace Lib.Football.Dataset;

/// <summary>
/// A batch of <see cref="TrajectorySample"/>s as one disjoint graph: the B samples' nodes stacked (M = Σ N_b nodes,
/// sample b's at <see cref="NodeOffsets"/>[b] …), each sample's graph fully connected (every ordered pair of its nodes,
/// no self-loops; 23 nodes give 506 edges) and no edge between samples. Masks follow the engine's polarity:
/// 1 = a real (tracked) value.
/// <list type="bullet">
/// <item><see cref="Nodes"/> [M, T, F]: <see cref="NodeFeatures"/> per observed frame (T = observed frames, the cut
/// last); a frame where the entity was not tracked repeats the nearest tracked frame's values (earlier first) and is
/// 0 in <see cref="ObservedMask"/> [M, T].</item>
/// <item><see cref="Targets"/> [M, H, 2]: the future positions (x, y, yd, normalised frame) at the cut + 1 … + H;
/// <see cref="TargetMask"/> [M, H] is 1 where the entity was tracked then (0 for padding-like holes).</item>
/// <item><see cref="LastPosition"/> [M, 2] and <see cref="LastVelocity"/> [M, 2]: at the cut (the anchor for
/// displacements and the constant-velocity baselines).</item>
/// <item><see cref="IsPlayer"/> [M]: 1 for players, 0 for the ball (forecasts and losses are for players).</item>
/// <item><see cref="Graph"/>: CSR by destination node (row i's edges bring source nodes <c>ColIndex</c> into i), for
/// <see cref="Tensor.SegmentSum"/>; <see cref="EdgeSource"/>/<see cref="EdgeTarget"/> [E] name each CSR edge's ends
/// (gather source and destination features with <c>IndexSelect</c>); <see cref="EdgeAttr"/> [E, 3]: dx, dy (source −
/// destination) and distance at the cut.</item>
/// <item><see cref="Pooling"/>: CSR with one row per sample over its nodes (SegmentSum → per-sample sums, for the
/// coverage head); <see cref="NodeSample"/> [M] each node's sample.</item>
/// <item><see cref="Coverage"/> [B] the tight-window label (0/1) and <see cref="CoverageMask"/> [B] 1 where the
/// play has one.</item>
/// </list>
/// </summary>
public sealed class FootballBatch
{
    private FootballBatch() { }

    /// <summary>The samples, in batch order.</summary>
    public required IReadOnlyList<TrajectorySample> Samples { get; init; }

    /// <summary>[M, T, F] node features per observed frame.</summary>
    public required Tensor Nodes { get; init; }

    /// <summary>[M, T] 1 where the entity was tracked.</summary>
    public required Tensor ObservedMask { get; init; }

    /// <summary>[M, H, 2] future positions.</summary>
    public required Tensor Targets { get; init; }

    /// <summary>[M, H] 1 where the future position is known.</summary>
    public required Tensor TargetMask { get; init; }

    /// <summary>[M, 2] the position at the cut.</summary>
    public required Tensor LastPosition { get; init; }

    /// <summary>[M, 2] the velocity at the cut (yd/s).</summary>
    public required Tensor LastVelocity { get; init; }

    /// <summary>[M] 1 for players, 0 for the ball.</summary>
    public required Tensor IsPlayer { get; init; }

    /// <summary>The edges, CSR by destination node.</summary>
    public required CsrGraph Graph { get; init; }

    /// <summary>[E] the source node of each CSR edge.</summary>
    public required IndexTensor EdgeSource { get; init; }

    /// <summary>[E] the destination node of each CSR edge.</summary>
    public required IndexTensor EdgeTarget { get; init; }

    /// <summary>[E, 3] dx, dy, distance at the cut.</summary>
    public required Tensor EdgeAttr { get; init; }

    /// <summary>One row per sample over its nodes.</summary>
    public required CsrGraph Pooling { get; init; }

    /// <summary>[M] each node's sample.</summary>
    public required IndexTensor NodeSample { get; init; }

    /// <summary>B + 1 offsets: sample b's nodes are NodeOffsets[b] … NodeOffsets[b+1] − 1.</summary>
    public required int[] NodeOffsets { get; init; }

    /// <summary>[M] each node's entity (its index in the sample's <see cref="PlayTracks.Entities"/>).</summary>
    public required int[] NodeEntity { get; init; }

    /// <summary>[B] the tight-window label.</summary>
    public required Tensor Coverage { get; init; }

    /// <summary>[B] 1 where the sample's play has a label.</summary>
    public required Tensor CoverageMask { get; init; }

    /// <summary>The number of samples.</summary>
    public int Size => Samples.Count;

    /// <summary>The number of nodes.</summary>
    public int NodeCount => NodeOffsets[^1];

    /// <summary>Node <paramref name="node"/>'s entity (player or ball) in its sample's play.</summary>
    public TrackEntity Entity(int node) => Samples[NodeSample.Data[node]].Tracks.Entities[NodeEntity[node]];

    /// <summary>Stacks samples (of one observed length and horizon) into a batch.</summary>
    /// <exception cref="ArgumentException">No samples, or samples of different lengths.</exception>
    public static FootballBatch Collate(IReadOnlyList<TrajectorySample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
            throw new ArgumentException("Collate needs at least one sample.", nameof(samples));
        int t = samples[0].Observed,
            h = samples[0].Horizon,
            f = NodeFeatures.Count;
        if (samples.Any(s => s.Observed != t || s.Horizon != h))
            throw new ArgumentException(
                $"Collate: samples mix observed/horizon lengths ({t}/{h} and others).",
                nameof(samples)
            );
        var offsets = new int[samples.Count + 1];
        for (int b = 0; b < samples.Count; b++)
            offsets[b + 1] = offsets[b] + samples[b].Nodes.Count;
        int m = offsets[^1];
        long edgeCount = samples.Sum(s => (long)s.Nodes.Count * (s.Nodes.Count - 1));
        var nodes = new float[m * t * f];
        var observedMask = new float[m * t];
        var targets = new float[m * h * 2];
        var targetMask = new float[m * h];
        var last = new float[m * 2];
        var velocity = new float[m * 2];
        var isPlayer = new float[m];
        var nodeSample = new int[m];
        var nodeEntity = new int[m];
        var rowPointer = new int[m + 1];
        var colIndex = new int[edgeCount];
        var edgeTarget = new int[edgeCount];
        var edgeAttr = new float[edgeCount * 3];
        var coverage = new float[samples.Count];
        var coverageMask = new float[samples.Count];
        int edge = 0;
        for (int b = 0; b < samples.Count; b++)
        {
            var s = samples[b];
            var tracks = s.Tracks;
            int first = s.CutFrame - t + 1;
            for (int k = 0; k < s.Nodes.Count; k++)
            {
                int node = offsets[b] + k,
                    e = s.Nodes[k];
                nodeSample[node] = b;
                nodeEntity[node] = e;
                isPlayer[node] = tracks.Entities[e].IsBall ? 0f : 1f;
                for (int step = 0; step < t; step++)
                {
                    int frame = first + step;
                    int source = NearestTracked(tracks, e, frame, first, s.CutFrame);
                    observedMask[node * t + step] = tracks.Present[tracks.At(e, frame)] ? 1f : 0f;
                    NodeFeatures.Write(tracks, e, tracks.At(e, source), nodes.AsSpan((node * t + step) * f, f));
                }
                int cut = tracks.At(e, NearestTracked(tracks, e, s.CutFrame, first, s.CutFrame));
                (last[node * 2], last[node * 2 + 1]) = (tracks.X[cut], tracks.Y[cut]);
                (velocity[node * 2], velocity[node * 2 + 1]) = (tracks.Vx[cut], tracks.Vy[cut]);
                for (int step = 0; step < h; step++)
                {
                    int frame = s.CutFrame + 1 + step;
                    if (!tracks.Covers(frame) || !tracks.Present[tracks.At(e, frame)])
                        continue;
                    int at = tracks.At(e, frame);
                    targets[(node * h + step) * 2] = tracks.X[at];
                    targets[(node * h + step) * 2 + 1] = tracks.Y[at];
                    targetMask[node * h + step] = 1f;
                }
            }
            for (int i = 0; i < s.Nodes.Count; i++)
            {
                int destination = offsets[b] + i;
                rowPointer[destination] = edge;
                for (int j = 0; j < s.Nodes.Count; j++)
                {
                    if (j == i)
                        continue;
                    int source = offsets[b] + j;
                    float dx = last[source * 2] - last[destination * 2],
                        dy = last[source * 2 + 1] - last[destination * 2 + 1];
                    colIndex[edge] = source;
                    edgeTarget[edge] = destination;
                    edgeAttr[edge * 3] = dx;
                    edgeAttr[edge * 3 + 1] = dy;
                    edgeAttr[edge * 3 + 2] = MathF.Sqrt(dx * dx + dy * dy);
                    edge++;
                }
            }
            if (s.Coverage is { } label)
                (coverage[b], coverageMask[b]) = (label.TightWindow ? 1f : 0f, 1f);
        }
        rowPointer[m] = edge;
        var pooling = new int[m];
        for (int i = 0; i < m; i++)
            pooling[i] = i;
        return new FootballBatch
        {
            Samples = samples,
            Nodes = Tensor.FromArray(nodes, m, t, f),
            ObservedMask = Tensor.FromArray(observedMask, m, t),
            Targets = Tensor.FromArray(targets, m, h, 2),
            TargetMask = Tensor.FromArray(targetMask, m, h),
            LastPosition = Tensor.FromArray(last, m, 2),
            LastVelocity = Tensor.FromArray(velocity, m, 2),
            IsPlayer = Tensor.FromArray(isPlayer, m),
            Graph = new CsrGraph(rowPointer, colIndex),
            EdgeSource = IndexTensor.FromArray(colIndex, colIndex.Length),
            EdgeTarget = IndexTensor.FromArray(edgeTarget, edgeTarget.Length),
            EdgeAttr = Tensor.FromArray(edgeAttr, (int)edgeCount, 3),
            Pooling = new CsrGraph(offsets, pooling),
            NodeSample = IndexTensor.FromArray(nodeSample, m),
            NodeOffsets = offsets,
            NodeEntity = nodeEntity,
            Coverage = Tensor.FromArray(coverage, samples.Count),
            CoverageMask = Tensor.FromArray(coverageMask, samples.Count),
        };
    }

    /// <summary>The tracked frame of the window [first, cut] nearest <paramref name="frame"/>, earlier frames
    /// first.</summary>
    private static int NearestTracked(PlayTracks tracks, int entity, int frame, int first, int cut)
    {
        if (tracks.Present[tracks.At(entity, frame)])
            return frame;
        for (int d = 1; d <= cut - first; d++)
        {
            if (frame - d >= first && tracks.Present[tracks.At(entity, frame - d)])
                return frame - d;
            if (frame + d <= cut && tracks.Present[tracks.At(entity, frame + d)])
                return frame + d;
        }
        return frame; // not reached: a node is tracked in the window
    }
}
