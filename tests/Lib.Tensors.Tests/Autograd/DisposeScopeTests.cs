using Lib.Tensors.Memory;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;

namespace Lib.Tensors.Tests.Autograd;

/// <summary>
/// A <see cref="DisposeScope"/> frees the op results made inside it when it ends (touching one afterwards is an
/// error, never a silent read of reused memory), keeps what it is told to keep and what it does not own (factories,
/// parameters, gradients, optimizer state), and lets a training step reuse the previous step's arrays without
/// changing a single number.
/// </summary>
[Collection(nameof(SpareArraysTests))]
public class DisposeScopeTests : IDisposable
{
    /// <summary>These tests are about the pooled allocator: they use it whatever LAB_TENSOR_ALLOCATOR says.</summary>
    private readonly TensorAllocator.UseScope _pooled = TensorAllocator.Use(TensorAllocator.Pooled);

    /// <inheritdoc/>
    public void Dispose() => _pooled.Dispose();

    [Fact]
    public void Results_made_in_a_scope_are_disposed_when_it_ends_and_using_them_says_why()
    {
        var x = GradCheck.Randn(3, 40, 50);
        Tensor y, zeros, full;
        using (DisposeScope.Enter())
        {
            y = (x * 2f + 1f).Tanh();
            zeros = Tensor.Zeros(40, 50);
            full = Tensor.Full(3f, 2, 2);
            Assert.False(y.IsDisposed);
        }
        Assert.True(y.IsDisposed);
        var e = Assert.Throws<ObjectDisposedException>(() => y.ToArray());
        Assert.Contains("DisposeScope", e.Message);
        Assert.Throws<ObjectDisposedException>(() => y.Sum());
        Assert.False(x.IsDisposed);
        Assert.False(zeros.IsDisposed); // factories are never the scope's
        Assert.Equal(new float[4].Select(_ => 3f), full.ToArray());
        Assert.Null(DisposeScope.Current);
    }

    [Fact]
    public void Kept_results_survive_and_their_arrays_are_never_handed_out_again()
    {
        var x = GradCheck.Randn(4, 64, 300); // above SpareArrays.MinLength
        var expectedTanh = x.Tanh().ToArray();
        Tensor moved, detached;
        using (DisposeScope.Enter())
        {
            moved = x.Tanh().MoveToOuterDisposeScope();
            detached = (x * 3f).DetachFromDisposeScope();
            _ = x * 5f; // disposed with the scope
        }
        var expectedTriple = x.ToArray().Select(v => v * 3f).ToArray();
        for (int round = 0; round < 3; round++)
            using (DisposeScope.Enter())
            {
                _ = (x * 7f).Exp() + x.Sigmoid();
                _ = x.Neg().Relu();
            }
        Assert.Equal(expectedTanh, moved.ToArray());
        Assert.Equal(expectedTriple, detached.ToArray());
    }

    [Fact]
    public void Scopes_nest_and_a_result_moved_out_of_the_inner_one_ends_with_the_outer_one()
    {
        var x = GradCheck.Randn(5, 8, 8);
        Tensor inner, outerResult;
        using (var outer = DisposeScope.Enter())
        {
            using (DisposeScope.Enter())
            {
                inner = x.Exp().MoveToOuterDisposeScope();
                Assert.Throws<InvalidOperationException>(() => outer.Dispose()); // the inner one is still active
            }
            Assert.False(inner.IsDisposed);
            Assert.Same(outer, DisposeScope.Current);
            outerResult = inner * 2f;
        }
        Assert.True(inner.IsDisposed);
        Assert.True(outerResult.IsDisposed);
    }

    [Fact]
    public void A_view_made_in_an_inner_scope_of_an_outer_result_ends_with_the_outer_scope()
    {
        var x = GradCheck.Randn(8, 20, 30);
        Tensor outerResult, view, detached;
        using (DisposeScope.Enter())
        {
            outerResult = x * 3f;
            using (DisposeScope.Enter())
            {
                view = outerResult.Reshape(600);
                detached = outerResult.Detach();
            }
            Assert.False(view.IsDisposed); // its storage is the outer scope's, which is still active
            Assert.Equal(outerResult.ToArray(), view.ToArray());
            Assert.Equal(outerResult.ToArray(), detached.ToArray());
        }
        Assert.True(view.IsDisposed);
        Assert.True(detached.IsDisposed);
    }

    [Fact]
    public void Backward_through_a_graph_recorded_in_an_ended_scope_throws()
    {
        var w = GradCheck.Randn(6, 10, 10).RequireGrad();
        Tensor loss;
        using (DisposeScope.Enter())
            loss = (w * w).Tanh().Sum().DetachFromDisposeScope();
        var e = Assert.Throws<ObjectDisposedException>(() => loss.Backward());
        Assert.Contains("DisposeScope", e.Message);
    }

    /// <summary>Embedding → BiLSTM → LayerNorm → Transformer layer (dropout on, seeded) → Linear, AdamW, MSE.</summary>
    private sealed class Net : Module<IndexTensor, Tensor>
    {
        private readonly Embedding _embed;
        private readonly LSTM _lstm;
        private readonly LayerNorm _norm;
        private readonly TransformerEncoderLayer _encoder;
        private readonly Linear _head;

        public Net(Generator g)
        {
            _embed = RegisterModule("embed", new Embedding(20, 16, g));
            _lstm = RegisterModule("lstm", new LSTM(16, 16, g, batchFirst: true, bidirectional: true, dropout: 0.2f, numLayers: 2));
            _norm = RegisterModule("norm", new LayerNorm(32));
            _encoder = RegisterModule("encoder", new TransformerEncoderLayer(32, 4, g, dimFeedforward: 64, dropout: 0.1f, batchFirst: true, normFirst: true));
            _head = RegisterModule("head", new Linear(32, 1, g));
        }

        public override Tensor Forward(IndexTensor ids) =>
            _head.Forward(_encoder.Forward(_norm.Forward(_lstm.Forward(_embed.Forward(ids)).Output)).Mean(1)).Squeeze(-1);
    }

    private static (Net Net, AdamW Optimizer, Func<int, float> Step) Setup(bool scoped)
    {
        var net = new Net(new Generator(3));
        var optimizer = new AdamW(net.Parameters(), lr: 1e-2, weightDecay: 0.01);
        var data = new Generator(9);
        const int batch = 16, length = 12;
        var ids = Enumerable.Range(0, 4).Select(_ => IndexTensor.FromArray([.. Enumerable.Range(0, batch * length).Select(_ => data.NextInt(20))], batch, length)).ToArray();
        var targets = Enumerable.Range(0, 4).Select(_ => Tensor.Randn(data, batch)).ToArray();
        float Step(int i)
        {
            using var scope = scoped ? DisposeScope.Enter() : null;
            optimizer.ZeroGrad(setToNone: !scoped);
            var loss = Functional.MseLoss(net.Forward(ids[i % 4]), targets[i % 4]);
            loss.Backward();
            optimizer.Step();
            return loss.Item();
        }
        return (net, optimizer, Step);
    }

    [Fact]
    public void Training_in_scopes_gives_the_same_numbers_as_training_without_them()
    {
        var (plainNet, plainOptimizer, plainStep) = Setup(scoped: false);
        var (scopedNet, scopedOptimizer, scopedStep) = Setup(scoped: true);
        for (int i = 0; i < 6; i++) Assert.Equal(plainStep(i), scopedStep(i));
        var plain = plainNet.StateDict();
        foreach (var (key, value) in scopedNet.StateDict())
        {
            Assert.False(value.IsDisposed);
            Assert.Equal(plain[key].ToArray(), value.ToArray());
            Assert.Equal(plainNet.StateDict()[key].Grad?.ToArray(), value.Grad?.ToArray());
        }
        var plainState = plainOptimizer.StateDict();
        foreach (var (key, value) in scopedOptimizer.StateDict()) Assert.Equal(plainState[key].ToArray(), value.ToArray());
    }

    [Fact]
    public void A_step_in_a_scope_reuses_the_arrays_of_the_step_before()
    {
        var (_, _, step) = Setup(scoped: true);
        long before = GC.GetAllocatedBytesForCurrentThread();
        step(0);
        long first = GC.GetAllocatedBytesForCurrentThread() - before;
        step(1);
        step(2);
        before = GC.GetAllocatedBytesForCurrentThread();
        step(3);
        long steady = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(steady * 5 < first, $"the first step allocated {first:N0} bytes and a later one {steady:N0}: arrays were not reused");
    }
}
