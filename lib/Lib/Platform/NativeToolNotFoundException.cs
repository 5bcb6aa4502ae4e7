namespace Lib.Platform;

/// <summary>A native tool the lab needs could not be found; the message says where it looked and how to get
/// it.</summary>
public sealed class NativeToolNotFoundException(NativeTool tool, string message) : Exception(message)
{
    /// <summary>The missing tool.</summary>
    public NativeTool Tool { get; } = tool;
}
