namespace Snello.Build.Specs;

/// <summary>How the built image's files are split into layers (<c>layers</c> in snello.yaml).</summary>
public enum LayerStrategy
{
    /// <summary>One layer holding everything (<c>single</c>).</summary>
    OneLayer,

    /// <summary>The OS packages and base files in one layer, the application files in another (the default).</summary>
    PackagesAndApp,

    /// <summary>One layer per package, then one for the application files (<c>per-package</c>).</summary>
    PerPackage,
}
