using Lib.Workflow;
using Lib.Football.Dataset;
using Lib.Football.Model;
using Lib.Tensors;
using Lib.Tensors.Autograd;

namespace Lib.Tests.Football;

public class TrajectoryGnnOnnxTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void The_exported_model_matches_the_engine_in_ONNX_Runtime_for_any_batch(int modes)
    {
        var config = new TrajectoryGnnConfig { NodeFeatures = 7, Hidden = 16, Layers = 2, Modes = modes };
        var generator = new Generator(11 + modes);
        var model = new TrajectoryGnn(config, generator);
        // the deterministic head starts at zero: draw it so the check covers it
        var last = (Lib.Tensors.NN.Linear)model.Head[2];
        Tensor.Randn(generator, last.Weight.Shape.ToArray()).Data.CopyTo(last.Weight.AsSpan());
        model.Eval();
        using var session = new OnnxModelSession(TrajectoryGnnOnnx.Export(model));
        foreach (int[] sizes in new[] { new[] { 23 }, [23, 21, 23] })
        {
            var graph = SceneGraph.FullyConnected(sizes);
            int n = graph.Nodes;
            var frames = Tensor.Randn(generator, n, config.Observed, config.NodeFeatures);
            var positions = Tensor.Rand(generator, n, 2) * 40f;
            var velocity = Tensor.Randn(generator, n, 2) * 0.5f;
            TrajectoryOutput expected;
            using (GradMode.NoGrad())
                expected = model.Forward(frames, positions, velocity, graph);
            void Feed() => session.Float(TrajectoryGnnOnnx.Frames, frames).Float(TrajectoryGnnOnnx.Positions, positions)
                .Float(TrajectoryGnnOnnx.Velocity, velocity)
                .Int64(TrajectoryGnnOnnx.EdgeSource, graph.Source).Int64(TrajectoryGnnOnnx.EdgeTarget, graph.Target)
                .Int64(TrajectoryGnnOnnx.NodeScene, IndexTensor.FromArray(graph.NodeScene, n))
                .Float(TrajectoryGnnOnnx.SceneSizes, graph.SceneSizeTensor);
            var outputs = new List<(string Name, Tensor Engine)> { (TrajectoryGnnOnnx.Means, expected.Means), (TrajectoryGnnOnnx.CoverageLogit, expected.CoverageLogit) };
            if (expected.IsMixture)
                outputs.AddRange([(TrajectoryGnnOnnx.LogSigma, expected.LogSigma!), (TrajectoryGnnOnnx.ModeLogits, expected.ModeLogits!)]);
            foreach (var (name, engine) in outputs)
            {
                Feed();
                var onnx = session.Run(name);
                Assert.Equal(engine.Shape, onnx.Shape);
                for (int i = 0; i < engine.NumEl; i++)
                    Assert.True(Math.Abs(engine.Data[i] - onnx.Data[i]) <= 1e-4f * (1 + Math.Abs(engine.Data[i])), $"{name}[{i}] ({sizes.Length} scenes): engine {engine.Data[i]:G9}, ONNX Runtime {onnx.Data[i]:G9}");
            }
        }
    }
}
