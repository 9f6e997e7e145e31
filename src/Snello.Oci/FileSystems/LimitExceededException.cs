namespace Snello.Oci.FileSystems;

/// <summary>Reading a layer went past one of the <see cref="ExtractionLimits"/>.</summary>
public sealed class LimitExceededException : ImageFormatException
{
    /// <summary>Creates the exception for a limit passed while reading a layer.</summary>
    /// <param name="layer">The digest of the layer being read.</param>
    /// <param name="limitName">The limit: "uncompressed size" or "entry count".</param>
    /// <param name="limit">The limit's value.</param>
    /// <param name="option">The CLI option that raises it, such as <c>--max-size</c>.</param>
    public LimitExceededException(string layer, string limitName, long limit, string option)
        : base($"layer '{layer}' goes over the {limitName} limit of {limit}; raise it with {option} " +
            "if the image is trusted")
    {
        Layer = layer;
        LimitName = limitName;
        Limit = limit;
        Option = option;
    }

    /// <summary>The digest of the layer that went over the limit.</summary>
    public string Layer { get; }

    /// <summary>Which limit: "uncompressed size" or "entry count".</summary>
    public string LimitName { get; }

    /// <summary>The limit's value.</summary>
    public long Limit { get; }

    /// <summary>The CLI option that raises the limit.</summary>
    public string Option { get; }
}
