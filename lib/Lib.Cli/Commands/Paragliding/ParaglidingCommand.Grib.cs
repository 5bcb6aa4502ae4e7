using System.CommandLine;
using System.Globalization;
using Lib.Paragliding.Ingest;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab paragliding grib: a GRIB2 file's values at points in Glideator's schema, the variables it lacks listed;
// exit 1 when point rows were refused.
internal static partial class ParaglidingCommand
{
    private static Option<string?> SchemaOption() =>
        new("--schema")
        {
            Description =
                "Glideator's schema.json (77 GFS variables). Default: data/paragliding/glideator/schema.json.",
            HelpName = "file",
        };

    private static Option<bool> BilinearOption() =>
        new("--bilinear")
        {
            Description = "Interpolate between the four surrounding grid points instead of taking the nearest.",
        };

    private static Command GribCommand(CliContext context)
    {
        var input = new Option<string>("--input", "-i")
        {
            Description = "A GRIB2 file (grid 3.0; packing 5.0, 5.2 or 5.3).",
            HelpName = "file",
            Required = true,
        };
        var points = new Option<string>("--points", "-p")
        {
            Description = "A CSV of points with columns site_id, lat, lon (e.g. data/paragliding/takeoff_sites.csv).",
            HelpName = "points.csv",
            Required = true,
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description =
                "Write site_id,lat,lon,grid_lat,grid_lon,variable,value rows here (values in the file's units).",
            HelpName = "profiles.csv",
        };
        var schema = SchemaOption();
        var bilinear = BilinearOption();
        var schemaOnly = new Option<bool>("--schema-only")
        {
            Description = "Unpack only the schema's fields (for large files; the message count then counts those).",
        };
        var command = new Command(
            "grib",
            "Decode a GRIB2 file, list its messages, and read Glideator's 77 weather variables at points; the "
                + "variables the file lacks are listed, not written."
        )
        {
            input,
            points,
            output,
            schema,
            bilinear,
            schemaOnly,
        };
        command.SetAction(parse =>
        {
            var csv = parse.GetValue(output);
            var result = ParaglidingIngestStep.Grib(
                parse.GetValue(input)!,
                parse.GetValue(points)!,
                parse.GetValue(schema) ?? ParaglidingIngestStep.DefaultSchema(context.Root),
                csv,
                parse.GetValue(bilinear) ? GribSampling.Bilinear : GribSampling.Nearest,
                parse.GetValue(schemaOnly)
            );
            var p = result.Profiles;
            var grid = result.Grib.Messages.Count > 0 ? result.Grib.Messages[0].Grid : null;
            context.Console.WriteLine(
                $"{result.Grib.File}: {N(result.Grib.Messages.Count)} messages decoded, "
                    + $"{N(result.Grib.Skipped.Count)} left out"
                    + (
                        grid is null
                            ? "."
                            : $"; grid {N(grid.Ni)} × {N(grid.Nj)} from {D(grid.La1)}, {D(grid.Lo1)} every "
                                + $"{D(grid.Di)}° × {D(grid.Dj)}°."
                    )
            );
            context.Console.WriteLine(
                $"Schema: {N(p.Present.Count)} of {N(p.Present.Count + p.Missing.Count)} variables present; "
                    + $"{N(p.Rows.Count)} values at {N(p.Rows.Select(r => r.SiteId).Distinct().Count())} points; "
                    + $"{N(p.Outside.Count)} points outside the grid."
            );
            if (p.Missing.Count > 0)
                context.Console.WriteLine("Missing: " + string.Join(", ", p.Missing.Select(v => v.Name)));
            foreach (var s in result.Grib.Skipped)
                context.Error.WriteLine($"left out: {s}");
            foreach (var r in result.RejectedPoints)
                context.Error.WriteLine($"refused: {r}");
            if (csv is not null)
                context.Console.WriteLine($"Wrote {N(p.Rows.Count)} rows to {Markup.Escape(csv)}.");
            return result.RejectedPoints.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
