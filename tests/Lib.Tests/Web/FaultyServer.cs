using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Lib.Tests.Web;

/// <summary>A request as <see cref="FaultyServer"/> saw it; <see cref="Hit"/> counts requests for the same path, from 1.</summary>
internal sealed record ServedRequest(string Path, int Hit, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 (an ephemeral port) built on a raw <see cref="TcpListener"/>, so it can misbehave
/// the way real servers do: stall, reset the connection mid-body, send fewer bytes than declared.
/// Every response closes its connection. It counts requests per path.
/// </summary>
internal sealed class FaultyServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<ServedRequest, Reply> _handler;
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private readonly Task _accepting;
    private int _inFlight;

    public FaultyServer(Func<ServedRequest, Reply> handler)
    {
        _handler = handler;
        _listener.Start();
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseUri { get; }

    public Uri Url(string path) => new(BaseUri, path);

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    public int TotalHits => _hits.Values.Sum();

    public IReadOnlyDictionary<string, int> HitCounts => new Dictionary<string, int>(_hits);

    public string? LastUserAgent { get; private set; }

    public IReadOnlyDictionary<string, string>? LastHeaders { get; private set; }

    /// <summary>The most requests seen between being read and being answered at once.</summary>
    public int MaxConcurrent { get; private set; }

    public void ResetHits() => _hits.Clear();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try { _accepting.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try { socket = await _listener.AcceptSocketAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            using var stream = new NetworkStream(socket, ownsSocket: false);
            var (path, headers) = await ReadRequestAsync(stream);
            if (path is null) return;
            LastUserAgent = headers.GetValueOrDefault("user-agent");
            LastHeaders = headers;
            var hit = _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
            var reply = _handler(new ServedRequest(path, hit, headers));
            // Counted from reading the request to just before answering: always inside the client's own wait.
            var now = Interlocked.Increment(ref _inFlight);
            lock (_hits) MaxConcurrent = Math.Max(MaxConcurrent, now);
            try
            {
                if (reply.DelayHeaders > TimeSpan.Zero) await Task.Delay(reply.DelayHeaders, _stop.Token);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
            await WriteAsync(socket, stream, reply);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client gave up (a timeout) or the server is stopping.
        }
        finally
        {
            socket.Dispose();
        }
    }

    private static async Task<(string? Path, Dictionary<string, string> Headers)> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new byte[16 * 1024];
        var length = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length));
            if (read == 0) return (null, []);
            length += read;
            var head = Encoding.ASCII.GetString(buffer, 0, length);
            var end = head.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0)
            {
                if (length == buffer.Length) return (null, []);
                continue;
            }
            var lines = head[..end].Split("\r\n");
            var path = lines[0].Split(' ')[1];
            var headers = lines.Skip(1).Select(l => l.Split(':', 2))
                .ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p.Length > 1 ? p[1].Trim() : "");
            return (path, headers);
        }
    }

    private async Task WriteAsync(Socket socket, NetworkStream stream, Reply reply)
    {
        var head = new StringBuilder($"HTTP/1.1 {reply.Status} {ReasonPhrase(reply.Status)}\r\n");
        head.Append($"Content-Type: {reply.ContentType}\r\nConnection: close\r\n");
        head.Append(reply.Chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {reply.Body.Length}\r\n");
        foreach (var (name, value) in reply.Headers) head.Append($"{name}: {value}\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);

        var body = reply.Body;
        var half = body.Length / 2;
        var faulty = reply.ResetMidBody || reply.TruncateBody || reply.StallBody > TimeSpan.Zero;
        await WriteBodyAsync(stream, body.AsMemory(0, faulty ? half : body.Length), reply.Chunked);
        if (reply.ResetMidBody)
        {
            await stream.FlushAsync();
            socket.LingerState = new LingerOption(true, 0); // closing now sends RST, not FIN
            socket.Close();
            return;
        }
        if (reply.TruncateBody)
        {
            socket.Shutdown(SocketShutdown.Send);
            return;
        }
        if (reply.StallBody > TimeSpan.Zero)
        {
            await Task.Delay(reply.StallBody, _stop.Token);
            await WriteBodyAsync(stream, body.AsMemory(half), reply.Chunked);
        }
        if (reply.Chunked) await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), _stop.Token);
        socket.Shutdown(SocketShutdown.Send);
    }

    private async Task WriteBodyAsync(NetworkStream stream, ReadOnlyMemory<byte> bytes, bool chunked)
    {
        if (bytes.Length == 0) return;
        if (chunked) await stream.WriteAsync(Encoding.ASCII.GetBytes($"{bytes.Length:X}\r\n"), _stop.Token);
        await stream.WriteAsync(bytes, _stop.Token);
        if (chunked) await stream.WriteAsync("\r\n"u8.ToArray(), _stop.Token);
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        404 => "Not Found",
        410 => "Gone",
        403 => "Forbidden",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
