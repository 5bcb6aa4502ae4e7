using Lib.Tensors.Autograd;
using Lib.Tensors.Optim;
using Lib.Tensors.Training;

namespace Lib.Tensors.Tests.Training;

public class AuxiliaryLossTests
{
    private static Tensor Penalty(LinearRegression model) => model.Weight.Pow(2f).Sum() * 0.1f;

    [Fact]
    public void Each_auxiliary_term_is_logged_as_its_epoch_mean_and_train_loss_is_the_total()
    {
        var model = new LinearRegression(new Generator(1), 2);
        var trainer = new Trainer<Tensor[]>(model, new SGD(model.Parameters(), lr: 0.0), b =>
            new TrainingStepOutput(LinearRegression.Mse(model.Call(b[0]), b[1]), new Dictionary<string, Tensor> { ["l2"] = Penalty(model) }))
        { MaxEpochs = 1 };
        var data = TinyData.Make(12, 3);
        var history = trainer.Fit(TinyData.Loader(data, 5, null)); // batches of 5, 5, 2

        double l2 = 0.1 * model.Weight.ToArray().Sum(w => (double)w * w); // lr 0: the weights never move
        double mse = LinearRegression.Mse(model.Call(data.Tensors[0]), data.Tensors[1]).Item();
        Assert.Equal(l2, history.Epochs[0].Metrics["train_l2"], 5);
        Assert.Equal(mse + l2, history.Epochs[0].TrainLoss, 5);
        Assert.Equal(l2, history.Metric("train_l2")[0], 5);
    }

    [Fact]
    public void The_total_is_what_is_optimised()
    {
        LinearRegression Train(bool split)
        {
            var model = new LinearRegression(new Generator(1), 2);
            var trainer = new Trainer<Tensor[]>(model, new SGD(model.Parameters(), lr: 0.05), b =>
            {
                var main = LinearRegression.Mse(model.Call(b[0]), b[1]);
                return split
                    ? new TrainingStepOutput(main, new Dictionary<string, Tensor> { ["l2"] = Penalty(model) })
                    : main.Add(Penalty(model));
            })
            { MaxEpochs = 3 };
            trainer.Fit(TinyData.Loader(TinyData.Make(16, 3), 4, null));
            return model;
        }
        var withTerm = Train(split: true);
        var summed = Train(split: false);
        Assert.Equal(summed.Weight.ToArray(), withTerm.Weight.ToArray());
        var plain = new LinearRegression(new Generator(1), 2);
        new Trainer<Tensor[]>(plain, new SGD(plain.Parameters(), lr: 0.05), b => LinearRegression.Mse(plain.Call(b[0]), b[1])) { MaxEpochs = 3 }
            .Fit(TinyData.Loader(TinyData.Make(16, 3), 4, null));
        Assert.NotEqual(plain.Weight.ToArray(), withTerm.Weight.ToArray()); // the penalty changed the weights
    }

    [Fact]
    public void Batches_must_return_the_same_terms()
    {
        var model = new LinearRegression(new Generator(1), 2);
        int calls = 0;
        var trainer = new Trainer<Tensor[]>(model, new SGD(model.Parameters(), lr: 0.05), b =>
        {
            var main = LinearRegression.Mse(model.Call(b[0]), b[1]);
            return calls++ == 0 ? new TrainingStepOutput(main, new Dictionary<string, Tensor> { ["l2"] = Penalty(model) }) : main;
        })
        { MaxEpochs = 1 };
        var e = Assert.Throws<InvalidOperationException>(() => trainer.Fit(TinyData.Loader(TinyData.Make(8, 3), 4, null)));
        Assert.Contains("Training batch 1 of epoch 0 returned auxiliary loss terms [] but the epoch's first batch returned [l2]", e.Message);
    }

    [Theory]
    [InlineData("loss")]
    [InlineData("")]
    [InlineData("a b")]
    public void A_term_named_loss_or_with_odd_characters_is_refused(string name)
    {
        var model = new LinearRegression(new Generator(1), 2);
        var trainer = new Trainer<Tensor[]>(model, new SGD(model.Parameters(), lr: 0.05), b =>
            new TrainingStepOutput(LinearRegression.Mse(model.Call(b[0]), b[1]), new Dictionary<string, Tensor> { [name] = Penalty(model) }))
        { MaxEpochs = 1 };
        var e = Assert.Throws<InvalidOperationException>(() => trainer.Fit(TinyData.Loader(TinyData.Make(8, 3), 4, null)));
        Assert.Contains($"Auxiliary loss term '{name}'", e.Message);
    }

    [Fact]
    public void A_non_scalar_term_and_a_validation_metric_of_the_same_name_are_refused()
    {
        var model = new LinearRegression(new Generator(1), 2);
        var vector = new Trainer<Tensor[]>(model, new SGD(model.Parameters(), lr: 0.05), b =>
            new TrainingStepOutput(LinearRegression.Mse(model.Call(b[0]), b[1]), new Dictionary<string, Tensor> { ["w"] = model.Weight }))
        { MaxEpochs = 1 };
        var e = Assert.Throws<InvalidOperationException>(() => vector.Fit(TinyData.Loader(TinyData.Make(8, 3), 4, null)));
        Assert.Contains("scalar auxiliary term 'w'; it returned shape [2, 1]", e.Message);

        var clash = new Trainer<Tensor[]>(model, new SGD(model.Parameters(), lr: 0.05), b =>
            new TrainingStepOutput(LinearRegression.Mse(model.Call(b[0]), b[1]), new Dictionary<string, Tensor> { ["l2"] = Penalty(model) }))
        {
            MaxEpochs = 1,
            Validate = _ => new Dictionary<string, double> { ["train_l2"] = 0 },
        };
        var data = TinyData.Loader(TinyData.Make(8, 3), 4, null);
        e = Assert.Throws<InvalidOperationException>(() => clash.Fit(data, TinyData.Loader(TinyData.Make(8, 3), 4, null)));
        Assert.Contains("'train_l2', which is the name of an auxiliary training loss term", e.Message);
    }
}
