using Lib.Workflow;
using Lib.Tensors;
using Lib.Tensors.Autograd;
using Lib.Track.Dataset;
using Lib.Track.Model;

namespace Lib.Tests.Track;

/// <summary>The hierarchical track model, exported to ONNX and run by ONNX Runtime on real windows at two batch sizes,
/// gives the engine's forecasts within 1e-5: the trained models, and every head variant with drawn weights.</summary>
[Collection(TrackCollection.Name)]
public class HierarchicalLstmOnnxTests(TrackFixture fixture)
{
    [Fact]
    public void The_trained_models_export_and_match_the_engine()
    {
        foreach (var model in fixture.Models)
            AssertMatches(model.Network, Samples(model));
    }

    [Theory]
    [InlineData(HeadKind.Mlp32, true)]
    [InlineData(HeadKind.Mlp32, false)]
    [InlineData(HeadKind.Linear, true)]
    [InlineData(HeadKind.LayerNormLinear, false)]
    public void Every_head_variant_matches_the_engine(HeadKind head, bool shared)
    {
        var model = fixture.Models[0];
        var network = new HierarchicalLstm(
            model.Config with
            {
                Head = head,
                SharedHead = shared,
            },
            model.Inputs.Events.Count,
            new Generator(5)
        );
        var g = new Generator(6);
        foreach (var (_, parameter) in network.NamedParameters()) // the output layer starts at zero: draw it all
            (Tensor.Randn(g, [.. parameter.Shape]) * 0.5f).ToArray().CopyTo(parameter.AsSpan());
        AssertMatches(network, Samples(model));
    }

    private List<WindowSample> Samples(TrackModel model) =>
        [
            .. Windows
                .Build(fixture.Data.Of(model.Gender), model.Config.Seasons)
                .Where(w => model.Encoder.Knows(w.History.Event.Code))
                .Take(40)
                .Select(model.Encoder.Encode),
        ];

    private static void AssertMatches(HierarchicalLstm network, List<WindowSample> samples)
    {
        network.Eval();
        using var session = new OnnxModelSession(HierarchicalLstmOnnx.Export(network));
        int k = network.Config.Seasons;
        foreach (var part in new[] { samples.Take(3).ToList(), samples.Skip(3).ToList() })
        {
            var b = TrackBatch.Collate(part, k);
            Assert.Contains(b.SeasonCounts.ToArray(), c => c < k); // some empty slots
            Tensor expected;
            using (GradMode.NoGrad())
                expected = network.Forward(b);
            var actual = session
                .Float("marks", b.Marks)
                .Int64("mark_lengths", b.MarkLengths)
                .Int64("season_slots", b.SeasonSlots.Reshape(b.Size, k))
                .Int64("season_counts", b.SeasonCounts)
                .Int64("season_labels", b.SeasonLabels.Reshape(b.Size, k))
                .Int64("target_label", b.TargetLabels)
                .Int64("event", b.Events)
                .Float("summary", b.Summary)
                .Float("base", b.Base)
                .Run(HierarchicalLstmOnnx.Output);
            OnnxAssert.Close(expected, actual, i => $"window {i} of {b.Size}");
        }
    }
}
