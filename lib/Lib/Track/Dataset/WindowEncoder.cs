using Lib.Track.Cache;
using Lib.Track.Domain;

namespace Lib.Track.Dataset;

/// <summary>
/// Turns windows into model inputs. Each mark becomes three features: its z-score in its event's standardisation, the
/// days since the history's previous mark as log(1 + days) / 6, and the wind in m/s divided by 4 (0 without a reading).
/// A season keeps its latest <see cref="MarksPerSeason"/> marks. Two summary features describe the window: the z-gap
/// between the last same-label peak and the last peak, and whether the last season has the target's label.
/// </summary>
/// <param name="Events">The event codes with a head, in head order.</param>
/// <param name="Scales">Each event's standardisation.</param>
/// <param name="MarksPerSeason">L, the marks kept per season.</param>
/// <param name="Residual">What the model's output is added to.</param>
public sealed class WindowEncoder(
    IReadOnlyList<string> Events,
    IReadOnlyDictionary<string, EventScale> Scales,
    int MarksPerSeason,
    ResidualBase Residual
)
{
    /// <summary>Features per mark.</summary>
    public const int Features = 3;

    /// <summary>Summary features per window.</summary>
    public const int SummaryFeatures = 2;

    private readonly Dictionary<string, int> _index = Events
        .Select((e, i) => (e, i))
        .ToDictionary(p => p.e, p => p.i, StringComparer.Ordinal);

    /// <summary>The event codes with a head, in head order.</summary>
    public IReadOnlyList<string> Events { get; } = Events;

    /// <summary>Each event's standardisation.</summary>
    public IReadOnlyDictionary<string, EventScale> Scales { get; } = Scales;

    /// <summary>L, the marks kept per season.</summary>
    public int MarksPerSeason { get; } =
        MarksPerSeason > 0
            ? MarksPerSeason
            : throw new ArgumentOutOfRangeException(nameof(MarksPerSeason), "At least one mark per season.");

    /// <summary>What the model's output is added to.</summary>
    public ResidualBase Residual { get; } = Residual;

    /// <summary>Whether the encoder has a head and a scale for <paramref name="eventCode"/>.</summary>
    public bool Knows(string eventCode) => _index.ContainsKey(eventCode) && Scales.ContainsKey(eventCode);

    /// <summary>The window as a sample (its target included).</summary>
    public WindowSample Encode(Window window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var sample = Encode(window.History.Event, window.Inputs, window.Label);
        var scale = Scales[window.History.Event.Code];
        return sample with
        {
            Target = (float)scale.ToZ(window.Actual),
            Weight = (float)(scale.Std / window.Actual * 100),
            Window = window,
        };
    }

    /// <summary>Input seasons of <paramref name="ev"/> (oldest first, one with the target's label) as a sample with an
    /// unknown target.</summary>
    public WindowSample Encode(EventInfo ev, IReadOnlyList<HistorySeason> inputs, Season target)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(inputs);
        if (!Knows(ev.Code))
            throw new KeyNotFoundException(
                $"The model has no head for {ev.Name} ({ev.Code}); it knows {string.Join(", ", Events)}."
            );
        if (inputs.Count == 0)
            throw new ArgumentException("A forecast needs at least one season of marks.", nameof(inputs));
        var scale = Scales[ev.Code];
        var seasons = new List<float[]>(inputs.Count);
        foreach (var season in inputs)
        {
            var marks = season.Marks.Skip(Math.Max(0, season.Marks.Count - MarksPerSeason)).ToList();
            if (marks.Count == 0)
                throw new ArgumentException($"Season {season.Season} has no marks.", nameof(inputs));
            var features = new float[marks.Count * Features];
            for (var i = 0; i < marks.Count; i++)
            {
                features[i * Features] = (float)scale.ToZ(marks[i].Value);
                features[i * Features + 1] = (float)(Math.Log(1 + Math.Max(0, marks[i].DaysSincePrevious)) / 6);
                features[i * Features + 2] = (float)((marks[i].Wind ?? 0) / 4);
            }
            seasons.Add(features);
        }
        var last = inputs[^1];
        var same = inputs.LastOrDefault(s => s.Season.Label == target)
            ?? throw new ArgumentException(
                $"The input seasons ({string.Join(", ", inputs.Select(s => s.Season))}) include none labelled "
                    + $"{SeasonId.LabelName(target)}, the label forecast.",
                nameof(inputs)
            );
        var zLast = scale.ToZ(last.Peak);
        var zSame = scale.ToZ(same.Peak);
        var baseZ = Residual switch
        {
            ResidualBase.LastPeak => zLast,
            ResidualBase.LastSameLabelPeak => zSame,
            _ => 0,
        };
        return new WindowSample(
            seasons,
            [.. inputs.Select(s => WindowSample.LabelId(s.Season.Label))],
            WindowSample.LabelId(target),
            _index[ev.Code],
            [(float)(zSame - zLast), last.Season.Label == target ? 1f : 0f],
            (float)baseZ,
            float.NaN
        )
        {
            Features = WindowFeatures.Of(ev, inputs, target, scale),
            LastPeak = last.Peak,
        };
    }
}
