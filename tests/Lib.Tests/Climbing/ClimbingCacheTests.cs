using Lib.Storage.DuckDb;
using Lib.Climbing.Dataset;
using Lib.Climbing.Domain;
using Lib.Climbing.Ingest;

namespace Lib.Tests.Climbing;

public class ClimbingCacheTests
{
    [Fact]
    public void Both_steps_are_reused_until_their_inputs_or_options_change()
    {
        using var dir = new TempDir();
        var cache = Path.Combine(dir.Path, "cache");
        var first = ClimbingDatasetStep.Run(ClimbingFixture.DataFolder, cache);
        Assert.True(first.RoutesStep.Rebuilt && first.TokensStep.Rebuilt);
        Assert.Equal(3427, first.Table.Routes.Count);
        Assert.Equal(1648, first.Tokens.Routes.Count);
        Assert.Equal(first.Tokens.Routes.Count, first.Split(SplitName.Train).Count + first.Split(SplitName.Val).Count + first.Split(SplitName.Test).Count);

        var again = ClimbingDatasetStep.Run(ClimbingFixture.DataFolder, cache);
        Assert.False(again.RoutesStep.Rebuilt || again.TokensStep.Rebuilt);
        Assert.Equal(first.Tokens.Vocabulary.Tokens, again.Tokens.Vocabulary.Tokens);

        var other = ClimbingDatasetStep.Run(ClimbingFixture.DataFolder, cache, new TokenOptions { MinCount = 1 });
        Assert.False(other.RoutesStep.Rebuilt);
        Assert.True(other.TokensStep.Rebuilt);
        Assert.True(other.Tokens.Vocabulary.Count > first.Tokens.Vocabulary.Count);
    }

    [Fact]
    public void The_route_table_round_trips_through_JSON_and_Parquet()
    {
        using var dir = new TempDir();
        var result = ClimbingIngest.Run(ClimbingFixture.DataFolder);
        var table = RouteTable.From(result);
        var json = Path.Combine(dir.Path, "routes.json");
        table.Save(json);
        var back = RouteTable.Load(json);
        Assert.Equal(table.Routes.Count, back.Routes.Count);
        Assert.Equal(table.Routes[100], back.Routes[100] with { Holds = table.Routes[100].Holds });
        Assert.Equal(table.Routes[100].Holds, back.Routes[100].Holds);
        Assert.Equal(table.Boards.Select(b => (b.Key, b.Holds.Count)), back.Boards.Select(b => (b.Key, b.Holds.Count)));
        Assert.Equal(HoldRole.Foot, back.BoardSet().Get("kilter").RoleOf(15));

        table.WriteParquet(Path.Combine(dir.Path, "routes.parquet"), Path.Combine(dir.Path, "holds.parquet"));
        using var sql = DuckDb.OpenInMemory();
        Assert.Equal(3427, sql.ExecuteScalar<long>("SELECT count(*) FROM read_parquet(?)", Path.Combine(dir.Path, "routes.parquet")));
        Assert.Equal(result.Routes.Sum(r => r.Holds.Count), sql.ExecuteScalar<long>("SELECT count(*) FROM read_parquet(?)", Path.Combine(dir.Path, "holds.parquet")));
        Assert.Equal("6b+/V4", sql.ExecuteScalar<string>("SELECT grade FROM read_parquet(?) WHERE key = 'MOON2016/19215@40'", Path.Combine(dir.Path, "routes.parquet")));

        RouteTable.WriteRejected(result.Rejected, Path.Combine(dir.Path, "rejected.csv"));
        RouteTable.WriteAccount(result.Files, Path.Combine(dir.Path, "files.csv"));
        Assert.Equal(1779, sql.ExecuteScalar<long>("SELECT count(*) FROM read_csv(?)", Path.Combine(dir.Path, "rejected.csv")));
        Assert.Equal(1779, sql.ExecuteScalar<long>("SELECT sum(reported)::BIGINT FROM read_csv(?)", Path.Combine(dir.Path, "files.csv")));
    }
}
