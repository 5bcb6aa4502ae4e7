namespace Lib.Display;

/// <summary>Progress as plain lines, one every few seconds and one at the end: for CI logs and redirected
/// output.</summary>
public sealed class LineProgress(TextWriter writer, TimeSpan? interval = null) : IProgressReporter
{
    private readonly TimeSpan _interval = interval ?? TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public IProgressTask Start(string description, long? total = null, string unit = "items") =>
        new ProgressTask(description, total, unit, _interval, s =>
        {
            lock (writer)
                writer.WriteLine(s.ToString());
        });
}
