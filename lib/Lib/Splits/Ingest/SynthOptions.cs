namespace Lib.Splits.Ingest;

/// <summary>
/// What the synthetic traversal generator makes: <paramref name="Tracks"/> tracks of five photos each (taken from
/// <paramref name="PhotosFolder"/>'s images in a seeded order, different ones per track) with
/// <paramref name="Riders"/> riders each, whose sector times are real runs of one race round of
/// <paramref name="TimingFile"/> (the normalised official timing), all drawn from <paramref name="Seed"/>.
/// </summary>
public sealed record SynthOptions(string PhotosFolder, string TimingFile, int Tracks = 5, int Riders = 5, long Seed = 1)
{
    /// <summary>The defaults under a repository root: <c>data/splits/photos</c> and
    /// <c>data/splits/timing_expected.csv</c>.</summary>
    public static SynthOptions Under(string root, int tracks = 5, int riders = 5, long seed = 1) =>
        new(
            Path.Combine(root, "data", "splits", "photos"),
            Path.Combine(root, "data", "splits", "timing_expected.csv"),
            tracks,
            riders,
            seed
        );

    /// <summary>The photo files of <see cref="PhotosFolder"/> (JPEG, PNG, WebP), in name order.</summary>
    public IReadOnlyList<string> PhotoFiles() =>
        Directory.Exists(PhotosFolder)
            ?
            [
                .. Directory
                    .EnumerateFiles(PhotosFolder)
                    .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png" or ".webp")
                    .Order(StringComparer.Ordinal),
            ]
            : throw new DirectoryNotFoundException($"The photos folder {PhotosFolder} does not exist.");
}
