using TorchSharp;

namespace Lib.Torch.Tests;

public class LoadTests
{
    [Fact]
    public void LibTorchLoadsAndAdds()
    {
        using var a = torch.ones(3);
        using var b = a + a;
        Assert.Equal(6f, b.sum().item<float>());
    }
}
