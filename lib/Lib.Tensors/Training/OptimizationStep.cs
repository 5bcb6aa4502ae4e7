using Lib.Tensors.Optim;

namespace Lib.Tensors.Training;

/// <summary>One optimizer step as the <see cref="Trainer{TBatch}"/> and the <see cref="LRFinder{TBatch}"/> take it:
/// inside a <see cref="DisposeScope"/>, ZeroGrad → loss = step(batch) → Backward → clip → Step.</summary>
internal static class OptimizationStep
{
    /// <summary>Takes the step and returns the batch's loss.</summary>
    /// <exception cref="InvalidOperationException">The step function returned more than one element (the message
    /// says <paramref name="where"/>).</exception>
    internal static double Run<TBatch>(
        Optimizer optimizer,
        Func<TBatch, Tensor> trainingStep,
        TBatch batch,
        Action<IEnumerable<Tensor>>? clipGradients,
        string where
    )
    {
        using (DisposeScope.Enter()) // the step's results go back to the pool for the next step
        {
            optimizer.ZeroGrad();
            var loss = trainingStep(batch);
            if (loss.NumEl != 1)
                throw new InvalidOperationException(
                    "The training step must return a scalar loss; it returned shape "
                        + $"{Tensor.ShapeText(loss.Shape)} ({where})."
                );
            double value = loss.Item();
            loss.Backward();
            clipGradients?.Invoke(optimizer.ParamGroups.SelectMany(g => g.Parameters));
            optimizer.Step();
            return value;
        }
    }
}
