using System.Globalization;
using System.Text;
using Lib.Tensors.IO;

namespace Lib.Splits.Predict;

/// <summary>Writes <c>preds.csv</c>: <c>track_id,source_rider,target_rider,split_index,predicted_s,confidence</c>
/// (split 0 = start … last = finish; seconds from the start of the target's video), atomically.</summary>
public static class PredictionCsv
{
    /// <summary>The header.</summary>
    public const string Header = "track_id,source_rider,target_rider,split_index,predicted_s,confidence";

    /// <summary>The CSV text of <paramref name="pairs"/>.</summary>
    public static string Format(IEnumerable<PairResult> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var p in pairs)
        foreach (var s in p.Splits)
            text.Append(
                CultureInfo.InvariantCulture,
                $"{p.TrackId},{p.SourceRider},{p.TargetRider},{s.Index},{s.Seconds:F3},{s.Confidence:F4}\n"
            );
        return text.ToString();
    }

    /// <summary>Writes the file (a temporary file, then a rename).</summary>
    public static void Write(string path, IEnumerable<PairResult> pairs)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
            Directory.CreateDirectory(dir);
        AtomicFile.WriteAllText(path, Format(pairs));
    }
}
