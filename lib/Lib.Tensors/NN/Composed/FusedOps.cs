namespace Lib.Tensors.NN;

/// <summary>
/// Whether the fused ops run on this thread (the default) or their plain compositions of primitives in
/// <see cref="Composed"/>: LSTM and GRU layers, attention, layer norm and the fused losses (L1, MSE,
/// BCE-with-logits). Like <c>torch.backends.cudnn.flags(enabled=False)</c> or
/// <c>torch.backends.mha.set_fastpath_enabled(False)</c>, it changes how a result is computed, never what it is:
/// <c>using (FusedOps.Disable()) { ... }</c> runs the same modules on the slow, readable path, which is the test
/// oracle of the fused one.
/// </summary>
public static class FusedOps
{
    [ThreadStatic]
    private static int t_disabledDepth;

    /// <summary>True unless inside a <see cref="Disable"/> scope on this thread.</summary>
    public static bool IsEnabled => t_disabledDepth == 0;

    /// <summary>Runs the composed references instead of the fused ops until the returned scope is disposed.</summary>
    public static DisabledScope Disable()
    {
        t_disabledDepth++;
        return new DisabledScope();
    }

    /// <summary>The scope returned by <see cref="Disable"/>; disposing it restores the previous choice.</summary>
    public readonly struct DisabledScope : IDisposable
    {
        /// <summary>Leaves the scope.</summary>
        public void Dispose() => t_disabledDepth--;
    }
}
