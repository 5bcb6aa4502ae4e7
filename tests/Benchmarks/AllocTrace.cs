using System.Diagnostics.Tracing;
namespace Benchmarks;
internal sealed class AllocTrace : EventListener
{
    public readonly Dictionary<string, long> Bytes = new();
    public bool On;
    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }
    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!On || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick")) return;
        int i = e.PayloadNames!.IndexOf("TypeName"); int a = e.PayloadNames.IndexOf("AllocationAmount64");
        string t = (string)e.Payload![i]!; long amt = a >= 0 ? Convert.ToInt64(e.Payload[a]) : 100_000;
        lock (Bytes) Bytes[t] = Bytes.GetValueOrDefault(t) + amt;
    }
    public void Print() { lock (Bytes) foreach (var (k, v) in Bytes.OrderByDescending(kv => kv.Value).Take(25)) Console.Error.WriteLine($"{v,12:N0} {k}"); }
}
