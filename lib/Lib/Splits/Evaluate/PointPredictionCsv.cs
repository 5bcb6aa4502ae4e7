using System.Globalization;
using System.Text;
using Lib.Tensors.IO;

namespace Lib.Splits.Evaluate;

/// <summary>Writes an evaluation's points (<c>track_id,source_rider,target_rider,split_index,true_s,model_s,
/// confidence,baseline_s,baseline_true_ends_s</c>), atomically.</summary>
public static class PointPredictionCsv
{
    /// <summary>The header.</summary>
    public const string Header =
        "track_id,source_rider,target_rider,split_index,true_s,model_s,confidence,baseline_s,baseline_true_ends_s";

    /// <summary>Writes the file (a temporary file, then a rename).</summary>
    public static void Write(string path, IEnumerable<PointPrediction> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var p in points)
            text.Append(
                CultureInfo.InvariantCulture,
                $"{p.TrackId},{p.SourceRider},{p.TargetRider},{p.SplitIndex},{p.TrueSeconds:F4},{p.ModelSeconds:F4},"
                    + $"{p.Confidence:F4},{p.BaselineSeconds:F4},{p.BaselineTrueEndsSeconds:F4}\n"
            );
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
            Directory.CreateDirectory(dir);
        AtomicFile.WriteAllText(path, text.ToString());
    }
}
