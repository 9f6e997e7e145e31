using System.Net;

namespace Snello.Oci.Registry;

/// <summary>
/// The environment's proxy (<c>HTTPS_PROXY</c>, <c>HTTP_PROXY</c>, <c>NO_PROXY</c>, read by .NET) with
/// loopback hosts always reached directly, as Go's proxy rules (and so docker and skopeo) do: a proxy cannot
/// reach this machine's 127.0.0.1.
/// </summary>
internal sealed class LoopbackBypassProxy(IWebProxy inner) : IWebProxy
{
    public ICredentials? Credentials
    {
        get => inner.Credentials;
        set => inner.Credentials = value;
    }

    public Uri? GetProxy(Uri destination) => IsBypassed(destination) ? null : inner.GetProxy(destination);

    public bool IsBypassed(Uri host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.IsLoopback || RegistryHosts.IsLoopback(host.Authority) || inner.IsBypassed(host);
    }
}
