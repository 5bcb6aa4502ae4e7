using System.Globalization;
using System.Text;
using Lib.Tensors.Formatting;

namespace Lib.Display;

/// <summary>The state of a progress task at one moment; renders as a text or HTML bar.</summary>
[TypeFormatterSource(typeof(ProgressSnapshotFormatterSource))]
public sealed record ProgressSnapshot(
    string Description,
    long Done,
    long? Total,
    string Unit,
    TimeSpan Elapsed,
    string? Status,
    bool Finished
)
{
    /// <summary>The finished fraction in [0, 1], or null when the total is unknown.</summary>
    public double? Fraction =>
        Total is > 0 ? Math.Clamp((double)Done / Total.Value, 0, 1)
        : Total == 0 ? 1
        : null;

    /// <summary>Units per second so far.</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;

    /// <summary>Estimated time to finish, when the total and a rate are known.</summary>
    public TimeSpan? Remaining =>
        Total is { } t && Rate > 0 && !Finished ? TimeSpan.FromSeconds((t - Done) / Rate) : null;

    /// <summary>One line: <c>Training 40/100 epochs [========&gt;           ] 40% 12.3/s 0:05 left loss
    /// 0.31</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(Description).Append(' ');
        sb.Append(Done.ToString("N0", CultureInfo.InvariantCulture));
        if (Total is { } total)
            sb.Append('/').Append(total.ToString("N0", CultureInfo.InvariantCulture));
        sb.Append(' ').Append(Unit);
        if (Fraction is { } f)
        {
            int width = 24,
                filled = (int)Math.Round(f * width);
            sb.Append(" [")
                .Append('=', filled)
                .Append(filled < width ? ">" : "")
                .Append(' ', Math.Max(0, width - filled - 1))
                .Append(']')
                .Append(CultureInfo.InvariantCulture, $" {f * 100:0}%");
        }
        sb.Append(CultureInfo.InvariantCulture, $" {Rate:0.#}/s");
        sb.Append(
            Finished ? $" done in {Clock(Elapsed)}"
            : Remaining is { } r ? $" {Clock(r)} left"
            : $" {Clock(Elapsed)}"
        );
        if (!string.IsNullOrEmpty(Status))
            sb.Append(' ').Append(Status);
        return sb.ToString();
    }

    internal static string Clock(TimeSpan t) =>
        t.TotalHours >= 1
            ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}

/// <summary>Renders <see cref="ProgressSnapshot"/> as an HTML bar.</summary>
public sealed class ProgressSnapshotFormatterSource
{
    /// <summary>The formatters, found by hosts through <see cref="TypeFormatterSourceAttribute"/>.</summary>
    public IEnumerable<object> CreateTypeFormatters() => [new TypeFormatter<ProgressSnapshot>("text/html", s =>
            {
                var percent = (s.Fraction ?? (s.Finished ? 1 : 0)) * 100;
                var detail = s.ToString()[(s.Description.Length + 1)..];
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"<div class=\"lab-progress\" style=\"font-family:system-ui,sans-serif;font-size:.9rem\">"
                        + $"<b>{Html.Encode(s.Description)}</b> "
                        + $"<progress value=\"{percent:0.#}\" max=\"100\" "
                        + $"style=\"width:16rem;vertical-align:middle\"></progress> "
                        + $"<span style=\"font-family:ui-monospace,monospace\">{Html.Encode(detail)}</span></div>"
                );
            }), new TypeFormatter<ProgressSnapshot>("text/plain", s => s.ToString())];
}
