using System.CommandLine;
using Lib.Paragliding.Scrape;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab paragliding xcontest: saved pages (--input) or pages fetched by address (--url; the loopback mirror of
// data/paragliding/xcontest unless --base-url names a site) → rows; exit 1 when a page failed or a row was left out.
internal static partial class ParaglidingCommand
{
    private static Command XContestCommand(CliContext context)
    {
        var input = new Option<string[]>("--input", "-i")
        {
            Description = "Saved XContest pages (flight lists or an RSS feed); repeat the option for several.",
            HelpName = "file",
            AllowMultipleArgumentsPerToken = true,
        };
        var urls = new Option<string[]>("--url")
        {
            Description =
                "Pages to fetch instead: XContest addresses or paths (served by a loopback mirror of "
                + "data/paragliding/xcontest unless --base-url is given).",
            HelpName = "address",
            AllowMultipleArgumentsPerToken = true,
        };
        var baseUrl = new Option<string?>("--base-url")
        {
            Description =
                "Fetch from this site (e.g. https://www.xcontest.org), politely and through artifacts/cache/xcontest.",
            HelpName = "url",
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Write the rows here: flight-list columns, or the RSS columns when every page is a feed.",
            HelpName = "file.csv",
            Required = true,
        };
        var command = new Command(
            "xcontest",
            "Parse XContest flight lists and RSS feeds (saved or fetched) into rows; pilot names are not kept."
        )
        {
            input,
            urls,
            baseUrl,
            output,
        };
        command.SetAction(
            async (parse, token) =>
            {
                var files = parse.GetValue(input) ?? [];
                var addresses = parse.GetValue(urls) ?? [];
                if (files.Length == 0 == (addresses.Length == 0))
                    throw new ArgumentException("Give either --input FILE (saved pages) or --url ADDRESS, not both.");
                var csv = parse.GetValue(output)!;
                var outcome =
                    files.Length > 0
                        ? ParaglidingScrapeStep.Parse(files, csv)
                        : await ParaglidingScrapeStep.RunAsync(
                            XContestScrapeRequest.Under(context.Root, addresses, csv) with
                            {
                                BaseUrl = parse.GetValue(baseUrl),
                            },
                            context.Progress,
                            token
                        );
                foreach (var page in outcome.Pages)
                    context.Console.WriteLine(
                        $"{Markup.Escape(page.Source)}: {page.Kind}, "
                            + (page.Kind == "rss" ? $"{N(page.Items.Count)} items" : $"{N(page.Flights.Count)} flights")
                            + $", {N(page.Rejected.Count)} rows left out."
                    );
                foreach (var r in outcome.Failed.Concat(outcome.Rejected))
                    context.Error.WriteLine($"left out: {r}");
                int rows = outcome.Pages.Sum(p => p.Kind == "rss" ? p.Items.Count : p.Flights.Count);
                context.Console.WriteLine($"Wrote {N(rows)} rows to {Markup.Escape(csv)}.");
                return outcome.Failed.Count == 0 && outcome.Rejected.Count == 0 ? 0 : 1;
            }
        );
        return command;
    }
}
