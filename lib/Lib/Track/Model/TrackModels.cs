using Lib.Track.Domain;
using Lib.Workflow;

namespace Lib.Track.Model;

/// <summary>
/// Finds models on disk. Training writes one model folder per gender (<c>men/</c>, <c>women/</c>) under its output
/// folder;
/// either folder, or the one above them, names a model.
/// </summary>
public static class TrackModels
{
    /// <summary>The folder of one gender's model under <paramref name="root"/>: <c>men</c> or <c>women</c>.</summary>
    public static string FolderOf(string root, Gender gender) => Path.Combine(root, Name(gender));

    /// <summary><c>men</c> or <c>women</c>.</summary>
    public static string Name(Gender gender) => gender == Gender.Women ? "women" : "men";

    /// <summary><c>men's</c> or <c>women's</c>.</summary>
    public static string Possessive(Gender gender) => gender == Gender.Women ? "women's" : "men's";

    /// <summary>The genders with a model in <paramref name="folder"/>'s <c>men/</c> and <c>women/</c> folders (none
    /// when <paramref name="folder"/> is a model itself).</summary>
    public static IReadOnlyList<Gender> Available(string folder)
    {
        if (ModelFolder.Holds(folder))
            return [];
        return [.. new[] { Gender.Men, Gender.Women }.Where(g => ModelFolder.Holds(FolderOf(folder, g)))];
    }

    /// <summary>Every model <paramref name="folder"/> names: its <c>men/</c> and <c>women/</c> models, or
    /// itself.</summary>
    public static IReadOnlyList<TrackModel> OpenAll(string folder) =>
        Available(folder) is { Count: > 0 } genders
            ? [.. genders.Select(g => TrackModel.Load(FolderOf(folder, g)))]
            : [Open(folder)];

    /// <summary>
    /// Loads the model <paramref name="folder"/> names: itself when it holds a model card (its gender must match
    /// <paramref name="gender"/> when given), else its <paramref name="gender"/> folder, or its only one.
    /// </summary>
    public static TrackModel Open(string folder, string? gender = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Gender? wanted = null;
        if (!string.IsNullOrWhiteSpace(gender))
            wanted = GenderCodes.FromText(gender) is { } g and not Gender.Mixed
                ? g
                : throw new ArgumentException($"'{gender}' is not a gender: men or women.");
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException(
                $"The model folder '{folder}' does not exist (train one with 'lab track train' or "
                    + "notebooks/track/03-train.dib)."
            );
        if (ModelFolder.Holds(folder))
        {
            var model = TrackModel.Load(folder);
            if (wanted is { } w && model.Gender != w)
                throw new ArgumentException(
                    $"'{folder}' holds the {Possessive(model.Gender)} model, not the {Possessive(w)}."
                );
            return model;
        }
        var available = Available(folder);
        if (wanted is { } want)
        {
            if (!available.Contains(want))
                throw new FileNotFoundException(
                    $"'{folder}' has no {Possessive(want)} model "
                        + $"({FolderOf(folder, want)}/{ModelFolder.CardFile} is missing)."
                );
            return TrackModel.Load(FolderOf(folder, want));
        }
        return available.Count switch
        {
            1 => TrackModel.Load(FolderOf(folder, available[0])),
            0 => throw new FileNotFoundException(
                $"No trained track model in '{folder}': neither {ModelFolder.CardFile} nor men/ or women/ "
                    + "models (train one with 'lab track train' or notebooks/track/03-train.dib)."
            ),
            _ => throw new ArgumentException(
                $"'{folder}' holds the men's and the women's models: say which (gender men or women)."
            ),
        };
    }
}
