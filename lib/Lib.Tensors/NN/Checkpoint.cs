using System.Text.Json;
using Lib.Tensors.IO;

namespace Lib.Tensors.NN;

/// <summary>
/// Model checkpoints: the state dict as safetensors with PyTorch's keys (so
/// <c>model.load_state_dict(safetensors.torch.load_file(path))</c> works in PyTorch), plus an optional
/// JSON sidecar beside it (<c>model.safetensors</c> → <c>model.json</c>) for what rebuilds and uses
/// the model: its constructor arguments, vocabularies, normalisation, metrics (nanoGPT keeps the
/// model arguments beside the weights the same way). Both are written atomically; nothing is executed on load.
/// </summary>
public static class Checkpoint
{
    private static readonly JsonSerializerOptions SidecarJson = new() { WriteIndented = true };

    /// <summary>Writes <paramref name="module"/>'s state dict (parameters and buffers) to <paramref name="path"/>,
    /// atomically.</summary>
    public static void Save(string path, Module module, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        Save(path, module.StateDict(), metadata);
    }

    /// <summary>Writes any named tensors (an optimizer's state dict, say) to <paramref name="path"/>,
    /// atomically.</summary>
    public static void Save(
        string path,
        IReadOnlyDictionary<string, Tensor> tensors,
        IReadOnlyDictionary<string, string>? metadata = null
    )
    {
        ArgumentNullException.ThrowIfNull(tensors);
        SafeTensors.Save(path, tensors.ToDictionary(kv => kv.Key, kv => kv.Value.ToSafeTensor()), metadata);
    }

    /// <summary>
    /// Loads <paramref name="path"/> into <paramref name="module"/> (values are copied into the existing
    /// parameters, so optimizers holding them stay valid) and returns the file's metadata.
    /// </summary>
    /// <param name="path">A safetensors file.</param>
    /// <param name="module">The module to fill.</param>
    /// <param name="strict">When true, keys missing from the file or unknown to the module are an error listing
    /// them.</param>
    /// <exception cref="SafeTensorsFormatException">The file is corrupt, truncated or not safetensors.</exception>
    /// <exception cref="InvalidDataException">The file does not match the module (missing or unexpected keys, a shape
    /// that differs); the message names the file and the keys.</exception>
    public static Dictionary<string, string> Load(string path, Module module, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(module);
        var (tensors, metadata) = LoadTensors(path);
        try
        {
            module.LoadStateDict(tensors, strict);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        return metadata;
    }

    /// <summary>Reads every tensor (as float32) and the metadata of a safetensors file.</summary>
    /// <exception cref="SafeTensorsFormatException">The file is corrupt, truncated or not safetensors.</exception>
    public static (Dictionary<string, Tensor> Tensors, Dictionary<string, string> Metadata) LoadTensors(string path)
    {
        var (entries, metadata) = SafeTensors.Load(path);
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, entry) in entries)
        {
            try
            {
                tensors[name] = entry.ToTensor();
            }
            catch (NotSupportedException e)
            {
                throw new SafeTensorsFormatException(path, $"tensor '{name}': {e.Message}");
            }
        }
        return (tensors, metadata);
    }

    /// <summary>The sidecar of a checkpoint: the same path with extension <c>.json</c>.</summary>
    public static string SidecarPath(string checkpointPath) => Path.ChangeExtension(checkpointPath, ".json");

    /// <summary>Writes <paramref name="value"/> (a record of model arguments, a vocabulary, metrics ...) as indented
    /// JSON beside the checkpoint, atomically.</summary>
    public static void SaveSidecar<T>(string checkpointPath, T value) =>
        AtomicFile.WriteAllText(SidecarPath(checkpointPath), JsonSerializer.Serialize(value, SidecarJson));

    /// <summary>Reads the JSON sidecar of <paramref name="checkpointPath"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no sidecar.</exception>
    /// <exception cref="InvalidDataException">The sidecar is not valid JSON for <typeparamref name="T"/>; the message
    /// names the file and line.</exception>
    public static T LoadSidecar<T>(string checkpointPath)
    {
        var path = SidecarPath(checkpointPath);
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"The checkpoint's JSON sidecar {path} does not exist (written by Checkpoint.SaveSidecar).",
                path
            );
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), SidecarJson)
                ?? throw new InvalidDataException($"{path}: the sidecar holds null, expected a {typeof(T).Name}.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"{path}: line {(e.LineNumber ?? 0) + 1}: not a valid {typeof(T).Name} ({e.Message})",
                e
            );
        }
    }
}
