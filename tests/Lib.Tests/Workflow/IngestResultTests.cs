using Lib.Workflow;

namespace Lib.Tests.Workflow;

public class IngestResultTests
{
    [Fact]
    public void Results_concatenate_in_order_and_rejections_read_as_source_location_reason_text()
    {
        var a = new IngestResult<int>([1, 2], [RejectedRecord.AtLine("a.csv", 3, "no mark", "x,,y")]);
        var b = new IngestResult<int>([3], [new RejectedRecord("https://example.org/list", "table 2, row 5", "unknown event")]);
        var all = IngestResult<int>.Concat([a, IngestResult<int>.Empty, b]);
        Assert.Equal([1, 2, 3], all.Rows);
        Assert.Equal(["a.csv: line 3: no mark [x,,y]", "https://example.org/list: table 2, row 5: unknown event"], all.Rejected.Select(r => r.ToString()));
    }
}
