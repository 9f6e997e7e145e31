using System.Globalization;
using System.Security.Cryptography;
using System.Text;

// Each part of the line needs one of the libraries the image's packages bring: German number formatting
// needs ICU (libicu72), SHA-256 goes through OpenSSL (libssl3), and the runtime itself needs glibc,
// libgcc and libstdc++. A missing one makes the program fail instead of printing.
var german = CultureInfo.GetCultureInfo("de-DE");
var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("snello")));
Console.WriteLine(string.Create(german, $"hello from .NET {Environment.Version.Major}: {1234.5:N1}"));
Console.WriteLine($"sha256(snello) = {digest}");
