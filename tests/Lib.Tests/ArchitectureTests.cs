using System.Text.RegularExpressions;

namespace Lib.Tests;

/// <summary>The layout rules of ARCHITECTURE.md ("How to add a sport"), read from the source files.</summary>
public partial class ArchitectureTests
{
    /// <summary>A sport's rooms in pipeline order: a room may use the ones before it, never one after.</summary>
    public static readonly string[] Rooms = ["Domain", "Scrape", "Ingest", "Cache", "Dataset", "Model", "Train", "Evaluate", "Predict"];

    /// <summary>The sport folders: those of <c>lib/Lib</c> with a <c>Domain</c> room.</summary>
    public static IReadOnlyList<string> SportNames() => [.. Directory.GetDirectories(Path.Combine(RepoPaths.Root, "lib", "Lib"))
        .Where(d => Directory.Exists(Path.Combine(d, "Domain"))).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Sports() => [.. SportNames()];

    [Fact]
    public void Every_sport_folder_has_a_domain_room_and_only_pipeline_rooms()
    {
        var sports = SportNames();
        Assert.Contains("Track", sports);
        Assert.Contains("Climbing", sports);
        foreach (var sport in sports)
        {
            var folder = Path.Combine(RepoPaths.Root, "lib", "Lib", sport);
            Assert.Empty(Directory.GetFiles(folder, "*.cs")); // no files at the sport's root: everything is in a room
            foreach (var room in Directory.GetDirectories(folder))
                Assert.True(Rooms.Contains(Path.GetFileName(room)), $"lib/Lib/{sport}/{Path.GetFileName(room)} is not a room of {string.Join(", ", Rooms)}.");
        }
    }

    [Theory]
    [MemberData(nameof(Sports))]
    public void No_room_uses_a_later_room(string sport)
    {
        var folder = Path.Combine(RepoPaths.Root, "lib", "Lib", sport);
        var edges = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            var from = relative.Contains('/') ? Array.IndexOf(Rooms, relative[..relative.IndexOf('/')]) : -1;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            foreach (Match m in RoomReference().Matches(lines[i]))
            {
                if (m.Groups["sport"].Value != sport) continue;
                var to = Array.IndexOf(Rooms, m.Groups["room"].Value);
                if (to < 0) continue;
                if (from < 0 || to > from)
                    edges.Add($"lib/Lib/{sport}/{relative}:{i + 1}: {(from < 0 ? "a file outside the rooms" : Rooms[from])} uses {Rooms[to]}: {lines[i].Trim()}");
            }
        }
        Assert.True(edges.Count == 0, string.Join("\n", edges));
    }

    [Fact]
    public void Lines_in_lib_are_at_most_120_characters()
    {
        var lib = Path.Combine(RepoPaths.Root, "lib");
        var sep = Path.DirectorySeparatorChar;
        var wide = Directory.EnumerateFiles(lib, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{sep}obj{sep}") && !f.Contains($"{sep}bin{sep}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => x.line.Length > 120)
            .Select(x => $"{Path.GetRelativePath(RepoPaths.Root, x.f)}:{x.i + 1}: {x.line.Length} characters")
            .ToList();
        Assert.True(wide.Count == 0, $"{wide.Count} lines over 120 characters:\n{string.Join("\n", wide.Take(40))}");
    }

    [GeneratedRegex(@"\bLib\.(?<sport>[A-Z][A-Za-z]+)\.(?<room>[A-Z][A-Za-z]+)\b")]
    private static partial Regex RoomReference();
}
