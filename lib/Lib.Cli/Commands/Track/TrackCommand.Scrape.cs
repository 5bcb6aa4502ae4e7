using System.CommandLine;
using Lib.Track.Scrape;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab track scrape: TFRRS pages → performances.parquet (and .csv) plus skipped.csv. Without --base-url TFRRS addresses
// (paths, tfrrs.org) come from a loopback mirror of the saved pages in data/tfrrs/html; --base-url
// https://www.tfrrs.org (or any mirror) sends them there instead. An address on another host is fetched from that host,
// politely. The table and the summary say which source served each page.
internal static partial class TrackCommand
{
    private static Command ScrapeCommand(CliContext context)
    {
        var urls = new Option<string[]>("--url")
        {
            Description =
                "A page: a TFRRS address (https://www.tfrrs.org/athletes/…) or path (/lists/4515/…), served by the "
                + "mirror or --base-url, or an address on another host (http://host/lists/…), fetched from that host "
                + "politely. Repeatable.",
            HelpName = "url",
            AllowMultipleArgumentsPerToken = true,
        };
        var urlFile = new Option<string?>("--url-file")
        {
            Description =
                "A file of page addresses, one a line ('#' starts a comment). Default when no --url is given: "
                + "data/tfrrs/urls.txt.",
            HelpName = "file",
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "The folder to write performances.parquet and skipped.csv into.",
            HelpName = "dir",
            Required = true,
        };
        var csv = new Option<bool>("--csv") { Description = "Also write performances.csv." };
        var baseUrl = new Option<string?>("--base-url")
        {
            Description =
                "Fetch TFRRS addresses from this site, e.g. https://www.tfrrs.org (polite: robots.txt, 1 s between "
                + "requests, cached). Default: a loopback mirror of data/tfrrs/html. Addresses on other hosts are "
                + "fetched from their own host either way.",
            HelpName = "url",
        };
        var follow = new Option<bool>("--follow-rosters")
        {
            Description = "Also scrape the athlete pages that team rosters link.",
        };
        var cache = new Option<string?>("--cache")
        {
            Description =
                "The response cache folder (default with --base-url: artifacts/cache/tfrrs; the mirror is read "
                + "uncached).",
            HelpName = "dir",
        };
        var refresh = new Option<bool>("--refresh") { Description = "Refetch pages the cache already holds." };

        var command = new Command(
            "scrape",
            "Scrape TFRRS performance lists, athlete pages and team rosters into a table of performances."
        )
        {
            urls,
            urlFile,
            output,
            csv,
            baseUrl,
            follow,
            cache,
            refresh,
        };
        command.SetAction(
            async (parse, cancellationToken) =>
            {
                var given = parse.GetValue(urls) ?? [];
                var file = parse.GetValue(urlFile)
                    ?? (given.Length == 0 ? Path.Combine(context.Root, "data", "tfrrs", "urls.txt") : null);
                var addresses = TrackScrapeStep.Addresses(given, file);
                if (addresses.Count == 0)
                    throw new ArgumentException("No pages to scrape: give --url or a --url-file with addresses.");
                var request = TrackScrapeRequest.Under(context.Root, addresses) with
                {
                    OutDirectory = parse.GetValue(output)!,
                    BaseUrl = parse.GetValue(baseUrl),
                    CacheDirectory = parse.GetValue(cache),
                    Csv = parse.GetValue(csv),
                    FollowRosters = parse.GetValue(follow),
                    Refresh = parse.GetValue(refresh),
                    Log = parse.GetValue(LabApp.Verbose) ? line => context.Error.WriteLine(line) : null,
                };
                TrackScrapeOutcome outcome;
                try
                {
                    outcome = await TrackScrapeStep.RunAsync(request, context.Progress, cancellationToken);
                }
                catch (ArgumentException e) when (e.ParamName == "request")
                {
                    throw new ArgumentException($"--base-url: {e.Message.Split(" (Parameter")[0]}", e);
                }
                if (outcome.FromMirror)
                    context.Error.WriteLine(
                        $"Served the saved pages of data/tfrrs/html at {outcome.Site} (pass --base-url "
                            + "https://www.tfrrs.org for the live site)."
                    );
                var result = outcome.Result;

                var table = new Spectre.Console.Table().AddColumns(
                    "page",
                    "source",
                    "kind",
                    "what",
                    "rows",
                    "skipped",
                    "status"
                );
                foreach (var page in result.Pages)
                    table.AddRow(
                        Markup.Escape(
                            TrackScraper.IsTfrrs(new Uri(page.Url)) ? new Uri(page.Url).PathAndQuery : page.Url
                        ),
                        Markup.Escape(page.Source ?? ""),
                        page.Kind.Code(),
                        Markup.Escape(page.Detail ?? ""),
                        Count(page.Rows),
                        Count(page.Skipped),
                        Markup.Escape(
                            page.Ok
                                ? (page.Athletes > 0 ? $"ok, {page.Athletes} athletes" : "ok")
                                : $"{page.Status}: {page.Reason}"
                        )
                    );
                context.Console.Write(table);
                foreach (var row in result.Skipped.Take(20))
                    context.Error.WriteLine($"skipped: {row}");
                if (result.Skipped.Count > 20)
                    context.Error.WriteLine($"skipped: … {result.Skipped.Count - 20} more in {outcome.SkippedPath}");
                foreach (var page in result.Failed)
                    context.Error.WriteLine($"failed: {page.Url}: {page.Reason}");

                context.Console.WriteLine(outcome.Summary);
                context.Console.WriteLine(
                    $"Wrote {outcome.TablePath}{(outcome.CsvPath is null ? "" : $", {outcome.CsvPath}")} and "
                        + $"{outcome.SkippedPath}."
                );
                return result.Failed.Count == 0 ? 0 : 1;
            }
        );
        return command;
    }
}
