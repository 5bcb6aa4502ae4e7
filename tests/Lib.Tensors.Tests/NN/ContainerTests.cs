using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.NN;

public class ContainerTests
{
    private static Sequential Mlp(long seed = 0)
    {
        var g = new Generator(seed);
        return new Sequential(new Linear(3, 5, g), new ReLU(), new Linear(5, 1, g));
    }

    [Fact]
    public void Sequential_names_children_by_position_like_pytorch()
    {
        var mlp = Mlp();
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias"], mlp.StateDict().Keys);
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias"], mlp.NamedParameters().Select(p => p.Name));
        Assert.Equal(26, mlp.NumParameters());
        Assert.Equal(3, mlp.Count);
        Assert.IsType<ReLU>(mlp[1]);
        Assert.IsType<Linear>(mlp[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => mlp[3]);
    }

    [Fact]
    public void Sequential_chains_its_modules()
    {
        var mlp = Mlp(4);
        var x = Tensor.Randn(new Generator(5), 7, 3);
        var l0 = (Linear)mlp[0];
        var l2 = (Linear)mlp[2];
        var expected = Tensor.Linear(Tensor.Linear(x, l0.Weight, l0.Bias).Relu(), l2.Weight, l2.Bias);
        Assert.Equal(expected.ToArray(), mlp.Call(x).ToArray());
        Assert.Equal([7, 1], mlp.Call(x).Shape);
    }

    [Fact]
    public void Sequential_prints_like_pytorch()
    {
        Assert.Equal("""
            Sequential(
              (0): Linear(in_features=3, out_features=5, bias=True)
              (1): ReLU()
              (2): Linear(in_features=5, out_features=1, bias=True)
            )
            """.ReplaceLineEndings("\n"), Mlp().ToString());
    }

    private sealed class Stack : Module<Tensor, Tensor>
    {
        public Stack(int layers, Generator g)
        {
            Layers = RegisterModule("layers", new ModuleList<Module<Tensor, Tensor>>());
            for (int i = 0; i < layers; i++) Layers.Add(new Sequential(new Linear(4, 4, g), new Dropout(g, 0.1f)));
            Head = RegisterModule("head", new Linear(4, 2, g, bias: false));
        }

        public ModuleList<Module<Tensor, Tensor>> Layers { get; }
        public Linear Head { get; }

        public override Tensor Forward(Tensor input)
        {
            foreach (var layer in Layers) input = layer.Call(input);
            return Head.Call(input);
        }
    }

    [Fact]
    public void ModuleList_registers_indexes_and_enumerates_its_modules()
    {
        var model = new Stack(3, new Generator(0));
        Assert.Equal(3, model.Layers.Count);
        Assert.Same(model.Layers[2], model.Layers[-1]);
        Assert.Equal(3, model.Layers.Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Layers[3]);
        Assert.Equal(["layers.0.0.weight", "layers.0.0.bias", "layers.1.0.weight", "layers.1.0.bias",
                      "layers.2.0.weight", "layers.2.0.bias", "head.weight"], model.StateDict().Keys);
        Assert.Equal(3 * 20 + 8, model.NumParameters());
        model.Layers.Add(new Identity());
        Assert.Equal("3", model.NamedChildren().First().Module.NamedChildren().Last().Name);
    }

    [Fact]
    public void Train_and_eval_reach_every_descendant()
    {
        var model = new Stack(2, new Generator(0));
        Assert.All(model.NamedModules(), m => Assert.True(m.Module.Training));
        model.Eval();
        Assert.All(model.NamedModules(), m => Assert.False(m.Module.Training, m.Name));
        var x = Tensor.Randn(new Generator(1), 2, 4);
        Assert.Equal(model.Call(x).ToArray(), model.Call(x).ToArray()); // no dropout in eval mode
        model.Train();
        Assert.True(((Sequential)model.Layers[1])[1].Training);
    }

    [Fact]
    public void Nested_repr_and_summary_name_every_module()
    {
        var model = new Stack(1, new Generator(0));
        Assert.Equal("""
            Stack(
              (layers): ModuleList(
                (0): Sequential(
                  (0): Linear(in_features=4, out_features=4, bias=True)
                  (1): Dropout(p=0.1, inplace=False)
                )
              )
              (head): Linear(in_features=4, out_features=2, bias=False)
            )
            """.ReplaceLineEndings("\n"), model.ToString());
        var summary = model.Summary();
        Assert.Contains("layers.0.0", summary);
        Assert.Contains("ModuleList ", summary);
        Assert.DoesNotContain("`", summary);
        Assert.Contains("weight[4, 4] bias[4]", summary);
        Assert.EndsWith("Total trainable parameters: 28", summary);
    }
}
