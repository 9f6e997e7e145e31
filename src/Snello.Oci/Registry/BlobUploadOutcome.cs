namespace Snello.Oci.Registry;

/// <summary>What pushing one blob did.</summary>
public enum BlobUploadOutcome
{
    /// <summary>The repository already had the blob (<c>HEAD</c> answered 200); nothing was sent.</summary>
    Existed,

    /// <summary>The registry mounted the blob from another repository; nothing was sent.</summary>
    Mounted,

    /// <summary>The blob was uploaded.</summary>
    Uploaded,
}
