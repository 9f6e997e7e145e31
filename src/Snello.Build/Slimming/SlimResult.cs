using Snello.Oci.Images;

namespace Snello.Build.Slimming;

/// <summary>The slimmed image and the report of what slimming kept and removed.</summary>
/// <param name="Image">The new image: one layer, the source's config with new rootfs and history.</param>
/// <param name="Report">Sizes and every path's reason.</param>
public sealed record SlimResult(IImage Image, SlimReport Report);
