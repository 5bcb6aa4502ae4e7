using TorchSharp;

namespace Lib.Torch.Training;

/// <summary>
/// A dynamic loss scaler for float16 mixed precision, with PyTorch's <c>GradScaler</c> defaults (TorchSharp 0.107.0
/// has none): the loss is multiplied by <see cref="Scale"/> before backward so small float16 gradients do not
/// underflow; the float32 gradients are divided by it before clipping and stepping; a step whose gradients hold an
/// inf or NaN is skipped and the scale multiplied by <see cref="BackoffFactor"/>; after
/// <see cref="GrowthInterval"/> good steps in a row the scale is multiplied by <see cref="GrowthFactor"/>.
/// </summary>
public sealed class TorchLossScaler
{
    /// <summary>A scaler starting at <paramref name="initScale"/>.</summary>
    public TorchLossScaler(
        double initScale = 65536.0,
        double growthFactor = 2.0,
        double backoffFactor = 0.5,
        int growthInterval = 2000
    )
    {
        if (!(initScale > 0) || double.IsInfinity(initScale))
            throw new ArgumentOutOfRangeException(nameof(initScale), initScale, "The scale must be finite and > 0.");
        if (!(growthFactor > 1))
            throw new ArgumentOutOfRangeException(nameof(growthFactor), growthFactor, "Growth must be > 1.");
        if (!(backoffFactor > 0 && backoffFactor < 1))
            throw new ArgumentOutOfRangeException(nameof(backoffFactor), backoffFactor, "Backoff must be in (0, 1).");
        ArgumentOutOfRangeException.ThrowIfLessThan(growthInterval, 1);
        Scale = initScale;
        GrowthFactor = growthFactor;
        BackoffFactor = backoffFactor;
        GrowthInterval = growthInterval;
    }

    /// <summary>The current loss scale.</summary>
    public double Scale { get; private set; }

    /// <summary>The scale's factor after <see cref="GrowthInterval"/> good steps in a row.</summary>
    public double GrowthFactor { get; }

    /// <summary>The scale's factor after a step with an inf or NaN gradient.</summary>
    public double BackoffFactor { get; }

    /// <summary>Good steps in a row that grow the scale.</summary>
    public int GrowthInterval { get; }

    /// <summary>Good steps since the scale last changed.</summary>
    public int GoodSteps { get; private set; }

    /// <summary>Steps skipped for inf or NaN gradients, in this run.</summary>
    public int SkippedSteps { get; private set; }

    /// <summary>The loss times <see cref="Scale"/>, to back-propagate.</summary>
    public torch.Tensor ScaleLoss(torch.Tensor loss) => loss * Scale;

    /// <summary>Divides each gradient by <see cref="Scale"/> in place and returns whether every one is finite (one
    /// device synchronisation for all of them).</summary>
    public bool Unscale(IEnumerable<torch.Tensor?> gradients)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        using var scope = torch.NewDisposeScope();
        double inverse = 1.0 / Scale;
        torch.Tensor? bad = null;
        foreach (var g in gradients)
        {
            if (g is null)
                continue;
            g.mul_(inverse);
            var count = g.isfinite().logical_not().sum();
            bad = bad is null ? count : bad + count;
        }
        return bad is null || bad.item<long>() == 0;
    }

    /// <summary>Updates the scale after a step: halves it (by <see cref="BackoffFactor"/>) and counts a skipped
    /// step when <paramref name="finite"/> is false, grows it after <see cref="GrowthInterval"/> good steps.</summary>
    public void Update(bool finite)
    {
        if (!finite)
        {
            Scale *= BackoffFactor;
            GoodSteps = 0;
            SkippedSteps++;
            return;
        }
        if (++GoodSteps < GrowthInterval)
            return;
        Scale *= GrowthFactor;
        GoodSteps = 0;
    }

    /// <summary>Restores a checkpointed scale and good-step count.</summary>
    public void Restore(double scale, int goodSteps)
    {
        if (!(scale > 0) || double.IsInfinity(scale))
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "A checkpointed loss scale must be > 0.");
        Scale = scale;
        GoodSteps = Math.Clamp(goodSteps, 0, GrowthInterval - 1);
    }
}
