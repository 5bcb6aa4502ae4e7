namespace Lib.Tensors.Autograd;

/// <summary>
/// Whether ops record a graph for backward on this thread (PyTorch's grad mode). Disable it with
/// <c>using (GradMode.NoGrad()) { ... }</c> for inference and parameter updates.
/// </summary>
public static class GradMode
{
    [ThreadStatic]
    private static int _disabledDepth;

    /// <summary>True unless inside a <see cref="NoGrad"/> scope on this thread.</summary>
    public static bool IsEnabled => _disabledDepth == 0;

    /// <summary>Disables graph recording until the returned scope is disposed (<c>torch.no_grad()</c>).</summary>
    public static NoGradScope NoGrad()
    {
        _disabledDepth++;
        return new NoGradScope();
    }

    /// <summary>The scope returned by <see cref="NoGrad"/>; disposing it restores the previous mode.</summary>
    public readonly struct NoGradScope : IDisposable
    {
        /// <summary>Leaves the scope.</summary>
        public void Dispose() => _disabledDepth--;
    }
}
