using FFMpegCore;
using Lib.Platform;

namespace Lib.Splits.Ingest;

/// <summary>
/// FFMpegCore's options for the lab's ffmpeg and ffprobe, which npm installs in two different folders
/// (<see cref="NativeTools"/> finds them): each call gets the folder of the program it runs.
/// </summary>
internal static class FfmpegTools
{
    /// <summary>Options whose binary folder holds the npm ffmpeg.</summary>
    public static FFOptions Ffmpeg() => new() { BinaryFolder = Folder(NativeTool.Ffmpeg) };

    /// <summary>Options whose binary folder holds the npm ffprobe.</summary>
    public static FFOptions Ffprobe() => new() { BinaryFolder = Folder(NativeTool.Ffprobe) };

    private static string Folder(NativeTool tool) => Path.GetDirectoryName(NativeTools.Locate(tool))!;
}
