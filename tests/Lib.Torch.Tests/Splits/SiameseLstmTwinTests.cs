using System.Text.Json;
using Lib.Splits.Model;
using Lib.Tensors;
using Lib.Tensors.Autograd;
using Lib.Tensors.IO;
using Lib.Tensors.NN;
using Lib.Torch.Splits;
using TorchSharp;

namespace Lib.Torch.Tests.Splits;

/// <summary>
/// The split timer's siamese LSTM and its twin: same keys (TorchSharp's <c>nn.LSTM</c> names its weights as PyTorch
/// does: <c>weight_ih_l0</c>, <c>weight_hh_l0_reverse</c>, …), same outputs from the same weights (bidirectional and
/// not, MLP and dot interaction), the same BCE and MSE and gradients after one step (dropout off on both sides),
/// checkpoints that predict the same on either side, and the twin against the PyTorch 1.13 golden.
/// </summary>
public class SiameseLstmTwinTests
{
    private const int Frames = 50; // the workflow's clip length (SampleOptions.ClipLength)

    /// <summary>The original's defaults (compression 128, hidden 128, bidirectional, post-LSTM 64) on frames of
    /// 64 features.</summary>
    private static SiameseLstmConfig Config(
        bool bidirectional = true,
        string interaction = "mlp",
        float dropout = 0.5f
    ) =>
        new()
        {
            InputSize = 64,
            Bidirectional = bidirectional,
            InteractionType = interaction,
            Dropout = dropout,
        };

    private static SiameseLstmTwin Twin(SiameseLstm engine)
    {
        var twin = new SiameseLstmTwin(engine.Config);
        TorchState.CopyToTorch(engine, twin);
        return twin;
    }

    [Theory]
    [InlineData(true, "mlp")]
    [InlineData(false, "mlp")]
    [InlineData(true, "dot")]
    public void TheSameWeightsGiveTheSameOutputs(bool bidirectional, string interaction)
    {
        var engine = new SiameseLstm(Config(bidirectional, interaction), new Generator(3));
        using var twin = Twin(engine);
        Parity.SameKeys(engine, twin);
        var g = new Generator(4);
        var first = Tensor.Randn(g, 16, Frames, 64);
        var second = Tensor.Randn(g, 16, Frames, 64);
        engine.Eval();
        twin.eval(); // dropout off on both sides
        Tensor expected;
        using (GradMode.NoGrad())
            expected = engine.Forward(first, second);
        using var scope = torch.NewDisposeScope();
        using var no = torch.no_grad();
        Parity.Close(expected, twin.forward(Parity.Torch(first), Parity.Torch(second)), "outputs");
    }

    [Theory]
    [InlineData("classifier")]
    [InlineData("regressor")]
    public void OneTrainingStepGivesTheSameLossAndGradients(string task)
    {
        var engine = new SiameseLstm(Config(dropout: 0f), new Generator(5));
        using var twin = Twin(engine);
        var g = new Generator(6);
        var first = Tensor.Randn(g, 32, Frames, 64);
        var second = Tensor.Randn(g, 32, Frames, 64);
        var labels = task == "classifier" ? (Tensor.Rand(g, 32) - 0.5f).Relu().Sign() : Tensor.Randn(g, 32) * 3f;
        var output = engine.Forward(first, second);
        var loss =
            task == "classifier"
                ? Functional.BinaryCrossEntropyWithLogits(output, labels)
                : Functional.MseLoss(output, labels);
        loss.Backward();

        using var scope = torch.NewDisposeScope();
        var torchOutput = twin.forward(Parity.Torch(first), Parity.Torch(second));
        var torchLabels = Parity.Torch(labels);
        var torchLoss =
            task == "classifier"
                ? torch.nn.functional.binary_cross_entropy_with_logits(torchOutput, torchLabels)
                : torch.nn.functional.mse_loss(torchOutput, torchLabels);
        torchLoss.backward();

        Assert.Equal(loss.Item(), torchLoss.item<float>(), 1e-5f * (1 + Math.Abs(loss.Item())));
        Parity.SameGradients(engine, twin);
    }

    [Fact]
    public void ACheckpointTrainedOnEitherSidePredictsTheSameOnTheOther()
    {
        using var dir = new TempFolder();
        var config = Config(dropout: 0f);
        var g = new Generator(7);
        var first = Tensor.Randn(g, 16, Frames, 64);
        var second = Tensor.Randn(g, 16, Frames, 64);
        var labels = (Tensor.Rand(g, 16) - 0.5f).Relu().Sign();

        var start = new SiameseLstm(config, new Generator(8));
        using var twin = Twin(start);
        using (var adam = torch.optim.Adam(twin.parameters(), 1e-3))
            for (int i = 0; i < 3; i++)
            {
                using var scope = torch.NewDisposeScope();
                adam.zero_grad();
                torch
                    .nn.functional.binary_cross_entropy_with_logits(
                        twin.forward(Parity.Torch(first), Parity.Torch(second)),
                        Parity.Torch(labels)
                    )
                    .backward();
                adam.step();
            }
        var fromTorch = Path.Combine(dir.Path, "torch.safetensors");
        Checkpoint.Save(fromTorch, TorchState.StateDict(twin));
        var engine = new SiameseLstm(config, new Generator(88));
        Checkpoint.Load(fromTorch, engine);
        AssertSamePrediction(engine, twin, first, second);

        var adamEngine = new Lib.Tensors.Optim.Adam(engine.Parameters(), lr: 1e-3);
        engine.Train();
        for (int i = 0; i < 3; i++)
        {
            adamEngine.ZeroGrad();
            Functional.BinaryCrossEntropyWithLogits(engine.Forward(first, second), labels).Backward();
            adamEngine.Step();
        }
        var fromEngine = Path.Combine(dir.Path, "engine.safetensors");
        Checkpoint.Save(fromEngine, engine);
        using var other = new SiameseLstmTwin(config);
        TorchState.LoadInto(other, Checkpoint.LoadTensors(fromEngine).Tensors);
        AssertSamePrediction(engine, other, first, second);
    }

    private static void AssertSamePrediction(SiameseLstm engine, SiameseLstmTwin twin, Tensor first, Tensor second)
    {
        engine.Eval();
        twin.eval();
        Tensor expected;
        using (GradMode.NoGrad())
            expected = engine.Forward(first, second);
        using var scope = torch.NewDisposeScope();
        using var no = torch.no_grad();
        Parity.Close(expected, twin.forward(Parity.Torch(first), Parity.Torch(second)), "outputs");
    }

    [Fact]
    public void TheTwinMatchesThePyTorchGolden()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "fixtures", "splits", "siamese_lstm.safetensors");
        var (tensors, meta) = SafeTensors.Load(path);
        var cfg = JsonDocument.Parse(meta["config"]).RootElement;
        using var twin = new SiameseLstmTwin(
            new SiameseLstmConfig
            {
                InputSize = cfg.GetProperty("input_size").GetInt32(),
                HiddenSize = cfg.GetProperty("hidden_size").GetInt32(),
                CompressSizes = [.. cfg.GetProperty("compress_sizes").EnumerateArray().Select(e => e.GetInt32())],
                PostLstmSizes = [.. cfg.GetProperty("post_lstm_sizes").EnumerateArray().Select(e => e.GetInt32())],
                Dropout = cfg.GetProperty("dropout").GetSingle(),
            }
        );
        TorchState.LoadInto(
            twin,
            tensors
                .Where(kv => kv.Key.StartsWith("param.", StringComparison.Ordinal))
                .ToDictionary(kv => kv.Key["param.".Length..], kv => kv.Value.ToTensor())
        );
        twin.eval();
        using var scope = torch.NewDisposeScope();
        var clip1 = Parity.Torch(tensors["input.clip1"].ToTensor()).requires_grad_();
        var clip2 = Parity.Torch(tensors["input.clip2"].ToTensor()).requires_grad_();
        var output = twin.forward(clip1, clip2);
        Parity.Close(tensors["output.out"].ToTensor(), output, "out");
        (output * Parity.Torch(tensors["upstream.out"].ToTensor())).sum().backward();
        Parity.Close(tensors["grad.input.clip1"].ToTensor(), clip1.grad!, "d/d clip1");
        Parity.Close(tensors["grad.input.clip2"].ToTensor(), clip2.grad!, "d/d clip2");
        foreach (var (name, p) in twin.named_parameters())
            Parity.Close(tensors[$"grad.param.{name}"].ToTensor(), p.grad!, $"d/d {name}");
    }
}
