using TorchSharp;

namespace Lib.Torch.Training;

/// <summary>
/// What a <see cref="TorchTrainer{TBatch}"/> training step returns: the main loss and optional named auxiliary terms
/// (already weighted), as the engine's <see cref="Lib.Tensors.Training.TrainingStepOutput"/>: their sum is optimised,
/// <c>train_loss</c> is its epoch mean and each term's epoch mean is logged as <c>train_&lt;name&gt;</c>.
/// </summary>
/// <param name="Loss">The main scalar loss, with the graph recorded.</param>
/// <param name="Auxiliary">Scalar terms by name; every batch must report the same names.</param>
public sealed record TorchStepOutput(torch.Tensor Loss, IReadOnlyDictionary<string, torch.Tensor>? Auxiliary = null)
{
    /// <summary>A loss without auxiliary terms.</summary>
    public static implicit operator TorchStepOutput(torch.Tensor loss) => new(loss);
}
