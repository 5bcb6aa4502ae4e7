namespace Lib.Tensors.Training;

/// <summary>When the trainer calls <see cref="Optim.LRScheduler.Step"/> (Lightning's <c>interval</c>).</summary>
public enum SchedulerInterval
{
    /// <summary>After every optimizer step (warm-up, one-cycle, cosine by step).</summary>
    Step,

    /// <summary>After every epoch (step decay by epoch).</summary>
    Epoch,
}
