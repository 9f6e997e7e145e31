using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Registry;

/// <summary>
/// Debian's docker-registry (the CNCF distribution registry 2.8), started on a free 127.0.0.1 port with its own
/// config and storage folder, and stopped (its own process only) on dispose.
/// </summary>
public sealed class RegistryServer : IDisposable
{
    private readonly Process _process;
    private readonly TempDirectory _root;
    private readonly StringBuilder _log = new();

    private RegistryServer(Process process, TempDirectory root, int port)
    {
        _process = process;
        _root = root;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The registry as in a reference: <c>127.0.0.1:PORT</c>.</summary>
    public string Host => $"127.0.0.1:{Port}";

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts a registry; <paramref name="extraConfig"/> is top-level YAML appended (auth, ...).</summary>
    /// <param name="extraConfig">Top-level YAML sections such as <c>auth:</c>.</param>
    /// <param name="tls">Certificate and key PEM files to serve https with, or null for http.</param>
    public static RegistryServer Start(string extraConfig = "", (string Cert, string Key)? tls = null)
    {
        var program = Components.RequireTool("docker-registry", "docker-registry");
        var root = new TempDirectory();
        var port = FreePort.Next();
        var tlsConfig = tls is { } t ? $"  tls:\n    certificate: {t.Cert}\n    key: {t.Key}\n" : "";

        // relativeurls makes the registry answer relative Location headers, which the client must resolve.
        var config = $"""
            version: 0.1
            log:
              level: info
              accesslog:
                disabled: false
            storage:
              filesystem:
                rootdirectory: {root["data"]}
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:{port}
              relativeurls: true
            {tlsConfig}
            """ + extraConfig;
        File.WriteAllText(root["config.yml"], config.Replace("\r", "", StringComparison.Ordinal));
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("serve");
        info.ArgumentList.Add(root["config.yml"]);
        var process = Process.Start(info)!;
        var server = new RegistryServer(process, root, port);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        server.WaitUntilListening();
        return server;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private void WaitUntilListening()
    {
        for (var i = 0; i < 200; i++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"docker-registry exited with {_process.ExitCode}:\n{Log}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new InvalidOperationException($"docker-registry did not listen on {Port} within 10 s:\n{Log}");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        finally
        {
            _process.Dispose();
            _root.Dispose();
        }
    }
}
