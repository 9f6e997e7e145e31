using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Snello.IntegrationTests.Registry;

/// <summary>
/// An HTTP/1.1 proxy on 127.0.0.1 in front of a registry that injects faults: canned error answers, connections
/// cut in the middle of a body, and stalls. Each request is forwarded on its own upstream connection with
/// <c>Connection: close</c>, so requests and faults map one to one. Faults are used up in the order queued.
/// </summary>
public sealed class FaultProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _upstreamPort;
    private readonly List<Fault> _faults = [];
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FaultProxy(int upstreamPort)
    {
        _upstreamPort = upstreamPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public string Host => $"127.0.0.1:{Port}";

    /// <summary>Every request line seen, with its Range header if any, in order.</summary>
    public IReadOnlyList<string> Requests => _requests.ToList();

    /// <summary>Faults queued and not yet used.</summary>
    public int Pending
    {
        get
        {
            lock (_faults)
            {
                return _faults.Count;
            }
        }
    }

    public void Add(Fault fault)
    {
        lock (_faults)
        {
            _faults.Add(fault);
        }
    }

    private Fault? Take(string requestLine)
    {
        lock (_faults)
        {
            var fault = _faults.FirstOrDefault(f => requestLine.Contains(f.Match, StringComparison.Ordinal));
            if (fault is not null)
            {
                _faults.Remove(fault);
            }

            return fault;
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                while (await ServeOneAsync(stream))
                {
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
            }
        }
    }

    // Returns whether the client connection stays open for another request.
    private async Task<bool> ServeOneAsync(NetworkStream stream)
    {
        var head = await ReadHeadAsync(stream);
        if (head is null)
        {
            return false;
        }

        var lines = head.Split("\r\n");
        var range = lines.FirstOrDefault(l => l.StartsWith("Range:", StringComparison.OrdinalIgnoreCase));
        _requests.Enqueue(range is null ? lines[0] : $"{lines[0]} [{range}]");
        var length = lines.Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(l => long.Parse(l["Content-Length:".Length..].Trim(),
                System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        var body = new byte[length];
        await stream.ReadExactlyAsync(body);

        var fault = Take(lines[0]);
        if (fault is { Status: > 0 })
        {
            var retryAfter = fault.RetryAfter is null ? "" : $"Retry-After: {fault.RetryAfter}\r\n";
            var text = $"HTTP/1.1 {fault.Status} Injected\r\n{retryAfter}Content-Type: application/json\r\n" +
                "Content-Length: 2\r\nConnection: close\r\n\r\n{}";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(text), _stop.Token);
            return false;
        }

        var forwarded = lines.Where(l => !l.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase) &&
            !l.StartsWith("Host:", StringComparison.OrdinalIgnoreCase) && l.Length > 0).ToList();
        forwarded.Insert(1, $"Host: {Host}");
        forwarded.Add("Connection: close");
        using var upstream = new TcpClient();
        await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, _stop.Token);
        var up = upstream.GetStream();
        await up.WriteAsync(Encoding.ASCII.GetBytes(string.Join("\r\n", forwarded) + "\r\n\r\n"), _stop.Token);
        await up.WriteAsync(body, _stop.Token);

        var responseHead = await ReadHeadAsync(up) ?? throw new IOException("upstream closed");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(responseHead + "\r\n\r\n"), _stop.Token);
        if (fault is { Stall: true })
        {
            await Task.Delay(Timeout.Infinite, _stop.Token);
        }

        var buffer = new byte[16 << 10];
        long sent = 0;
        int n;
        while ((n = await up.ReadAsync(buffer, _stop.Token)) > 0)
        {
            if (fault is { CutAfterBodyBytes: >= 0 } && sent + n > fault.CutAfterBodyBytes)
            {
                await stream.WriteAsync(buffer.AsMemory(0, (int)(fault.CutAfterBodyBytes - sent)), _stop.Token);
                return false;
            }

            await stream.WriteAsync(buffer.AsMemory(0, n), _stop.Token);
            sent += n;
        }

        return false;
    }

    private static async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            var n = await stream.ReadAsync(one);
            if (n == 0)
            {
                return bytes.Count == 0 ? null : throw new IOException("connection closed inside a header");
            }

            bytes.Add(one[0]);
            var count = bytes.Count;
            if (count >= 4 && bytes[count - 4] == '\r' && bytes[count - 3] == '\n' && bytes[count - 2] == '\r' &&
                bytes[count - 1] == '\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray(), 0, count - 4);
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }
}
