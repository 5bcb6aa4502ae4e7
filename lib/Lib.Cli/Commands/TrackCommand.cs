using System.CommandLine;
using System.Globalization;
using Lib.Track.Scrape;
using Lib.Web;
using Spectre.Console;

namespace Lib.Cli.Commands;

/// <summary>
/// <c>lab track scrape | train | evaluate | predict</c>. <c>scrape</c>: TFRRS pages → <c>performances.parquet</c> (and <c>.csv</c>) plus <c>skipped.csv</c>.
/// Without <c>--base-url</c> the pages come from a loopback mirror of the saved pages in <c>data/tfrrs/html</c>;
/// <c>--base-url https://www.tfrrs.org</c> (or any mirror) sends the same addresses there instead.
/// </summary>
internal static partial class TrackCommand
{
    public static Command Create(CliContext context)
    {
        var urls = new Option<string[]>("--url")
        {
            Description = "A TFRRS page: an address (https://www.tfrrs.org/athletes/…) or a path (/lists/4515/…). Repeatable.",
            HelpName = "url",
            AllowMultipleArgumentsPerToken = true,
        };
        var urlFile = new Option<string?>("--url-file")
        {
            Description = "A file of page addresses, one a line ('#' starts a comment). Default when no --url is given: data/tfrrs/urls.txt.",
            HelpName = "file",
        };
        var output = new Option<string>("--out", "-o") { Description = "The folder to write performances.parquet and skipped.csv into.", HelpName = "dir", Required = true };
        var csv = new Option<bool>("--csv") { Description = "Also write performances.csv." };
        var baseUrl = new Option<string?>("--base-url")
        {
            Description = "Fetch the pages from this site, e.g. https://www.tfrrs.org (polite: robots.txt, 1 s between requests, cached). Default: a loopback mirror of data/tfrrs/html.",
            HelpName = "url",
        };
        var follow = new Option<bool>("--follow-rosters") { Description = "Also scrape the athlete pages that team rosters link." };
        var cache = new Option<string?>("--cache")
        {
            Description = "The response cache folder (default with --base-url: artifacts/cache/tfrrs; the mirror is read uncached).",
            HelpName = "dir",
        };
        var refresh = new Option<bool>("--refresh") { Description = "Refetch pages the cache already holds." };

        var scrape = new Command("scrape", "Scrape TFRRS performance lists, athlete pages and team rosters into a table of performances.")
        {
            urls, urlFile, output, csv, baseUrl, follow, cache, refresh,
        };
        scrape.SetAction(async (parse, cancellationToken) => await ScrapeAsync(context, new Request(
            parse.GetValue(urls) ?? [], parse.GetValue(urlFile), parse.GetValue(output)!, parse.GetValue(csv), parse.GetValue(baseUrl),
            parse.GetValue(follow), parse.GetValue(cache), parse.GetValue(refresh), parse.GetValue(LabApp.Verbose)), cancellationToken));

        return new Command("track", "Track & field (TFRRS): scrape pages, train the next-season-peak forecaster, evaluate it against baselines, predict.")
        {
            scrape, TrainCommand(context), EvaluateCommand(context), PredictCommand(context),
        };
    }

    private sealed record Request(string[] Urls, string? UrlFile, string Out, bool Csv, string? BaseUrl, bool FollowRosters, string? Cache, bool Refresh, bool Verbose);

    private static async Task<int> ScrapeAsync(CliContext context, Request request, CancellationToken cancellationToken)
    {
        var addresses = Addresses(context, request);
        var log = request.Verbose ? (Action<string>)(line => context.Error.WriteLine(line)) : null;

        LoopbackMirror? mirror = null;
        Uri site;
        FetcherOptions options;
        ResponseCache? cache = request.Cache is null ? null : new ResponseCache(request.Cache);
        if (request.BaseUrl is { } given)
        {
            if (!Uri.TryCreate(given, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
                throw new ArgumentException($"--base-url '{given}' is not an http(s) address such as https://www.tfrrs.org.");
            site = parsed;
            options = new FetcherOptions { Log = log };
            cache ??= new ResponseCache(Path.Combine(context.Artifacts, "cache", "tfrrs"));
        }
        else
        {
            mirror = new LoopbackMirror(MirrorSite.FromFolder(Path.Combine(context.Root, "data", "tfrrs", "html")));
            site = mirror.BaseUri;
            options = new FetcherOptions { MinInterval = TimeSpan.Zero, MaxPerHost = 4, Log = log }; // our own loopback server: no need to pace
            context.Error.WriteLine($"Serving the saved pages of data/tfrrs/html at {site} (pass --base-url https://www.tfrrs.org for the live site).");
        }

        ScrapeResult result;
        using (mirror)
        using (var fetcher = new PoliteFetcher(options, cache))
            result = await new TrackScraper(fetcher, site).ScrapeAsync(addresses, new ScrapeOptions { FollowRosters = request.FollowRosters, Refresh = request.Refresh },
                context.Progress, cancellationToken);

        var parquet = Path.Combine(request.Out, "performances.parquet");
        var csv = request.Csv ? Path.Combine(request.Out, "performances.csv") : null;
        var skipped = Path.Combine(request.Out, "skipped.csv");
        PerformanceTable.Write(result.Rows, parquet, csv);
        PerformanceTable.WriteSkipped(result.Skipped, skipped);

        var table = new Spectre.Console.Table().AddColumns("page", "kind", "what", "rows", "skipped", "status");
        foreach (var page in result.Pages)
            table.AddRow(Markup.Escape(new Uri(page.Url).PathAndQuery), page.Kind.Code(), Markup.Escape(page.Detail ?? ""), Count(page.Rows), Count(page.Skipped),
                Markup.Escape(page.Ok ? (page.Athletes > 0 ? $"ok, {page.Athletes} athletes" : "ok") : $"{page.Status}: {page.Reason}"));
        context.Console.Write(table);
        foreach (var row in result.Skipped.Take(20)) context.Error.WriteLine($"skipped: {row}");
        if (result.Skipped.Count > 20) context.Error.WriteLine($"skipped: … {result.Skipped.Count - 20} more in {skipped}");
        foreach (var page in result.Failed) context.Error.WriteLine($"failed: {page.Url}: {page.Reason}");

        context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Rows.Count} performances from {result.Pages.Count(p => p.Ok)} of {result.Pages.Count} pages, {result.Skipped.Count} rows skipped, {result.Failed.Count} pages failed ({result.Stats})."));
        context.Console.WriteLine($"Wrote {parquet}{(csv is null ? "" : $", {csv}")} and {skipped}.");
        return result.Failed.Count == 0 ? 0 : 1;
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static List<Uri> Addresses(CliContext context, Request request)
    {
        var lines = new List<(string Text, string Where)>();
        foreach (var url in request.Urls) lines.Add((url, "--url"));
        var file = request.UrlFile ?? (request.Urls.Length == 0 ? Path.Combine(context.Root, "data", "tfrrs", "urls.txt") : null);
        if (file is not null)
        {
            if (!File.Exists(file)) throw new FileNotFoundException($"The address file '{file}' does not exist.", file);
            var n = 0;
            foreach (var line in File.ReadLines(file))
            {
                n++;
                var text = line.Trim();
                if (text.Length > 0 && !text.StartsWith('#')) lines.Add((text, $"{file}, line {n}"));
            }
        }
        if (lines.Count == 0) throw new ArgumentException("No pages to scrape: give --url or a --url-file with addresses.");
        return lines.Select(l =>
        {
            try { return TrackScraper.Canonical(l.Text); }
            catch (ArgumentException e) { throw new ArgumentException($"{l.Where}: {e.Message}", e); }
        }).ToList();
    }
}
