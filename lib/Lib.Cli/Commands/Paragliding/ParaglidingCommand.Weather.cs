using System.CommandLine;
using Lib.Paragliding.Ingest;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab paragliding weather: the site × day × hour weather table (the model's --weather input) from GRIB2 files.
internal static partial class ParaglidingCommand
{
    private static Command WeatherCommand(CliContext context)
    {
        var input = new Option<string[]>("--input", "-i")
        {
            Description = "GRIB2 files or folders of them (repeat the option); one or more valid times each.",
            HelpName = "file-or-dir",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var points = new Option<string>("--points", "-p")
        {
            Description = "A CSV of points with columns site_id, lat, lon.",
            HelpName = "points.csv",
            Required = true,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Write site_id,date,hour,variable,value rows here (hour UTC).",
            HelpName = "weather.csv",
            Required = true,
        };
        var hours = new Option<string>("--hours")
        {
            Description = "Valid hours (UTC) to keep, comma-separated. Default: 9,12,15 (Glideator's).",
            HelpName = "list",
            DefaultValueFactory = _ => "9,12,15",
        };
        var schema = SchemaOption();
        var bilinear = BilinearOption();
        var command = new Command(
            "weather",
            "Build the weather table per site × day × hour (Glideator's 77 variables) from GRIB2 files: the "
                + "model's --weather input."
        )
        {
            input,
            points,
            output,
            hours,
            schema,
            bilinear,
        };
        command.SetAction(parse =>
        {
            var hourList = parse
                .GetValue(hours)!
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(h =>
                    int.TryParse(h, out int v) && v is >= 0 and <= 23
                        ? v
                        : throw new ArgumentException($"--hours: '{h}' is not an hour 0–23.")
                )
                .ToList();
            var csv = parse.GetValue(output)!;
            var table = ParaglidingIngestStep.Weather(
                parse.GetValue(input)!,
                parse.GetValue(points)!,
                parse.GetValue(schema) ?? ParaglidingIngestStep.DefaultSchema(context.Root),
                csv,
                hourList,
                parse.GetValue(bilinear) ? GribSampling.Bilinear : GribSampling.Nearest
            );
            var slots = table.Rows.Select(r => (r.SiteId, r.Date, r.Hour)).Distinct().Count();
            context.Console.WriteLine(
                $"Wrote {N(table.Rows.Count)} values ({N(slots)} site × day × hour slots) to {Markup.Escape(csv)}."
            );
            if (table.Rows.Count == 0)
                context.Error.WriteLine(
                    $"No message is valid at {string.Join(", ", hourList)} h UTC; check --hours against the files."
                );
            return 0;
        });
        return command;
    }
}
