using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Snello.Build.Paths;
using Snello.Oci.Caching;
using Snello.Oci.Images;
using Snello.Oci.Model;
using Snello.Oci.Mutations;

namespace Snello.Build.Assembly;

/// <summary>
/// Makes an image from Debian packages and host files without running anything: each .deb's data.tar is
/// decoded once, the effects of maintainer scripts that matter in a container are emulated (passwd, group,
/// nsswitch.conf, home folders, /tmp, os-release, the CA bundle, dpkg records in status.d), and the files are
/// written as deterministic gzip layers into the blob cache. The same plan gives the same digests in any
/// process.
/// </summary>
public static partial class ImageAssembler
{
    /// <summary>Assembles the image a plan describes.</summary>
    /// <param name="plan">What goes in.</param>
    /// <param name="cache">Where the layer blobs are stored.</param>
    /// <param name="logger">Receives a warning for each path two packages ship with different content.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>An OCI image whose layers live in <paramref name="cache"/>.</returns>
    /// <exception cref="AssemblyException">A package file is missing or unreadable, a package appears twice, a
    /// glob, user, group or run-as value is malformed, or a host file is missing; the message quotes it.</exception>
    /// <exception cref="Snello.Oci.ImageFormatException">The base image's layers are unreadable.</exception>
    public static async Task<IImage> AssembleAsync(AssemblyPlan plan, BlobCache cache, ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(cache);
        logger ??= NullLogger.Instance;
        var filter = new PathFilter(plan.Exclude, plan.Keep);
        var baseImage = plan.Base is null ? null : Mutate.ConvertFormat(plan.Base, ManifestFormat.Oci);
        var facts = baseImage is null
            ? BaseFacts.None
            : await BaseFacts.ReadAsync(baseImage, cancellationToken).ConfigureAwait(false);

        var packages = plan.Packages.OrderBy(p => p.Record.Package, StringComparer.Ordinal).ToList();
        for (var i = 1; i < packages.Count; i++)
        {
            if (packages[i].Record.Package == packages[i - 1].Record.Package)
            {
                throw new AssemblyException(packages[i].Record.Package, $"package '{packages[i].Record.Package}' "
                    + "is listed twice; expected each package once");
            }
        }

        var contents = await ReadPackagesAsync(packages, filter, facts.MergedUsr, cancellationToken)
            .ConfigureAwait(false);
        var accounts = new Accounts(facts.Users, facts.Groups, plan.Users, plan.Groups);
        var user = ConfigUser(plan, accounts, baseImage);
        var tree = Stage(plan, contents, accounts, facts, logger);
        var layers = await WriteLayersAsync(Split(tree, plan.Layers, contents), plan.Created, cache,
            cancellationToken).ConfigureAwait(false);
        return Compose(plan, baseImage, user, layers);
    }

    private static async Task<IReadOnlyList<PackageContents>> ReadPackagesAsync(List<PackageInput> packages,
        PathFilter filter, bool mergedUsr, CancellationToken cancellationToken)
    {
        var results = new PackageContents[packages.Count];

        // Decoding xz is the bulk of the work: spread the packages over the cores, largest first.
        var order = Enumerable.Range(0, packages.Count).OrderByDescending(i => SizeOf(packages[i].DebPath)).ToList();
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(order, options, (i, _) =>
        {
            results[i] = DebReader.Read(packages[i], filter, mergedUsr);
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        return results;
    }

    private static long SizeOf(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? info.Length : 0;
    }
}
