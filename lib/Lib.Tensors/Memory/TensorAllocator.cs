namespace Lib.Tensors.Memory;

/// <summary>
/// Which <see cref="ITensorAllocator"/> serves this thread: <see cref="Pooled"/> unless the environment variable
/// <c>LAB_TENSOR_ALLOCATOR=plain</c> chose <see cref="Plain"/> for the process (as
/// <c>PYTORCH_NO_CUDA_MEMORY_CACHING</c>
/// turns off PyTorch's caching allocator), or a <see cref="Use"/> scope chose another for this thread.
/// </summary>
internal static class TensorAllocator
{
    /// <summary>The name of the environment variable that picks the process's default allocator.</summary>
    public const string EnvironmentVariable = "LAB_TENSOR_ALLOCATOR";

    /// <summary>Scopes, pools and in-place gradient sums (the default).</summary>
    public static readonly ITensorAllocator Pooled = new PooledAllocator();

    /// <summary>New arrays from the GC every time.</summary>
    public static readonly ITensorAllocator Plain = new PlainAllocator();

    [ThreadStatic]
    private static ITensorAllocator? t_current;

    /// <summary>The process's allocator: <see cref="Pooled"/>, or what <see cref="EnvironmentVariable"/>
    /// names.</summary>
    public static ITensorAllocator Default { get; } =
        FromEnvironment(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>The allocator of this thread.</summary>
    public static ITensorAllocator Current => t_current ?? Default;

    /// <summary>Makes <paramref name="allocator"/> this thread's until the returned scope is disposed.</summary>
    public static UseScope Use(ITensorAllocator allocator)
    {
        var previous = t_current;
        t_current = allocator;
        return new UseScope(previous);
    }

    /// <summary>The allocator a value of <see cref="EnvironmentVariable"/> names (null or empty:
    /// <see cref="Pooled"/>).</summary>
    internal static ITensorAllocator FromEnvironment(string? value) =>
        value?.Trim().ToLowerInvariant() switch
        {
            null or "" or "pooled" => Pooled,
            "plain" => Plain,
            _ => throw new InvalidOperationException(
                $"The environment variable {EnvironmentVariable} is \"{value}\"; expected \"pooled\" (the "
                    + "default) or \"plain\"."
            ),
        };

    /// <summary>Restores the previous allocator of the thread when disposed.</summary>
    public readonly struct UseScope(ITensorAllocator? previous) : IDisposable
    {
        /// <summary>Leaves the scope.</summary>
        public void Dispose() => t_current = previous;
    }
}
