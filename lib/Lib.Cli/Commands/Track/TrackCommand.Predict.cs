using System.CommandLine;
using System.Globalization;
using Lib.Track.Domain;
using Lib.Track.Model;
using Lib.Track.Predict;
using Lib.Torch.Track;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab track predict: the next peak of an event's season label from this season's marks. Asks for what the options leave
// out (model folder, gender, season label, event from a list, the marks pasted one per line), like the original tool.
// With --input and --requests it forecasts a batch from a history file (TrackPredictStep.RunBatch); with --athlete-url,
// the next indoor and outdoor peak of each event on an athlete's TFRRS page (TrackPredictStep.RunAthleteAsync).
internal static partial class TrackCommand
{
    private static Command PredictCommand(CliContext context)
    {
        var model = new Option<string?>("--model", "-m")
        {
            Description = "The model folder (default: artifacts/track/model).",
            HelpName = "dir",
        };
        var gender = new Option<string?>("--gender")
        {
            Description = "men or women, when the folder holds both models.",
        };
        var label = new Option<string?>("--label")
        {
            Description = "The season label of the marks and of the peak forecast: indoor, outdoor or xc.",
        };
        var ev = new Option<string?>("--event", "-e")
        {
            Description = "The event, by name or code (Triple Jump, TJ, 400, 8k ...).",
        };
        var marks = new Option<string?>("--marks-file")
        {
            Description =
                "The season's marks, one per line: 'date, mark[, wind]' (date as 2026-04-12) or just a mark; "
                + "'-' reads standard input.",
            HelpName = "file",
        };
        var input = new Option<string?>("--input")
        {
            Description =
                "Batch mode: a performances CSV with columns athlete,gender,event,date,mark[,wind][,label] (date as "
                + "2019-02-24, mark as printed, event by name or code, gender men/women, label indoor/outdoor/xc, "
                + "inferred from the date and event when absent). Needs --requests and --out.",
            HelpName = "file",
        };
        var requests = new Option<string?>("--requests")
        {
            Description =
                "Batch mode: a CSV with columns athlete,gender,event,target_label: the peak of the first "
                + "target_label season after the athlete's latest mark is forecast for each row.",
            HelpName = "file",
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description =
                "Batch mode: the forecasts CSV to write (athlete,gender,event,target_label,target_season,"
                + "predicted_peak,predicted_mark,history_seasons); rows that cannot be forecast go to "
                + "<name>.rejected.csv beside it, with the reason.",
            HelpName = "file",
        };
        var athleteUrl = new Option<string?>("--athlete-url")
        {
            Description =
                "An athlete's TFRRS page (address or path): forecast the next indoor and outdoor peak of each of "
                + "their events. Served by the mirror of data/tfrrs/html unless --base-url is given.",
            HelpName = "url",
        };
        var baseUrl = new Option<string?>("--base-url")
        {
            Description =
                "With --athlete-url: fetch the page from this site, e.g. https://www.tfrrs.org (polite, cached in "
                + "artifacts/cache/tfrrs).",
            HelpName = "url",
        };
        var device = DeviceOptions.Create();
        var command = new Command(
            "predict",
            "Forecast the next peak of an event's season from this season's marks (asks for anything not given as "
                + "an option), a batch from a history file (--input, --requests, --out), or an athlete's TFRRS page "
                + "(--athlete-url)."
        )
        {
            model,
            gender,
            label,
            ev,
            marks,
            input,
            requests,
            output,
            athleteUrl,
            baseUrl,
            device,
        };
        command.SetAction(
            async (parse, cancellationToken) =>
            {
                var on = DeviceOptions.Parse(parse.GetValue(device));
                Action<TrackModel> prepare = m => TorchTrackRunner.Use(m, on);
                var folder = parse.GetValue(model) ?? Path.Combine(context.Artifacts, "track", "model");
                if (parse.GetValue(athleteUrl) is { } page)
                    return await PredictAthlete(
                        context,
                        folder,
                        page,
                        parse.GetValue(baseUrl),
                        prepare,
                        cancellationToken
                    );
                if (parse.GetValue(input) is not null || parse.GetValue(requests) is not null)
                    return PredictBatch(
                        context,
                        folder,
                        parse.GetValue(input)
                            ?? throw new ArgumentException("--requests needs --input (the performances)."),
                        parse.GetValue(requests)
                            ?? throw new ArgumentException("--input needs --requests (what to forecast)."),
                        parse.GetValue(output)
                            ?? throw new ArgumentException("Batch mode needs --out (the forecasts CSV to write)."),
                        prepare
                    );
                return PredictInteractive(context, parse, model, gender, label, ev, marks, prepare);
            }
        );
        return command;
    }

    private static int PredictInteractive(
        CliContext context,
        ParseResult parse,
        Option<string?> model,
        Option<string?> gender,
        Option<string?> label,
        Option<string?> ev,
        Option<string?> marks,
        Action<TrackModel> prepare
    )
    {
        {
            var ask = new Asker(context);
            var folder = parse.GetValue(model)
                ?? (
                    ask.Needed(parse.GetValue(label), parse.GetValue(ev), parse.GetValue(marks))
                        ? ask.Line("Model folder", Path.Combine(context.Artifacts, "track", "model"))
                        : Path.Combine(context.Artifacts, "track", "model")
                );
            var who = parse.GetValue(gender);
            if (who is null && TrackModels.Available(folder).Count == 2)
                who = ask.Until("Gender (men, women)", null, text =>
                    GenderCodes.FromText(text) is Gender.Men or Gender.Women
                        ? text
                        : throw new ArgumentException($"'{text}' is not men or women.")
                );
            var trained = TrackModels.Open(folder, who);
            prepare(trained);

            var season = parse.GetValue(label) is { } l
                ? TrackPredictStep.ParseLabel(l)
                : ask.Until("Season label (indoor, outdoor, xc)", null, TrackPredictStep.ParseLabel);
            var info = parse.GetValue(ev) is { } e
                ? Contested(TrackPredictStep.FindEvent(trained, e), season)
                : AskEvent(ask, trained, season);

            List<PastedMark> pasted;
            if (parse.GetValue(marks) is { } file)
            {
                string text;
                if (file == "-")
                    text = context.In.ReadToEnd();
                else if (File.Exists(file))
                    text = File.ReadAllText(file);
                else
                    throw new FileNotFoundException($"The marks file '{file}' does not exist.", file);
                try
                {
                    pasted = MarkLines.Parse(text, info, season);
                }
                catch (FormatException x)
                {
                    throw new ArgumentException(
                        file == "-" ? $"standard input: {x.Message}" : $"{file}: {x.Message}",
                        x
                    );
                }
            }
            else
                pasted = AskMarks(ask, info, season);

            var forecast = TrackPredictStep.Run(trained, info, [TrackPredictStep.Season(pasted, info, season)], season);
            context.Console.WriteLine(forecast.Sentence);
            return 0;
        }
    }

    private static int PredictBatch(
        CliContext context,
        string folder,
        string input,
        string requests,
        string output,
        Action<TrackModel> prepare
    )
    {
        var outcome = TrackPredictStep.RunBatch(folder, input, requests, output, prepare);
        ShowForecasts(context, outcome);
        context.Console.WriteLine($"Wrote {outcome.OutPath} and {outcome.RejectedPath}.");
        return outcome.Rejected.Count == 0 ? 0 : 1;
    }

    private static async Task<int> PredictAthlete(
        CliContext context,
        string folder,
        string page,
        string? site,
        Action<TrackModel> prepare,
        CancellationToken cancellationToken
    )
    {
        var addresses = Lib.Track.Scrape.TrackScrapeStep.Addresses([page], null);
        var scrape = Lib.Track.Scrape.TrackScrapeRequest.Under(context.Root, addresses) with { BaseUrl = site };
        TrackBatchOutcome outcome;
        try
        {
            outcome = await TrackPredictStep.RunAthleteAsync(
                folder,
                scrape,
                context.Progress,
                cancellationToken,
                prepare
            );
        }
        catch (ArgumentException e) when (e.ParamName == "request")
        {
            throw new ArgumentException($"--base-url: {e.Message.Split(" (Parameter")[0]}", e);
        }
        ShowForecasts(context, outcome);
        return outcome.Forecasts.Count > 0 ? 0 : 1;
    }

    private static void ShowForecasts(CliContext context, TrackBatchOutcome outcome)
    {
        const int shown = 40;
        var table = new Spectre.Console.Table().AddColumns(
            "athlete",
            "gender",
            "event",
            "label",
            "season",
            "forecast",
            "seasons read"
        );
        foreach (var f in outcome.Forecasts.Take(shown))
            table.AddRow(
                Markup.Escape(f.Athlete),
                f.Gender,
                Markup.Escape(f.Event),
                f.TargetLabel,
                f.TargetSeason,
                Markup.Escape(f.PredictedMark),
                f.HistorySeasons.ToString(CultureInfo.InvariantCulture)
            );
        if (outcome.Forecasts.Count > 0)
            context.Console.Write(table);
        if (outcome.Forecasts.Count > shown)
            context.Console.WriteLine($"… {outcome.Forecasts.Count - shown} more forecasts.");
        foreach (var row in outcome.Rejected.Take(20))
            context.Error.WriteLine($"not forecast: {row}");
        if (outcome.Rejected.Count > 20)
            context.Error.WriteLine($"not forecast: … {outcome.Rejected.Count - 20} more");
        context.Console.WriteLine(outcome.Summary);
    }

    private static EventInfo Contested(EventInfo ev, Season season) =>
        ev.Seasons.HasFlag(season.AsSet())
            ? ev
            : throw new ArgumentException($"{ev.Name} is not contested in the {SeasonId.LabelName(season)} season.");

    private static EventInfo AskEvent(Asker ask, TrackModel model, Season season)
    {
        var events = model.Events.Where(e => e.Seasons.HasFlag(season.AsSet())).ToList();
        if (events.Count == 0)
            throw new ArgumentException($"The model forecasts no event of the {SeasonId.LabelName(season)} season.");
        ask.Say($"Events of the {SeasonId.LabelName(season)} season:");
        for (var i = 0; i < events.Count; i++)
            ask.Say(string.Create(CultureInfo.InvariantCulture, $"  {i + 1, 2}. {events[i].Name}"));
        return ask.Until("Event (number or name)", null, text => int.TryParse(
                text,
                NumberStyles.None,
                CultureInfo.InvariantCulture,
                out var n
            )
                ? n >= 1 && n <= events.Count
                    ? events[n - 1]
                    : throw new ArgumentException($"{n} is not between 1 and {events.Count}.")
                : Contested(TrackPredictStep.FindEvent(model, text), season));
    }

    private static List<PastedMark> AskMarks(Asker ask, EventInfo ev, Season season)
    {
        ask.Say(
            $"Paste this {SeasonId.LabelName(season)} season's {ev.Name} marks, one per line: 'date, mark[, "
                + "wind]' (date as 2026-04-12) or just a mark. An empty line ends."
        );
        var accepted = new List<PastedMark>();
        for (var line = 1; ; line++)
        {
            var text = ask.Read($"mark {accepted.Count + 1}");
            if (text is null || text.Trim().Length == 0)
            {
                if (accepted.Count > 0)
                    return accepted;
                if (text is null)
                    throw new ArgumentException("The input ended before any mark was given.");
                ask.Say("No marks yet: paste at least one.");
                continue;
            }
            try
            {
                if (MarkLines.ParseLine(line, text, ev, season) is not { } mark)
                {
                    ask.Say($"line {line}: no value (a comment or a non-mark such as DNF); left out.");
                    continue;
                }
                MarkLines.CheckWith(accepted, mark, season);
                accepted.Add(mark);
            }
            catch (MarkLineException x)
            {
                ask.Say($"{x.Message} Type it again, or an empty line to finish.");
            }
        }
    }

    /// <summary>Questions on the console, answers from the context's input; an answer that does not parse is asked
    /// again.</summary>
    private sealed class Asker(CliContext context)
    {
        public bool Needed(params string?[] given) => given.Any(g => g is null);

        public void Say(string text) => context.Console.WriteLine(text);

        public string? Read(string prompt)
        {
            context.Console.Markup($"{Markup.Escape(prompt)}: ");
            return context.In.ReadLine();
        }

        public string Line(string prompt, string? fallback)
        {
            var text = Read(fallback is null ? prompt : $"{prompt} [{fallback}]")?.Trim();
            if (string.IsNullOrEmpty(text))
                return fallback ?? throw new ArgumentException($"No answer to '{prompt}' (the input ended).");
            return text;
        }

        public T Until<T>(string prompt, string? fallback, Func<string, T> parse)
        {
            while (true)
            {
                var text = Read(fallback is null ? prompt : $"{prompt} [{fallback}]");
                if (text is null)
                    throw new ArgumentException($"No answer to '{prompt}' (the input ended).");
                text = text.Trim();
                if (text.Length == 0 && fallback is not null)
                    text = fallback;
                try
                {
                    return parse(text);
                }
                catch (ArgumentException x)
                {
                    Say($"{x.Message} Try again.");
                }
            }
        }
    }
}
