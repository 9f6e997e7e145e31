namespace Snello.Build.Slimming;

/// <summary>One path of the slimmed image's report, kept or removed, and why.</summary>
/// <param name="Path">The absolute path in the image.</param>
/// <param name="Size">The content size of a regular file, 0 for anything else.</param>
/// <param name="Reason">Why it was kept or removed: "needed by /usr/bin/ls (DT_NEEDED libc.so.6)".</param>
public sealed record SlimPath(string Path, long Size, string Reason);
