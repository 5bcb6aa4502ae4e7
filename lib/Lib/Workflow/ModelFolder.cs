using System.Text.Json;
using System.Text.Json.Serialization;
using Lib.Tensors;
using Lib.Tensors.IO;
using Lib.Tensors.NN;

namespace Lib.Workflow;

/// <summary>
/// A trained model on disk, the same in every sport: a folder holding <c>model.safetensors</c> (the state dict with
/// PyTorch's keys) and <c>model.json</c> (its <see cref="ModelCard{TConfig, TInputs}"/>). Each file is written
/// atomically; loading rebuilds the network from the card alone and refuses a folder of another format, a card that
/// does
/// not read or weights that do not fit, with an error naming the file and what disagrees.
/// </summary>
public static class ModelFolder
{
    /// <summary>The weights file of a model folder.</summary>
    public const string WeightsFile = "model.safetensors";

    /// <summary>The card file of a model folder.</summary>
    public const string CardFile = "model.json";

    /// <summary>How cards are written: indented, camelCase, enums by name, NaN allowed.</summary>
    public static JsonSerializerOptions Json { get; } =
        new()
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };

    /// <summary>Whether <paramref name="folder"/> holds a model card.</summary>
    public static bool Holds(string folder) => File.Exists(Path.Combine(folder, CardFile));

    /// <summary>Writes <paramref name="network"/>'s weights and <paramref name="card"/> into <paramref name="folder"/>
    /// (created if needed).</summary>
    public static void Save<TConfig, TInputs>(string folder, Module network, ModelCard<TConfig, TInputs> card)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(card);
        Directory.CreateDirectory(folder);
        var json = JsonSerializer.Serialize(card, Json);
        Checkpoint.Save(
            Path.Combine(folder, WeightsFile),
            network,
            new Dictionary<string, string> { ["format"] = card.Format }
        );
        AtomicFile.WriteAllText(Path.Combine(folder, CardFile), json);
    }

    /// <summary>Reads the card of <paramref name="folder"/>, which must be of <paramref name="format"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    /// <exception cref="FileNotFoundException">The folder has no card, or no weights.</exception>
    /// <exception cref="InvalidDataException">The card does not read (file and line named) or is of another
    /// format.</exception>
    public static ModelCard<TConfig, TInputs> ReadCard<TConfig, TInputs>(string folder, string format)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"The model folder '{folder}' does not exist.");
        var cardPath = Path.Combine(folder, CardFile);
        if (!File.Exists(cardPath))
            throw new FileNotFoundException($"'{folder}' is not a model folder: it has no {CardFile}.", cardPath);
        var weightsPath = Path.Combine(folder, WeightsFile);
        if (!File.Exists(weightsPath))
            throw new FileNotFoundException($"'{folder}' has {CardFile} but no {WeightsFile}.", weightsPath);
        string found;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(cardPath));
            found =
                document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("format", out var f)
                && f.ValueKind == JsonValueKind.String
                    ? f.GetString()!
                    : throw new InvalidDataException(
                        $"{cardPath}: no \"format\" string; expected a model card of format '{format}'."
                    );
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{cardPath}: line {(e.LineNumber ?? 0) + 1}: not JSON ({e.Message})", e);
        }
        if (found != format)
            throw new InvalidDataException($"{cardPath}: format '{found}', expected '{format}'.");
        try
        {
            return JsonSerializer.Deserialize<ModelCard<TConfig, TInputs>>(File.ReadAllText(cardPath), Json)
                ?? throw new InvalidDataException($"{cardPath}: the card is null.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"{cardPath}: line {(e.LineNumber ?? 0) + 1}: not a model card of format '{format}' ({e.Message})",
                e
            );
        }
    }

    /// <summary>
    /// Loads <paramref name="folder"/>: reads its card, builds the network with <paramref name="build"/> and fills it
    /// with the
    /// weights, in evaluation mode. <paramref name="mismatches"/> may explain weights that do not fit the card in the
    /// sport's own words (<c>seasonHidden: the card says 32, the weights have 64</c>) before the generic key check.
    /// </summary>
    /// <exception cref="InvalidDataException">The card or the weights do not read, or do not belong
    /// together.</exception>
    public static (ModelCard<TConfig, TInputs> Card, TModule Network) Load<TConfig, TInputs, TModule>(
        string folder,
        string format,
        Func<ModelCard<TConfig, TInputs>, TModule> build,
        Func<ModelCard<TConfig, TInputs>, IReadOnlyDictionary<string, Tensor>, IReadOnlyList<string>>? mismatches = null
    )
        where TModule : Module
    {
        ArgumentNullException.ThrowIfNull(build);
        var card = ReadCard<TConfig, TInputs>(folder, format);
        var cardPath = Path.Combine(folder, CardFile);
        var weightsPath = Path.Combine(folder, WeightsFile);
        TModule network;
        try
        {
            network = build(card);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{cardPath}: {e.Message}", e);
        }
        var (tensors, _) = Checkpoint.LoadTensors(weightsPath);
        if (mismatches?.Invoke(card, tensors) is { Count: > 0 } found)
            throw new InvalidDataException(
                $"{weightsPath} does not match {cardPath}: {string.Join("; ", found)}. The two files do not "
                    + "belong together."
            );
        try
        {
            network.LoadStateDict(tensors);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{weightsPath} does not match {cardPath}: {e.Message}", e);
        }
        network.Eval();
        return (card, network);
    }
}
