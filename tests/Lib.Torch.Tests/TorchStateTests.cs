using Lib.Tensors;
using Lib.Tensors.NN;
using TorchSharp;
using static TorchSharp.torch.nn;

namespace Lib.Torch.Tests;

public class TorchStateTests
{
    [Fact]
    public void ALinearTwinGivesTheEngineOutputWithTheSameWeights()
    {
        var engine = new Linear(3, 2, new Generator(7));
        using var twin = Linear(3, 2);
        TorchState.CopyToTorch(engine, twin);
        var x = Tensor.FromArray([1f, -2f, 0.5f, 3f, 0f, -1f], 2, 3);
        var expected = engine.Call(x).ToArray();
        using var input = TorchState.ToTorch(x);
        var actual = TorchState.ToEngine(twin.forward(input)).ToArray();
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], actual[i], 1e-6f);
    }

    [Fact]
    public void WeightsComeBackFromTheTwin()
    {
        var engine = new Linear(4, 3, new Generator(1));
        using var twin = Linear(4, 3);
        TorchState.CopyToEngine(twin, engine);
        var back = TorchState.StateDict(twin);
        Assert.Equal(back["weight"].ToArray(), engine.StateDict()["weight"].ToArray());
        Assert.Equal(back["bias"].ToArray(), engine.StateDict()["bias"].ToArray());
    }

    [Fact]
    public void AShapeMismatchNamesTheKey()
    {
        var engine = new Linear(4, 3, new Generator(1));
        using var twin = Linear(3, 3);
        var error = Assert.Throws<ArgumentException>(() => TorchState.CopyToTorch(engine, twin));
        Assert.Contains("'weight'", error.Message);
    }
}
