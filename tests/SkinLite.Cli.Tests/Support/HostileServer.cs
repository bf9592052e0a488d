using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SkinLite.Cli.Tests.Support;

/// <summary>One request as the hostile server read it.</summary>
internal sealed record HostileRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers)
{
    public string? Authorization => Headers.TryGetValue("Authorization", out string? value) ? value : null;
}

/// <summary>
/// A raw HTTP/1.1 server on a loopback address that answers each request however the test scripts it: a body that
/// trickles or never ends, a Content-Length that lies, a 101, a redirect, control characters, the key echoed back.
/// One request per connection; nothing here ever connects anywhere.
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    public delegate Task Responder(HostileRequest request, Stream client, CancellationToken stop);

    private readonly TcpListener _listener;
    private readonly Responder _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<HostileRequest> _seen = new();
    private readonly Task _loop;

    public HostileServer(Responder respond, string address = "127.0.0.1")
    {
        _respond = respond;
        _listener = new TcpListener(IPAddress.Parse(address), 0);
        _listener.Start();
        BaseAddress = new Uri($"http://{address}:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<HostileRequest> Seen => [.. _seen];

    /// <summary>A complete answer with a JSON body, and the connection closed after it.</summary>
    public static Task JsonAsync(Stream client, string json, int status = 200, string extraHeaders = "") =>
        WriteAsync(client, $"HTTP/1.1 {status} Status\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(json)}\r\nConnection: close\r\n{extraHeaders}\r\n{json}");

    public static async Task WriteAsync(Stream client, string raw)
    {
        await client.WriteAsync(Encoding.UTF8.GetBytes(raw));
        await client.FlushAsync();
    }

    /// <summary>Holds the connection open, sending nothing more, until the server stops or the client goes away.</summary>
    public static async Task HoldAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                HostileRequest? request = await ReadRequestAsync(stream, _stop.Token);
                if (request is null)
                {
                    return;
                }

                _seen.Enqueue(request);
                await _respond(request, stream, _stop.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client gave up (its timeout) or the server is stopping: both are what these tests provoke.
            }
        }
    }

    private static async Task<HostileRequest?> ReadRequestAsync(Stream stream, CancellationToken stop)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one, stop) == 0 || head.Count > 64 * 1024)
            {
                return null;
            }

            head.Add(one[0]);
        }

        string[] lines = Encoding.ASCII.GetString([.. head]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        string[] first = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        await SkipBodyAsync(stream, headers, stop);
        return new HostileRequest(first[0], first[1], headers);
    }

    private static async Task SkipBodyAsync(Stream stream, Dictionary<string, string> headers, CancellationToken stop)
    {
        if (headers.TryGetValue("Content-Length", out string? length))
        {
            byte[] body = new byte[long.Parse(length, System.Globalization.CultureInfo.InvariantCulture)];
            await stream.ReadExactlyAsync(body, stop);
        }
        else if (headers.TryGetValue("Transfer-Encoding", out string? encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            while (true)
            {
                int size = Convert.ToInt32((await ReadLineAsync(stream, stop)).Split(';')[0], 16);
                byte[] chunk = new byte[size + 2];
                await stream.ReadExactlyAsync(chunk, stop);
                if (size == 0)
                {
                    return;
                }
            }
        }
    }

    private static async Task<string> ReadLineAsync(Stream stream, CancellationToken stop)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (line.Count < 2 || line[^2] != '\r' || line[^1] != '\n')
        {
            if (await stream.ReadAsync(one, stop) == 0)
            {
                throw new IOException("the client closed the connection mid-body");
            }

            line.Add(one[0]);
        }

        return Encoding.ASCII.GetString([.. line]).TrimEnd();
    }

    private static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';
}
