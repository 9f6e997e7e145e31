using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Snello.Oci.Registry;

/// <summary>
/// TLS settings for one registry: the system's roots, plus the CA certificates (<c>*.crt</c>) of its CA
/// folders, and the client certificate pairs (<c>NAME.cert</c> with <c>NAME.key</c>) found there, as Docker
/// reads <c>/etc/docker/certs.d/HOST/</c>.
/// </summary>
internal sealed class RegistryTls
{
    private readonly X509Certificate2Collection _authorities = [];
    private readonly X509Certificate2Collection _clientCertificates = [];

    public RegistryTls(string registry, IReadOnlyList<string> roots, ILogger logger)
    {
        foreach (var folder in RegistryHosts.CertificateFolders(registry, roots))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.crt").Order(StringComparer.Ordinal))
            {
                _authorities.ImportFromPemFile(file);
                logger.LogDebug("registry {Registry}: trusting CA file {File}", registry, file);
            }

            foreach (var cert in Directory.EnumerateFiles(folder, "*.cert").Order(StringComparer.Ordinal))
            {
                var key = Path.ChangeExtension(cert, ".key");
                if (File.Exists(key))
                {
                    _clientCertificates.Add(X509Certificate2.CreateFromPemFile(cert, key));
                    logger.LogDebug("registry {Registry}: client certificate {File}", registry, cert);
                }
            }
        }
    }

    public SslClientAuthenticationOptions Options() => new()
    {
        RemoteCertificateValidationCallback = Validate,
        ClientCertificates = _clientCertificates.Count > 0 ? _clientCertificates : null,
    };

    private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // A name mismatch or a missing certificate is never forgiven; only an unknown issuer may be one of
        // the registry's own CAs.
        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null || _authorities.Count == 0)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return custom.Build(certificate as X509Certificate2 ?? new X509Certificate2(certificate));
    }
}
