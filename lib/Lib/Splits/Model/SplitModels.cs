using Lib.Workflow;

namespace Lib.Splits.Model;

/// <summary>Finds the model for a track: a folder holding one model, or a folder of models named after the track
/// each held out (what <c>lab splits train</c> writes), so a track is never scored by a model trained on it.</summary>
public static class SplitModels
{
    /// <summary>The model for <paramref name="trackId"/> under <paramref name="folder"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">Neither the folder nor its track sub-folder holds a
    /// model.</exception>
    public static SplitModel For(string folder, string trackId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (ModelFolder.Holds(folder))
            return SplitModel.Load(folder);
        var perTrack = Path.Combine(folder, trackId);
        if (ModelFolder.Holds(perTrack))
            return SplitModel.Load(perTrack);
        var known = Directory.Exists(folder)
            ? Directory.GetDirectories(folder).Where(ModelFolder.Holds).Select(Path.GetFileName).ToList()
            : [];
        throw new DirectoryNotFoundException(
            $"{folder} holds no model for track {trackId} (neither {ModelFolder.CardFile} there nor in "
                + $"{trackId}/); it holds models for: {(known.Count == 0 ? "none" : string.Join(", ", known))}."
        );
    }
}
