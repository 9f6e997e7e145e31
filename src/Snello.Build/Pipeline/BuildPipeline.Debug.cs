using Snello.Build.Debugging;
using Snello.Debian.Archive;
using Snello.Debian.Resolution;
using Snello.Oci.Images;

namespace Snello.Build.Pipeline;

/// <summary><c>snello debug-image</c>: an existing image with the busybox toolbox layer added.</summary>
public sealed partial class BuildPipeline
{
    /// <summary>
    /// Adds Debian's busybox-static at <c>/busybox</c> to an image, makes <c>/busybox/sh</c> its entrypoint
    /// and extends its <c>PATH</c>.
    /// </summary>
    /// <param name="image">The image; it is not changed.</param>
    /// <param name="suite">The Debian suite to take busybox-static from, such as <c>bookworm</c>.</param>
    /// <param name="options">The mirror, the time and the timestamp.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The new image.</returns>
    /// <exception cref="ArgumentException">The image's architecture has no Debian counterpart.</exception>
    /// <exception cref="ArchiveUnreachableException">The mirror cannot be reached.</exception>
    public async Task<IImage> DebugImageAsync(IImage image, string suite, BuildOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(options);
        var architecture = DebianPlatforms.FromOci(image.Config.Architecture, image.Config.Variant);
        var repositories = DebianMirrors.ForSuite(suite, ["main"], true, options.Mirror, options.AptRoot);
        var indexes = await LoadIndexesAsync(repositories, architecture, options.Now, cancellationToken)
            .ConfigureAwait(false);

        var source = new IndexPackageSource(indexes);
        var chosen = new DependencyResolver(source, architecture, ResolutionPolicy.Default, suite)
            .Resolve([new PackageRequest(ToolboxPackage)]).Packages.Single();
        var pin = Pin(chosen.Record, source);
        var repositoryOfPin = repositories.First(r => r.Name == pin.Repository);
        var path = await _archive.FetchDebAsync(repositoryOfPin, pin.Filename, pin.Sha256, pin.Size,
            cancellationToken).ConfigureAwait(false);
        var created = options.SourceDateEpoch ?? image.Config.Created ?? pin.IndexDate;
        return await DebugToolbox.AddAsync(image, new Assembly.PackageInput(ReadControl(path), path), _cache,
            created, cancellationToken).ConfigureAwait(false);
    }
}
