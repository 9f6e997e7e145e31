using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Snello.Oci.Registry;

/// <summary>
/// Runs a Docker credential helper as docker does (docker-credential-helpers protocol): the program
/// <c>docker-credential-NAME</c> with the action <c>get</c>, <c>store</c> or <c>erase</c> as its argument and
/// the server URL or a JSON credential on stdin.
/// </summary>
internal sealed class CredentialHelper(string name, string? searchPath)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public string Program => "docker-credential-" + name;

    /// <summary>The stored credential, or null when the helper has none for the server.</summary>
    public async Task<RegistryCredential?> GetAsync(string serverUrl, CancellationToken cancellationToken)
    {
        var (exit, stdout, stderr) = await RunAsync("get", serverUrl, cancellationToken).ConfigureAwait(false);
        if (exit != 0)
        {
            // The helpers' protocol says a missing entry is reported as this text, on stdout.
            if ((stdout + stderr).Contains("credentials not found", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            throw new CredentialHelperException(Program, $"'{Program} get' for '{serverUrl}' exited with {exit}: " +
                (stderr.Trim().Length > 0 ? stderr.Trim() : stdout.Trim()));
        }

        CredentialHelperReply? reply;
        try
        {
            reply = JsonSerializer.Deserialize(stdout, RegistryJsonContext.Default.CredentialHelperReply);
        }
        catch (JsonException e)
        {
            throw new CredentialHelperException(Program, $"'{Program} get' for '{serverUrl}' printed no JSON " +
                "credential; expected {\"Username\":...,\"Secret\":...}", e);
        }

        if (reply?.Secret is not { Length: > 0 } secret)
        {
            return null;
        }

        return new RegistryCredential(reply.Username ?? "", secret);
    }

    public async Task StoreAsync(string serverUrl, RegistryCredential credential, CancellationToken cancellationToken)
    {
        var input = JsonSerializer.Serialize(
            new CredentialHelperReply
            {
                ServerUrl = serverUrl,
                Username = credential.Username,
                Secret = credential.Secret,
            },
            RegistryJsonContext.Default.CredentialHelperReply);
        var (exit, stdout, stderr) = await RunAsync("store", input, cancellationToken).ConfigureAwait(false);
        if (exit != 0)
        {
            throw new CredentialHelperException(Program, $"'{Program} store' for '{serverUrl}' exited with {exit}: " +
                (stderr + stdout).Trim());
        }
    }

    public async Task EraseAsync(string serverUrl, CancellationToken cancellationToken)
    {
        var (exit, stdout, stderr) = await RunAsync("erase", serverUrl, cancellationToken).ConfigureAwait(false);
        if (exit != 0 && !(stdout + stderr).Contains("not found", StringComparison.OrdinalIgnoreCase))
        {
            throw new CredentialHelperException(Program, $"'{Program} erase' for '{serverUrl}' exited with {exit}: " +
                (stderr + stdout).Trim());
        }
    }

    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string action, string input,
        CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(Resolve())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        info.ArgumentList.Add(action);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new CredentialHelperException(Program, $"'{Program}' did not start");
        }
        catch (Win32Exception e)
        {
            throw new CredentialHelperException(Program, $"credential helper '{Program}' cannot be run: {e.Message}; " +
                "install it or remove it from the Docker config file", e);
        }

        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardInput.WriteAsync(input.AsMemory(), timeout.Token).ConfigureAwait(false);
            process.StandardInput.Close();
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new CredentialHelperException(Program, $"'{Program} {action}' did not finish in {Timeout}");
            }

            return (process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
        }
    }

    private string Resolve()
    {
        foreach (var dir in (searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            var candidate = Path.Combine(dir, Program);
            if (dir.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new CredentialHelperException(Program, $"credential helper '{Program}' is not on PATH; install it " +
            "or remove it from the Docker config file ('credsStore', 'credHelpers')");
    }
}
