using Lib.Paragliding.Dataset;
using Lib.Tensors;
using Lib.Tensors.NN;
using Lib.Tensors.Training;

namespace Lib.Paragliding.Train;

/// <summary>
/// Glideator's training loss (<c>train_step</c>): Σ_k of the mean binary cross entropy of threshold k (on logits, the
/// stable form of its sigmoid + <c>BCELoss</c>), plus the weighted auxiliary terms <c>monotonicity</c> =
/// λ_m Σ_{k≥1} mean relu(p_k − p_{k−1}), <c>l1</c> = λ_1 Σ|θ| and <c>l2</c> = λ_2 Σθ² over every parameter.
/// </summary>
public static class GlideatorLoss
{
    /// <summary>Σ_k mean BCE_k of <paramref name="logits"/> [B, K] against <paramref name="labels"/> [B, K].</summary>
    public static Tensor Bce(Tensor logits, Tensor labels) =>
        Functional.BinaryCrossEntropyWithLogits(logits, labels) * (float)logits.Shape[1];

    /// <summary>Σ_{k≥1} mean over the batch of relu(p_k − p_{k−1}), p = σ(logits).</summary>
    public static Tensor Monotonicity(Tensor logits)
    {
        int b = logits.Shape[0],
            k = logits.Shape[1];
        var p = logits.Sigmoid(); // [B, K]
        var rise = p.Narrow(1, 1, k - 1) - p.Narrow(1, 0, k - 1); // [B, K-1]
        return rise.Relu().Sum() * (1f / b);
    }

    /// <summary>The whole step's output: the BCE and the weighted penalties.</summary>
    public static TrainingStepOutput Step(
        Tensor logits,
        Tensor labels,
        IEnumerable<Tensor> parameters,
        ParaglidingTrainOptions options
    )
    {
        var aux = new Dictionary<string, Tensor>();
        if (options.Monotonicity > 0 && logits.Shape[1] > 1)
            aux["monotonicity"] = Monotonicity(logits) * (float)options.Monotonicity;
        if (options.L1 > 0 || options.L2 > 0)
        {
            Tensor? l1 = null,
                l2 = null;
            foreach (var p in parameters)
            {
                if (options.L1 > 0)
                    l1 = l1 is null ? p.Abs().Sum() : l1 + p.Abs().Sum();
                if (options.L2 > 0)
                    l2 = l2 is null ? (p * p).Sum() : l2 + (p * p).Sum();
            }
            if (l1 is not null)
                aux["l1"] = l1 * (float)options.L1;
            if (l2 is not null)
                aux["l2"] = l2 * (float)options.L2;
        }
        return new TrainingStepOutput(Bce(logits, labels), aux);
    }

    /// <summary>The validation metrics of a batch: <c>val_loss</c> (Σ_k mean BCE_k) and <c>val_brier</c> (mean over
    /// thresholds).</summary>
    public static IReadOnlyDictionary<string, double> Validate(Tensor logits, Tensor labels)
    {
        var p = logits.Sigmoid();
        var d = p - labels;
        return new Dictionary<string, double>
        {
            ["val_loss"] = Bce(logits, labels).Item(),
            ["val_brier"] = (d * d).Mean().Item(),
        };
    }
}
