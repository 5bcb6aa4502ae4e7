using System.Security.Cryptography;
using System.Text;

namespace Lib.Splits.Dataset;

/// <summary>One rider's annotated run on a track with its video's per-frame features.</summary>
public sealed record SplitVideo(RunSplits Run, FeatureSequence Features)
{
    /// <summary>The track.</summary>
    public string TrackId => Run.TrackId;

    /// <summary>The rider.</summary>
    public string RiderId => Run.RiderId;

    /// <summary>The video file the features came from (null when unknown): what a refinement by registration
    /// decodes.</summary>
    public string? VideoPath { get; init; }

    /// <summary>SHA-256 (hex) of the videos' annotations and features, in track and rider order: what a model card
    /// records as the data it was trained on.</summary>
    public static string Fingerprint(IEnumerable<SplitVideo> videos)
    {
        ArgumentNullException.ThrowIfNull(videos);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (
            var v in videos
                .OrderBy(v => v.TrackId, StringComparer.Ordinal)
                .ThenBy(v => v.RiderId, StringComparer.Ordinal)
        )
        {
            hash.AppendData(
                Encoding.UTF8.GetBytes(
                    $"{v.TrackId}|{v.RiderId}|{string.Join(',', v.Run.Frames)}|{v.Run.FrameCount}|"
                        + $"{v.Features.Dim}|{v.Features.Fps}\n"
                )
            );
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(v.Features.Values.AsSpan()));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
