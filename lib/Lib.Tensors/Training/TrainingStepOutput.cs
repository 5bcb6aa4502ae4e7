namespace Lib.Tensors.Training;

/// <summary>
/// What a training step returns: the main loss and optional named auxiliary terms (a load-balancing or
/// regularisation term, already weighted). The trainer optimises their sum; <c>train_loss</c> is the epoch mean of
/// that sum and each term's epoch mean is logged as <c>train_&lt;name&gt;</c>. A plain loss tensor converts to an
/// output without terms.
/// </summary>
/// <param name="Loss">The main scalar loss, with the graph recorded.</param>
/// <param name="Auxiliary">Scalar terms by name (letters, digits, <c>_</c>, <c>-</c>, <c>.</c>, <c>/</c>); every
/// batch must report the same names.</param>
/// <example><code>
/// b => new TrainingStepOutput(F.MseLoss(y, b[1]), new Dictionary&lt;string, Tensor&gt; { ["l2"] = penalty })
/// </code></example>
public sealed record TrainingStepOutput(Tensor Loss, IReadOnlyDictionary<string, Tensor>? Auxiliary = null)
{
    /// <summary>A loss without auxiliary terms.</summary>
    public static implicit operator TrainingStepOutput(Tensor loss) => new(loss);

    /// <summary>The prefix of an auxiliary term's epoch mean in <see cref="EpochRecord.Metrics"/>.</summary>
    public const string MetricPrefix = "train_";

    /// <summary>The optimised total, <c>Loss + Σ Auxiliary</c>, after checking every term is a scalar.</summary>
    internal Tensor Total(int epoch, int batch)
    {
        RequireScalar(Loss, "loss", epoch, batch);
        var total = Loss;
        foreach (var (name, term) in Auxiliary ?? new Dictionary<string, Tensor>())
        {
            CheckTermName(name, epoch, batch);
            RequireScalar(term, $"auxiliary term '{name}'", epoch, batch);
            total = total.Add(term);
        }
        return total;
    }

    /// <summary>Throws unless <paramref name="name"/> is a valid auxiliary term name (letters, digits, <c>_</c>,
    /// <c>-</c>, <c>.</c>, <c>/</c>, not <c>loss</c>); shared by every trainer backend.</summary>
    public static void CheckTermName(string name, int epoch, int batch)
    {
        if (
            name.Length == 0
            || name == "loss"
            || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/')
        )
            throw new InvalidOperationException(
                $"Auxiliary loss term '{name}' (epoch {epoch}, batch {batch}) needs a name of letters, digits, "
                    + "'_', '-', '.' or '/' other than 'loss' (logged as train_<name>)."
            );
    }

    private static void RequireScalar(Tensor t, string what, int epoch, int batch)
    {
        if (t.NumEl != 1)
            throw new InvalidOperationException(
                $"The training step must return a scalar {what}; it returned shape {Tensor.ShapeText(t.Shape)} "
                    + $"(epoch {epoch}, batch {batch})."
            );
    }
}
