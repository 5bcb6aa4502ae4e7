using Lib.Tensors.Autograd;
using Lib.Tensors.Optim;
using Lib.Tensors.Training;

namespace Lib.Tensors.Tests.Training;

public class PrecisionTests
{
    private static Trainer<Tensor[]> Make(string precision)
    {
        var model = new LinearRegression(new Generator(1), 2);
        return new Trainer<Tensor[]>(model, new SGD(model.Parameters(), lr: 0.05), b => LinearRegression.Mse(model.Call(b[0]), b[1]))
        {
            MaxEpochs = 1,
            Precision = precision,
        };
    }

    [Theory]
    [InlineData("32")]
    [InlineData("32-true")]
    [InlineData(" 32 ")]
    public void Float32_trains(string precision)
    {
        var history = Make(precision).Fit(TinyData.Loader(TinyData.Make(8, 1), 4, null));
        Assert.Single(history.Epochs);
        Assert.Equal("32", TrainingPrecision.Validate(precision));
    }

    [Theory]
    [InlineData("16")]
    [InlineData("16-mixed")]
    [InlineData("bf16")]
    [InlineData("bf16-mixed")]
    [InlineData("64")]
    [InlineData("")]
    public void Every_other_precision_is_refused_before_training_with_a_message_that_the_engine_is_float32(string precision)
    {
        var trainer = Make(precision);
        var e = Assert.Throws<ArgumentException>(() => trainer.Fit(TinyData.Loader(TinyData.Make(8, 1), 4, null)));
        Assert.Contains($"Precision '{precision}' is not supported", e.Message);
        Assert.Contains("float32 only", e.Message);
        Assert.Contains("\"32\"", e.Message);
        Assert.Empty(((LinearRegression)trainer.Model).Calls); // refused before any batch
    }

    [Fact]
    public void The_message_names_the_option_it_came_from()
    {
        var e = Assert.Throws<ArgumentException>(() => TrainingPrecision.Validate("bf16", "--precision"));
        Assert.StartsWith("--precision 'bf16' is not supported", e.Message);
    }
}
