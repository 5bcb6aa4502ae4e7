using System.Globalization;
using Lib.Display;
using Lib.Storage;
using Lib.Track.Domain;
using Lib.Track.Ingest;
using Lib.Track.Model;
using Lib.Track.Scrape;
using Lib.Workflow;

namespace Lib.Track.Predict;

/// <summary>
/// The predict step, the one orchestration <c>lab track predict</c> and <c>notebooks/track/05-predict.dib</c> call: the
/// next
/// peak of an event's season label from marks, a season pasted as text (<see cref="MarkLines"/>) or a history of
/// seasons.
/// One call does it all from a model folder:
/// <c>TrackPredictStep.Run("artifacts/track/model", "women", "outdoor", "Triple Jump", "2026-03-28, 12.80\n2026-04-11,
/// 13.05")</c>.
/// </summary>
public static class TrackPredictStep
{
    /// <summary>Days assumed between undated marks.</summary>
    public const int UndatedSpacingDays = 7;

    /// <summary>Loads the model of <paramref name="gender"/> from <paramref name="modelFolder"/> and forecasts from
    /// pasted marks.</summary>
    /// <param name="modelFolder">A model's folder (holding model.json), or the folder holding <c>men/</c> and
    /// <c>women/</c>.</param>
    /// <param name="gender"><c>men</c>/<c>women</c> (or M/F); may be null when the folder holds one model.</param>
    /// <param name="label">The season label: indoor, outdoor or xc.</param>
    /// <param name="eventText">The event: a name or code the catalogue knows (<c>Triple Jump</c>, <c>TJ</c>).</param>
    /// <param name="marks">The season's marks, one per line.</param>
    public static TrackForecast Run(string modelFolder, string? gender, string label, string eventText, string marks) =>
        Run(TrackModels.Open(modelFolder, gender), ParseLabel(label), eventText, marks);

    /// <summary>Forecasts the next <paramref name="label"/> peak of the event from one season of pasted
    /// marks.</summary>
    public static TrackForecast Run(TrackModel model, Season label, string eventText, string marks)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ev = FindEvent(model, eventText);
        var pasted = MarkLines.Parse(marks, ev, label);
        return Run(model, ev, [Season(pasted, ev, label)], label);
    }

    /// <summary>Forecasts the next <paramref name="label"/> peak from a history of seasons (oldest first; the model
    /// reads the last K).</summary>
    public static TrackForecast Run(TrackModel model, EventInfo ev, IReadOnlyList<HistorySeason> history, Season label)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(history);
        var inputs = history.Skip(Math.Max(0, history.Count - model.Config.Seasons)).ToList();
        var value = model.Predict([model.Encoder.Encode(ev, inputs, label)])[0];
        return new TrackForecast(ev, label, value, inputs.Sum(s => s.Marks.Count), model.Gender);
    }

    /// <summary>
    /// Batch forecasts from a history (<c>lab track predict --input performances.csv --requests requests.csv --out
    /// forecasts.csv</c>): reads the performances (<see cref="HistoryCsv"/>) and the requests
    /// (<see cref="ForecastRequest"/>), forecasts each (<see cref="BatchForecaster"/>) with the model of its gender
    /// from <paramref name="modelFolder"/>, and writes <paramref name="outPath"/> (<see cref="BatchForecast"/>'s
    /// columns) and, beside it, <c>&lt;name&gt;.rejected.csv</c>: every request that could not be forecast and every
    /// performance row left out, with the reason (each file written to a temporary file, then renamed).
    /// </summary>
    /// <param name="modelFolder">The model folder (men/ and women/).</param>
    /// <param name="inputPath">The performances CSV.</param>
    /// <param name="requestsPath">The requests CSV.</param>
    /// <param name="outPath">The forecasts CSV to write.</param>
    /// <param name="prepare">Runs on each model as it is opened (e.g. to run it on a TorchSharp device).</param>
    public static TrackBatchOutcome RunBatch(
        string modelFolder,
        string inputPath,
        string requestsPath,
        string outPath,
        Action<TrackModel>? prepare = null
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outPath);
        if (!File.Exists(inputPath))
            throw new FileNotFoundException($"The performances file '{inputPath}' does not exist.", inputPath);
        var performances = new HistoryCsv(inputPath).Read();
        var requests = ForecastRequest.Read(requestsPath);
        var outcome = Forecast(modelFolder, performances, requests.Rows, prepare);
        var rejectedPath = RejectedPathOf(outPath);
        RecordTable.Write(outcome.Forecasts, outPath);
        RecordTable.Write([.. requests.Rejected, .. outcome.Rejected, .. outcome.InputRejected], rejectedPath);
        return outcome with
        {
            Rejected = [.. requests.Rejected, .. outcome.Rejected],
            OutPath = outPath,
            RejectedPath = rejectedPath,
        };
    }

    /// <summary>
    /// The next indoor and outdoor peak of each of an athlete's events, from their TFRRS athlete page: the page is
    /// scraped as <see cref="TrackScrapeStep"/> does (<paramref name="scrape"/>'s only address; the loopback mirror of
    /// the saved pages unless a site is given), its results become the history, and every individual event with marks
    /// is forecast for each of indoor and outdoor it is held in (the ones that cannot be, such as an event whose last K
    /// seasons hold none of the label, are listed with the reason; cross-country events are not forecast).
    /// </summary>
    /// <exception cref="InvalidOperationException">The page could not be fetched or is not an athlete page with
    /// results.</exception>
    public static async Task<TrackBatchOutcome> RunAthleteAsync(
        string modelFolder,
        TrackScrapeRequest scrape,
        IProgressReporter? progress = null,
        CancellationToken cancellationToken = default,
        Action<TrackModel>? prepare = null
    )
    {
        ArgumentNullException.ThrowIfNull(scrape);
        var (result, _, _) = await TrackScrapeStep
            .ScrapeAsync(scrape, progress, cancellationToken)
            .ConfigureAwait(false);
        if (result.Failed.FirstOrDefault() is { } failed)
            throw new InvalidOperationException(
                $"{failed.Url} could not be read ({failed.Status}: {failed.Reason ?? "no reason given"})."
            );
        if (result.AthletePages.Count == 0)
            throw new InvalidOperationException(
                $"{string.Join(", ", scrape.Addresses)} is not a TFRRS athlete page (it has no #meet-results)."
            );
        var rows = new List<Performance>();
        var left = new List<RejectedRecord>(result.Skipped);
        foreach (var p in result.Rows)
        {
            if (p.Date is null || p.Season is null || p.Athlete is null)
            {
                left.Add(new RejectedRecord(p.File, $"result {p.Line}", "no date, season or name", p.Mark.Text));
                continue;
            }
            var key = p.AthleteId?.ToString(CultureInfo.InvariantCulture) ?? p.Athlete.ToUpperInvariant();
            rows.Add(p with { AthleteKey = $"tfrrs:{key}" });
        }
        var page = result.AthletePages[0];
        var requests = rows.Where(r => !r.Event.IsRelay && r.Mark.IsValid)
            .Select(r => r.Event)
            .Distinct()
            .SelectMany(ev =>
                new[] { Domain.Season.Indoor, Domain.Season.Outdoor }
                    .Where(label => ev.Seasons.HasFlag(label.AsSet()))
                    .Select(label => new ForecastRequest(
                        page.Url,
                        0,
                        page.Name,
                        page.Gender is { } g ? TrackModels.Name(g) : "",
                        ev.Code,
                        label.Code(),
                        $"{ev.Name}, {label.Code()}"
                    ))
            )
            .ToList();
        var outcome = Forecast(modelFolder, new IngestResult<Performance>(rows, left), requests, prepare);
        return outcome with { Rejected = [.. outcome.Rejected.Select(r => r with { Location = r.Text })] };
    }

    /// <summary>Where <see cref="RunBatch"/> lists what it could not forecast: <c>forecasts.rejected.csv</c> beside
    /// <c>forecasts.csv</c>.</summary>
    public static string RejectedPathOf(string outPath) =>
        Path.Combine(
            Path.GetDirectoryName(Path.GetFullPath(outPath))!,
            Path.GetFileNameWithoutExtension(outPath) + ".rejected.csv"
        );

    private static TrackBatchOutcome Forecast(
        string modelFolder,
        IngestResult<Performance> performances,
        IReadOnlyList<ForecastRequest> requests,
        Action<TrackModel>? prepare
    )
    {
        if (!Directory.Exists(modelFolder))
            throw new DirectoryNotFoundException(
                $"The model folder '{modelFolder}' does not exist (train one with 'lab track train' or "
                    + "notebooks/track/03-train.dib)."
            );
        var relays = performances
            .Rows.Where(p => p.Event.IsRelay)
            .Select(p =>
                RejectedRecord.AtLine(
                    p.File,
                    p.Line,
                    $"{p.Event.Name} is a relay: a team's mark, in no athlete's history",
                    p.Mark.Text
                )
            );
        var (forecasts, rejected) = BatchForecaster.Run(
            performances.Rows,
            requests,
            gender =>
            {
                var model = TrackModels.Open(modelFolder, TrackModels.Name(gender));
                prepare?.Invoke(model);
                return model;
            }
        );
        return new TrackBatchOutcome(
            forecasts,
            rejected,
            [.. performances.Rejected, .. relays],
            performances.Rows.Count
        );
    }

    /// <summary>Pasted marks as one season: sorted by date (undated ones kept in order, a week apart), with the days
    /// between them.</summary>
    public static HistorySeason Season(IReadOnlyList<PastedMark> marks, EventInfo ev, Season label)
    {
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentNullException.ThrowIfNull(ev);
        if (marks.Count == 0)
            throw new ArgumentException("A season needs at least one mark.", nameof(marks));
        var dated = marks[0].Date is not null;
        // undated: only the spacing matters
        var start = dated ? marks.Min(m => m.Date!.Value) : new SeasonId(label, 2000).Start;
        var ordered = dated ? [.. marks.OrderBy(m => m.Date).ThenBy(m => m.Line)] : marks.ToList();
        var points = new List<MarkPoint>(ordered.Count);
        DateOnly? previous = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var date = ordered[i].Date ?? start.AddDays(i * UndatedSpacingDays);
            points.Add(
                new MarkPoint(
                    date,
                    ordered[i].Mark.Value!.Value,
                    previous is { } p ? date.DayNumber - p.DayNumber : 0,
                    ordered[i].Wind
                )
            );
            previous = date;
        }
        var peak = points[0].Value;
        foreach (var m in points)
            if (ev.IsBetter(m.Value, peak))
                peak = m.Value;
        return new HistorySeason(SeasonId.Of(label, points[0].Date), peak, points);
    }

    /// <summary>
    /// The event <paramref name="text"/> names among the model's events: a catalogue spelling (<c>Triple Jump</c>,
    /// <c>TJ</c>,
    /// <c>100m</c>) or the model's own name or code. <see cref="ArgumentException"/> listing the model's events
    /// otherwise.
    /// </summary>
    public static EventInfo FindEvent(TrackModel model, string text)
    {
        ArgumentNullException.ThrowIfNull(model);
        var events = model.Events;
        var ev = EventCatalogue.Find(text)
            ?? events.FirstOrDefault(e => string.Equals(e.Name, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (ev is null)
            throw new ArgumentException(
                $"'{text}' is not an event the catalogue knows; the {Name(model)} model forecasts {List(events)}."
            );
        if (!events.Contains(ev))
            throw new ArgumentException(
                $"The {Name(model)} model has no head for {ev.Name} ({ev.Code}): it had no training windows. It "
                    + $"forecasts {List(events)}."
            );
        return ev;
    }

    /// <summary>A season label from <c>indoor</c>, <c>outdoor</c>, <c>xc</c> or <c>cross country</c>;
    /// <see cref="ArgumentException"/> otherwise.</summary>
    public static Season ParseLabel(string? text) =>
        SeasonNames.FromText(text)
        ?? throw new ArgumentException($"'{text}' is not a season label: indoor, outdoor or xc.");

    private static string Name(TrackModel model) => TrackModels.Possessive(model.Gender);

    private static string List(IReadOnlyList<EventInfo> events) => string.Join(", ", events.Select(e => e.Name));
}
