using System.Globalization;

namespace Lib.Splits.Domain;

/// <summary>
/// A point in a video as the annotations write it, <c>MM:SS:FF</c>: minutes, seconds (below 60) and a frame number
/// (below 24) at <see cref="Rate"/> = 24 frames per second, whatever the video's own rate
/// (<c>seconds = MM·60 + SS + FF/24</c>, the seed's <c>timecode_to_frames</c>). Minutes may have more than two digits.
/// </summary>
public readonly record struct Timecode : IComparable<Timecode>
{
    /// <summary>The rate of the <c>FF</c> field: 24 frames per second.</summary>
    public const int Rate = 24;

    /// <summary>A timecode of whole minutes, seconds and frames.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative field, seconds ≥ 60 or frames ≥ 24.</exception>
    public Timecode(int minutes, int seconds, int frames)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(seconds, 60);
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(frames, Rate);
        Minutes = minutes;
        Seconds = seconds;
        Frames = frames;
    }

    /// <summary>Whole minutes.</summary>
    public int Minutes { get; }

    /// <summary>Seconds within the minute, 0–59.</summary>
    public int Seconds { get; }

    /// <summary>Frames within the second at 24 fps, 0–23.</summary>
    public int Frames { get; }

    /// <summary>The frame index at 24 fps: <c>(MM·60 + SS)·24 + FF</c>.</summary>
    public int TotalFrames => (Minutes * 60 + Seconds) * Rate + Frames;

    /// <summary>Seconds from the start of the video: <c>MM·60 + SS + FF/24</c>.</summary>
    public double TotalSeconds => TotalFrames / (double)Rate;

    /// <summary>
    /// The index of the frame shown at this time in a video of <paramref name="framesPerSecond"/> (its real rate,
    /// e.g. 30000/1001): <c>round(TotalSeconds · fps)</c>, halves away from zero. At 24 fps it is
    /// <see cref="TotalFrames"/>.
    /// </summary>
    public int ToFrameIndex(double framesPerSecond)
    {
        if (!(framesPerSecond > 0) || double.IsInfinity(framesPerSecond))
            throw new ArgumentOutOfRangeException(
                nameof(framesPerSecond),
                framesPerSecond,
                "The frame rate must be a positive finite number."
            );
        return (int)Math.Round(TotalFrames * framesPerSecond / Rate, MidpointRounding.AwayFromZero);
    }

    /// <summary>The timecode of frame <paramref name="frames"/> at 24 fps.</summary>
    public static Timecode FromTotalFrames(int frames)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        return new(frames / (60 * Rate), frames / Rate % 60, frames % Rate);
    }

    /// <summary>The timecode nearest to <paramref name="seconds"/> (rounded to a whole 24-fps frame).</summary>
    public static Timecode FromSeconds(double seconds)
    {
        if (!(seconds >= 0) || double.IsInfinity(seconds))
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "Expected a finite time ≥ 0 s.");
        return FromTotalFrames((int)Math.Round(seconds * Rate, MidpointRounding.AwayFromZero));
    }

    /// <summary>
    /// The frame of a video of <paramref name="framesPerSecond"/> written as a timecode (the nearest 24-fps frame).
    /// </summary>
    public static Timecode FromFrameIndex(int frame, double framesPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        if (!(framesPerSecond > 0) || double.IsInfinity(framesPerSecond))
            throw new ArgumentOutOfRangeException(nameof(framesPerSecond), framesPerSecond, "Expected a rate > 0.");
        return FromSeconds(frame / framesPerSecond);
    }

    /// <summary>
    /// Reads <c>MM:SS:FF</c> strictly: three fields of digits separated by colons, minutes at least two digits,
    /// seconds and frames exactly two, seconds below 60 and frames below 24. Nothing else is accepted (no spaces,
    /// signs, fractions or <c>HH:MM:SS:FF</c>).
    /// </summary>
    /// <exception cref="FormatException">Says what was found and what was expected.</exception>
    public static Timecode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var value, out var error) ? value : throw new FormatException(error);
    }

    /// <summary>As <see cref="Parse"/>, giving the reason instead of throwing.</summary>
    public static bool TryParse(string? text, out Timecode value, out string error)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "an empty timecode (expected MM:SS:FF, FF a frame 00–23 at 24 fps)";
            return false;
        }
        var parts = text.Split(':');
        if (
            parts.Length != 3
            || parts[0].Length < 2
            || parts[1].Length != 2
            || parts[2].Length != 2
            || !parts.All(p => p.All(char.IsAsciiDigit))
        )
        {
            error = $"'{text}' is not a timecode (expected MM:SS:FF, two-digit fields of digits)";
            return false;
        }
        int minutes = int.Parse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture);
        int seconds = int.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture);
        int frames = int.Parse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture);
        if (seconds >= 60)
        {
            error = $"'{text}' has {seconds} seconds (expected 00–59)";
            return false;
        }
        if (frames >= Rate)
        {
            error = $"'{text}' has frame {frames} (expected 00–23: FF counts frames at 24 fps)";
            return false;
        }
        value = new(minutes, seconds, frames);
        error = "";
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(Timecode other) => TotalFrames.CompareTo(other.TotalFrames);

    /// <summary>Earlier than.</summary>
    public static bool operator <(Timecode a, Timecode b) => a.TotalFrames < b.TotalFrames;

    /// <summary>Later than.</summary>
    public static bool operator >(Timecode a, Timecode b) => a.TotalFrames > b.TotalFrames;

    /// <summary>Not later than.</summary>
    public static bool operator <=(Timecode a, Timecode b) => a.TotalFrames <= b.TotalFrames;

    /// <summary>Not earlier than.</summary>
    public static bool operator >=(Timecode a, Timecode b) => a.TotalFrames >= b.TotalFrames;

    /// <summary><c>MM:SS:FF</c>, two digits a field (more for minutes past 99).</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Minutes:00}:{Seconds:00}:{Frames:00}");
}
