namespace Lib.Splits.Ingest;

/// <summary>
/// The constants of the synthetic traversal recipe (<c>data/splits/README</c>, "Synthetic traversal videos"): 24 fps,
/// a 640-px window at zoom 1 over strips of 360-px-high photos, 320×180 frames, 2-s start and end shots, H.264 CRF 28.
/// <see cref="Version"/> names the recipe in the derived-data cache: bump it when generated videos change.
/// </summary>
public static class SynthRecipe
{
    /// <summary>The generator's version (part of the cache key of a generated data set).</summary>
    public const string Version = "1";

    /// <summary>Frames per second of the videos and of the <c>MM:SS:FF</c> truth.</summary>
    public const int Fps = 24;

    /// <summary>Height of a prepared photo and of the strip, px.</summary>
    public const int StripHeight = 360;

    /// <summary>Width of a prepared photo's 2.4:1 band at height 360, px (864).</summary>
    public const double PhotoAspect = 2.4;

    /// <summary>Width of the view's window at zoom 1, px.</summary>
    public const int Window = 640;

    /// <summary>Half the window: x is the strip column of the view's centre minus this.</summary>
    public const int HalfWindow = 320;

    /// <summary>The least width a photo contributes to a strip, px.</summary>
    public const int MinPhotoWidth = 640;

    /// <summary>Photos per track.</summary>
    public const int PhotosPerTrack = 5;

    /// <summary>Split points per run: start, four splits, finish.</summary>
    public const int Points = 6;

    /// <summary>Frames of the start shot before F0 and of the end shot after F5 (2 s each).</summary>
    public const int ShotFrames = 48;

    /// <summary>Output frame width, px.</summary>
    public const int Width = 320;

    /// <summary>Output frame height, px.</summary>
    public const int Height = 180;

    /// <summary>Shortest and longest run of a rider, s (a track's factor scales real sector times into it).</summary>
    public const double MinRunSeconds = 40,
        MaxRunSeconds = 80;

    /// <summary>x264's constant rate factor.</summary>
    public const int Crf = 28;
}
