using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.NN.Losses;

public class LossModuleTests
{
    private static readonly Tensor X = GradCheck.Randn(1, 4, 3);
    private static readonly Tensor T = GradCheck.Randn(2, 4, 3);

    [Fact]
    public void Modules_compute_the_functional_losses()
    {
        Assert.Equal(Functional.L1Loss(X, T, Reduction.Sum).Item(), new L1Loss(Reduction.Sum).Forward(X, T).Item());
        Assert.Equal(Functional.MseLoss(X, T).Item(), new MSELoss().Forward(X, T).Item());
        Assert.Equal(Functional.HuberLoss(X, T, 0.5f).Item(), new HuberLoss(delta: 0.5f).Forward(X, T).Item());
        Assert.Equal(Functional.SmoothL1Loss(X, T, 0.5f, Reduction.None).ToArray(), new SmoothL1Loss(Reduction.None, beta: 0.5f).Forward(X, T).ToArray());
        var probabilities = T.Sigmoid();
        var pw = Tensor.FromArray([0.5f, 2f, 3f]);
        Assert.Equal(Functional.BinaryCrossEntropyWithLogits(X, probabilities, posWeight: pw).Item(), new BCEWithLogitsLoss(posWeight: pw).Forward(X, probabilities).Item());
        var classes = IndexTensor.FromArray([0, 2, 1, -100]);
        var w = Tensor.FromArray([1f, 2f, 3f]);
        Assert.Equal(Functional.CrossEntropy(X, classes, w, labelSmoothing: 0.1f).Item(), new CrossEntropyLoss(w, labelSmoothing: 0.1f).Forward(X, classes).Item());
        var variance = T.Exp();
        Assert.Equal(Functional.GaussianNllLoss(X, T, variance, full: true).Item(), new GaussianNLLLoss(full: true).Forward(X, T, variance).Item());
    }

    [Fact]
    public void Weights_are_buffers_with_pytorch_names()
    {
        var pw = Tensor.FromArray([0.5f, 2f, 3f]);
        Assert.Equal(["weight", "pos_weight"], new BCEWithLogitsLoss(Tensor.Ones(3), posWeight: pw).StateDict().Keys);
        Assert.Equal(["pos_weight"], new BCEWithLogitsLoss(posWeight: pw).StateDict().Keys);
        Assert.Empty(new BCEWithLogitsLoss().StateDict());
        var ce = new CrossEntropyLoss(Tensor.Ones(3));
        Assert.Equal(["weight"], ce.StateDict().Keys);
        Assert.Equal(0, ce.NumParameters());
        // Loading a state dict changes the weight the loss uses.
        ce.LoadStateDict(new Dictionary<string, Tensor> { ["weight"] = Tensor.FromArray([0f, 1f, 1f]) });
        var ignoredByWeight = ce.Forward(X, IndexTensor.FromArray([0, 1, 2, 1]));
        Assert.Equal(Functional.CrossEntropy(X, IndexTensor.FromArray([0, 1, 2, 1]), Tensor.FromArray([0f, 1f, 1f])).Item(), ignoredByWeight.Item());
        Assert.Empty(new MSELoss().StateDict());
    }

    [Fact]
    public void Configuration_is_kept_and_checked()
    {
        Assert.Equal(Reduction.Mean, new L1Loss().Reduction);
        Assert.Equal(-100, new CrossEntropyLoss().IgnoreIndex);
        Assert.Equal(1e-6f, new GaussianNLLLoss().Eps);
        Assert.Equal("CrossEntropyLoss()", new CrossEntropyLoss().ToString());
        Assert.Throws<ArgumentException>(() => new MSELoss((Reduction)5));
        Assert.Throws<ArgumentException>(() => new CrossEntropyLoss(labelSmoothing: -0.1f));
    }
}
