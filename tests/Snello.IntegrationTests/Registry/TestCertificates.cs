using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Snello.IntegrationTests.Registry;

/// <summary>A throwaway CA and a server certificate for 127.0.0.1 signed by it, written as PEM files.</summary>
public sealed class TestCertificates
{
    private TestCertificates(string caCert, string serverCert, string serverKey)
    {
        CaCertificate = caCert;
        ServerCertificate = serverCert;
        ServerKey = serverKey;
    }

    public string CaCertificate { get; }

    public string ServerCertificate { get; }

    public string ServerKey { get; }

    public static TestCertificates Create(string folder)
    {
        Directory.CreateDirectory(folder);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=snello test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var server = request.Create(ca, now.AddDays(-1), now.AddDays(7), [1, 2, 3, 4, 5, 6, 7, 8]);

        var caPath = Path.Combine(folder, "ca.crt");
        var certPath = Path.Combine(folder, "server.crt");
        var keyPath = Path.Combine(folder, "server.key");
        File.WriteAllText(caPath, ca.ExportCertificatePem());
        File.WriteAllText(certPath, server.ExportCertificatePem());
        File.WriteAllText(keyPath, serverKey.ExportPkcs8PrivateKeyPem());
        return new TestCertificates(caPath, certPath, keyPath);
    }
}
