namespace Snello.Build.Assembly;

/// <summary>How the assembled files are split into layers.</summary>
public enum LayerStrategy
{
    /// <summary>Base files and packages in one layer, the host files in a second (empty layers omitted).</summary>
    PackagesAndApp,

    /// <summary>Everything in one layer.</summary>
    SingleLayer,

    /// <summary>One layer of base files, one per package (sorted by name), one for the host files.</summary>
    PerPackage,
}
