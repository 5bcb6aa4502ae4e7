using Lib.Track.Model;
using Lib.Track.Scrape;

namespace Lib.Track.Predict;

/// <summary>
/// Finds models on disk. <c>lab track train</c> writes one folder per gender (<c>men/</c>, <c>women/</c>) under its output
/// folder; either folder, or the one above them, names a model.
/// </summary>
public static class TrackModels
{
    /// <summary>The folder of one gender's model under <paramref name="root"/>: <c>men</c> or <c>women</c>.</summary>
    public static string FolderOf(string root, Gender gender) => Path.Combine(root, gender == Gender.Women ? "women" : "men");

    /// <summary>The genders with a model in <paramref name="folder"/>: its own, or those of its <c>men/</c> and <c>women/</c> folders.</summary>
    public static IReadOnlyList<Gender> Available(string folder)
    {
        if (File.Exists(Path.Combine(folder, TrackModel.MetaFile))) return [];
        return [.. new[] { Gender.Men, Gender.Women }.Where(g => File.Exists(Path.Combine(FolderOf(folder, g), TrackModel.MetaFile)))];
    }

    /// <summary>
    /// Loads the model <paramref name="folder"/> names: itself when it holds <c>meta.json</c> (its gender must match
    /// <paramref name="gender"/> when given), else its <paramref name="gender"/> folder, or its only one.
    /// </summary>
    public static TrackModel Open(string folder, string? gender = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Gender? wanted = null;
        if (!string.IsNullOrWhiteSpace(gender))
            wanted = GenderCodes.FromText(gender) is { } g and not Gender.Mixed ? g : throw new ArgumentException($"'{gender}' is not a gender: men or women.");
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"The model folder '{folder}' does not exist (train one with 'lab track train' or notebooks/track/03-train.dib).");
        if (File.Exists(Path.Combine(folder, TrackModel.MetaFile)))
        {
            var model = TrackModel.Load(folder);
            if (wanted is { } w && model.Meta.Gender != w.Code())
                throw new ArgumentException($"'{folder}' holds the {(model.Meta.Gender == "F" ? "women's" : "men's")} model, not the {(w == Gender.Women ? "women's" : "men's")}.");
            return model;
        }
        var available = Available(folder);
        if (wanted is { } want)
        {
            if (!available.Contains(want)) throw new FileNotFoundException($"'{folder}' has no {(want == Gender.Women ? "women's" : "men's")} model ({FolderOf(folder, want)}/{TrackModel.MetaFile} is missing).");
            return TrackModel.Load(FolderOf(folder, want));
        }
        return available.Count switch
        {
            1 => TrackModel.Load(FolderOf(folder, available[0])),
            0 => throw new FileNotFoundException($"No trained track model in '{folder}': neither {TrackModel.MetaFile} nor men/ or women/ models (train one with 'lab track train' or notebooks/track/03-train.dib)."),
            _ => throw new ArgumentException($"'{folder}' holds the men's and the women's models: say which (gender men or women)."),
        };
    }
}
