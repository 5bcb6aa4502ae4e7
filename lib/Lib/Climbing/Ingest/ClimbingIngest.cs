using Lib.Climbing.Domain;
using Lib.Workflow;

namespace Lib.Climbing.Ingest;

/// <summary>
/// The ingest step: every source of a <see cref="ClimbingSources"/> parsed into one route table on the
/// common grade scale, with each file's records accounted for (parsed, or reported with a reason).
/// </summary>
public static class ClimbingIngest
{
    /// <summary>Ingests the sources found in a folder laid out like <c>data/climbing</c>.</summary>
    public static IngestedRoutes Run(string folder) => Run(ClimbingSources.FromFolder(folder));

    /// <summary>Ingests <paramref name="sources"/>.</summary>
    public static IngestedRoutes Run(ClimbingSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var grades = GradeScale.Load(sources.GradeTable);
        var boards = new BoardSet(MoonBoards.All);
        var files = new List<ParsedFile>();
        foreach (var file in sources.MoonBoardFiles)
            files.Add(MoonBoardParser.Parse(file, grades));

        if (sources.KilterHoles is not null && sources.KilterPlacements is not null)
        {
            var (kilter, holes, placements) = KilterBoards.Load(sources.KilterHoles, sources.KilterPlacements);
            foreach (var b in kilter)
                boards.Add(b);
            files.Add(holes);
            files.Add(placements);
            if (sources.KilterClimbs is not null)
            {
                var (climbs, stats) = KilterParser.Parse(sources.KilterClimbs, sources.KilterStats, boards);
                files.Add(climbs);
                if (stats is not null)
                    files.Add(stats);
            }
        }
        if (sources.TensionCatalog is not null)
        {
            var (tension, catalog) = TensionBoards.Load(sources.TensionCatalog);
            foreach (var b in tension)
                boards.Add(b);
            files.Add(catalog);
            foreach (var file in sources.TensionRouteFiles)
                files.Add(TensionRouteParser.Parse(file, boards, grades));
        }

        files = RefuseRepeats(files);
        return IngestedRoutes.Of(files, boards, grades);
    }

    /// <summary>A route (board, id, angle) that comes again is reported in the later file, naming the first.</summary>
    private static List<ParsedFile> RefuseRepeats(List<ParsedFile> files)
    {
        var first = new Dictionary<string, Route>(StringComparer.Ordinal);
        var result = new List<ParsedFile>(files.Count);
        foreach (var file in files)
        {
            var kept = new List<Route>();
            var rejected = new List<RejectedRecord>(file.Rejected);
            foreach (var route in file.Routes)
            {
                if (first.TryGetValue(route.Key, out var earlier))
                    rejected.Add(
                        new RejectedRecord(
                            file.File,
                            route.Record,
                            $"route {route.Key} again (first in {earlier.Source} {earlier.Record})"
                        )
                    );
                else
                {
                    first[route.Key] = route;
                    kept.Add(route);
                }
            }
            result.Add(kept.Count == file.Routes.Count ? file : file with { Routes = kept, Rejected = rejected });
        }
        return result;
    }
}
