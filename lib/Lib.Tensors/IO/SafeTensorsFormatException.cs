namespace Lib.Tensors.IO;

/// <summary>A safetensors file that is corrupt, truncated or not safetensors at all; the message names the file and the
/// problem.</summary>
public sealed class SafeTensorsFormatException(string path, string reason)
    : Exception($"{path}: not a valid safetensors file: {reason}")
{
    /// <summary>The file.</summary>
    public string Path { get; } = path;
}
