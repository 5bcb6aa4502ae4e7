using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Lib.Web;

/// <summary>
/// A small static-file HTTP/1.1 server on 127.0.0.1 (an ephemeral port) that serves a <see cref="MirrorSite"/>,
/// so scrapers can run offline against saved pages exactly as they run against the live site: point the
/// fetcher at <see cref="BaseUri"/> instead of the site. GET and HEAD only; every response closes its
/// connection; unknown addresses are 404 (robots.txt included, which allows everything).
/// </summary>
public sealed class LoopbackMirror : IDisposable
{
    private const int MaxRequestHead = 16 * 1024;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private long _requests;

    /// <summary>Starts serving <paramref name="site"/>.</summary>
    public LoopbackMirror(MirrorSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        Site = site;
        _listener.Start();
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>What is served.</summary>
    public MirrorSite Site { get; }

    /// <summary>The server's address, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>Requests answered so far.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Stops the server.</summary>
    public void Dispose()
    {
        if (_stop.IsCancellationRequested)
            return;
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException) { }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            using var stream = new NetworkStream(socket, ownsSocket: false);
            var head = await ReadHeadAsync(stream).ConfigureAwait(false);
            if (head is null)
                return;
            var requestLine = head.Split("\r\n", 2)[0].Split(' ');
            Interlocked.Increment(ref _requests);
            if (
                requestLine.Length != 3
                || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal)
                || !requestLine[1].StartsWith('/')
            )
            {
                await WriteAsync(
                        stream,
                        400,
                        "Bad Request",
                        "text/plain; charset=utf-8",
                        "bad request\n"u8.ToArray(),
                        true
                    )
                    .ConfigureAwait(false);
                return;
            }
            var (method, target) = (requestLine[0], requestLine[1]);
            if (method is not ("GET" or "HEAD"))
            {
                await WriteAsync(
                        stream,
                        405,
                        "Method Not Allowed",
                        "text/plain; charset=utf-8",
                        "only GET and HEAD\n"u8.ToArray(),
                        true
                    )
                    .ConfigureAwait(false);
                return;
            }
            var file = Site.FileFor(target);
            if (file is null)
                await WriteAsync(
                        stream,
                        404,
                        "Not Found",
                        "text/plain; charset=utf-8",
                        Encoding.UTF8.GetBytes($"{target} is not in the mirror\n"),
                        method == "GET"
                    )
                    .ConfigureAwait(false);
            else
                await WriteAsync(
                        stream,
                        200,
                        "OK",
                        MirrorSite.ContentTypeOf(file),
                        await File.ReadAllBytesAsync(file, _stop.Token).ConfigureAwait(false),
                        method == "GET"
                    )
                    .ConfigureAwait(false);
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e)
            when (e
                    is IOException
                        or SocketException
                        or OperationCanceledException
                        or ObjectDisposedException
                        or UnauthorizedAccessException
            )
        {
            // The client went away, the file vanished, or the server is stopping.
        }
        finally
        {
            socket.Dispose();
        }
    }

    private async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new byte[MaxRequestHead];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), _stop.Token).ConfigureAwait(false);
            if (read == 0)
                return null;
            length += read;
            var head = Encoding.ASCII.GetString(buffer, 0, length);
            if (head.Contains("\r\n\r\n", StringComparison.Ordinal))
                return head;
        }
        return null;
    }

    private async Task WriteAsync(
        NetworkStream stream,
        int status,
        string reason,
        string contentType,
        byte[] body,
        bool withBody
    )
    {
        var head =
            $"HTTP/1.1 {status} {reason}\r\nContent-Type: {contentType}\r\nContent-Length: "
            + $"{body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token).ConfigureAwait(false);
        if (withBody)
            await stream.WriteAsync(body, _stop.Token).ConfigureAwait(false);
        await stream.FlushAsync(_stop.Token).ConfigureAwait(false);
    }
}
