using System.CommandLine;
using System.Globalization;
using Lib.Track.Domain;
using Lib.Track.Model;
using Lib.Track.Predict;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab track predict: the next peak of an event's season label from this season's marks. Asks for what the options leave
// out (model folder, gender, season label, event from a list, the marks pasted one per line), like the original tool.
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
        var command = new Command(
            "predict",
            "Forecast the next peak of an event's season from this season's marks. Asks for anything not given "
                + "as an option."
        )
        {
            model,
            gender,
            label,
            ev,
            marks,
        };
        command.SetAction(parse =>
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
        });
        return command;
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
